#!/usr/bin/env bash
# Client benchmarks (docs/benchmarks.md, "Desktop client"; the live table too).
# Usage: bench/client-bench.sh [launch|load|all] [runs]   or   bench/client-bench.sh live [seconds] [changes per 10 s] [push|poll|both]
#   launch: launch to first painted table with 10,000 sessions vs a bare JavaFX window (fresh JVMs);
#           also the installed app image target/installer/SessionDesk (its runtime, options and
#           class-data sharing archive) when it was built (mvn -Pinstaller -DskipTests package)
#   load:   100,000 sessions loaded and shown vs fetch+parse alone; search keystroke; heap
#   live:   100,000 sessions, 1% changing every 10 s: feed bytes and client CPU vs a full reload,
#           the FX thread's longest busy stretch, change-to-screen latency (not part of "all");
#           the client on the push stream, polling every 2 s, or both one after the other (default)
# The client runs with the JVM options of its launchers (installer/linux/app-image.args).
# Prepared databases are cached in target/bench/ (delete it to rebuild them).
set -euo pipefail
cd "$(dirname "$0")/.."
what="${1:-all}"
runs="${2:-5}"
mvn -o -q -B test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
cp="target/test-classes:target/classes:$(cat target/bench.classpath)"
run() {
  # One virtual display for the whole run; every child JVM inherits it.
  xvfb-run -a -s "-screen 0 1400x900x24" java -cp "$cp" "$@"
}
# The client's JVM options, as its launchers set them (installer/linux/app-image.args), except
# those naming the app image's own files ($APPDIR: the class-data sharing archive).
mapfile -t launcher_options < <(sed -n 's/^--java-options[[:space:]]\+//p' installer/linux/app-image.args | grep -vF '$APPDIR')
echo "client launcher options: ${launcher_options[*]}"
if [[ "$what" == launch || "$what" == all ]]; then
  app_image=()
  if [ -x target/installer/SessionDesk/bin/SessionDesk ]; then
    app_image=("-Dbench.appImage=target/installer/SessionDesk")
  else
    echo "no app image target/installer/SessionDesk: the installed app is not measured (mvn -Pinstaller -DskipTests package)"
  fi
  run "-Dbench.clientOptions=${launcher_options[*]}" "${app_image[@]}" com.sessiondesk.bench.LaunchBench "$runs"
fi
if [[ "$what" == load || "$what" == all ]]; then
  run "${launcher_options[@]}" com.sessiondesk.bench.LoadBench "$runs"
fi
if [[ "$what" == live ]]; then
  modes="${4:-both}"
  [[ "$modes" == both ]] && modes="push poll"
  for mode in $modes; do
    run "${launcher_options[@]}" com.sessiondesk.bench.LiveBench "${2:-60}" "${3:-1000}" "$mode"
  done
fi
