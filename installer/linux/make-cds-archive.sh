#!/usr/bin/env bash
# The client's class-data sharing archive (AppCDS), made at package time with the runtime that
# ships (the app image's own lib/runtime):
#   1. a training run, `bin/SessionDesk --smoke-test` on a virtual display (xvfb-run) with a
#      throw-away data directory, writes the classes that start-up loads into
#      lib/app/sessiondesk.classlist;
#   2. `-Xshare:dump` through the launcher itself (so with its exact class path and options) turns
#      that list into lib/app/sessiondesk.jsa, which the launcher maps (app-image.args:
#      -XX:SharedArchiveFile=$APPDIR/sessiondesk.jsa).
# The class list is also copied into the installer's input (INPUT_DIR), so the .deb carries it; an
# archive only works at the path it was made for (Java 17 records the absolute class path and the
# jars' times), so the .deb's postinst makes the installed one from the list with the same
# `-Xshare:dump` (resources/postinst).
# Usage: installer/linux/make-cds-archive.sh APP_IMAGE_DIR INPUT_DIR. Needs xvfb-run and GTK 3
# (like the app image's check; .ci/run installs them).
set -euo pipefail
app=$1
input=$2
list="$app/lib/app/sessiondesk.classlist"
archive="$app/lib/app/sessiondesk.jsa"
command -v xvfb-run >/dev/null ||
  { echo "make-cds-archive: xvfb-run is missing (apt-get install xvfb xauth), or build with -Dinstaller.skipCds=true" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
rm -f "$list" "$archive"
# The list records what start-up loads; the archive in the launcher's options does not exist yet.
JAVA_TOOL_OPTIONS="-Dsessiondesk.home=$work/home -Djavafx.cachedir=$work/javafx-cache -XX:DumpLoadedClassList=$list" \
  timeout --kill-after=10 300 xvfb-run -a -s "-screen 0 1400x900x24" "$app/bin/SessionDesk" --smoke-test \
  >"$work/training.log" 2>&1 || { tail -n 30 "$work/training.log" >&2; echo "make-cds-archive: the training run failed" >&2; exit 1; }
grep -q '^smoke-test: ok' "$work/training.log" || { tail -n 30 "$work/training.log" >&2; exit 1; }
JAVA_TOOL_OPTIONS="-Xshare:dump -XX:SharedClassListFile=$list" timeout 300 "$app/bin/SessionDesk" >"$work/dump.log" 2>&1 ||
  { tail -n 30 "$work/dump.log" >&2; echo "make-cds-archive: -Xshare:dump failed" >&2; exit 1; }
[ -s "$archive" ] || { tail -n 30 "$work/dump.log" >&2; echo "make-cds-archive: no $archive" >&2; exit 1; }
cp "$list" "$input/sessiondesk.classlist"
echo "make-cds-archive: $(wc -l <"$list") classes listed; $archive: $(du -h "$archive" | cut -f1)"
