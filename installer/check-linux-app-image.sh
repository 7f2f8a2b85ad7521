#!/usr/bin/env bash
# Checks the Linux app image that `mvn -Pinstaller package` builds: both launchers really work.
#   1. bin/sessiondesk-server starts on a free port with a throw-away data directory, answers
#      GET /api/v1/health with 200 {"status":"ok"}; `sessiondesk-server user add` makes a super
#      user who can sign in; the service exits after SIGTERM.
#   2. bin/SessionDesk --smoke-test, on a virtual display (xvfb-run), opens the window on the
#      built-in service, waits for the sessions table to fill, and exits 0.
# Usage: installer/check-linux-app-image.sh [APP_IMAGE_DIR]   (default target/installer/SessionDesk)
# Needs curl, xvfb-run and GTK 3 (.ci/run installs them when missing). Every wait is bounded; the
# processes it starts are stopped on any exit.
set -euo pipefail

app=${1:-target/installer/SessionDesk}
server_start_limit=90   # seconds until /api/v1/health answers
server_stop_limit=20    # seconds from SIGTERM to exit
client_limit=180        # seconds for the whole client smoke test

fail() {
  echo "check-linux-app-image: FAILED: $*" >&2
  exit 1
}

for launcher in SessionDesk sessiondesk-server; do
  [ -x "$app/bin/$launcher" ] || fail "no launcher $app/bin/$launcher: build it with mvn -Pinstaller -DskipTests package"
done
for tool in curl xvfb-run; do
  command -v "$tool" >/dev/null || fail "$tool is not installed"
done

work=$(mktemp -d)
server_pid=
cleanup() {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill -KILL "$server_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

show_log() { # file: its last lines, indented, to stderr
  echo "--- last lines of $(basename "$1"):" >&2
  tail -n 30 "$1" | sed 's/^/    /' >&2
}

free_port() { # a port nobody listens on (a connection attempt is refused)
  local port
  for _ in $(seq 1 50); do
    port=$((20000 + RANDOM % 30000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return
    fi
  done
  fail "found no free port"
}

# --- 1. the session service launcher ----------------------------------------------------------
port=$(free_port)
server_home="$work/server-home"
echo "check: starting $app/bin/sessiondesk-server --port $port (data in a temp dir)"
started=$SECONDS
SESSIONDESK_ADMIN_PASSWORD="check-$RANDOM-$RANDOM" \
  JAVA_TOOL_OPTIONS="-Dsessiondesk.home=$server_home" \
  "$app/bin/sessiondesk-server" --port "$port" >"$work/server.log" 2>&1 &
server_pid=$!

health="http://127.0.0.1:$port/api/v1/health"
while :; do
  body=$(curl -s --max-time 2 -w '\n%{http_code}' "$health" 2>/dev/null || true)
  [ "${body##*$'\n'}" = 200 ] && break
  if ! kill -0 "$server_pid" 2>/dev/null; then
    code=0
    wait "$server_pid" || code=$?
    server_pid=
    show_log "$work/server.log"
    fail "sessiondesk-server exited (code $code) before answering $health"
  fi
  if [ $((SECONDS - started)) -ge "$server_start_limit" ]; then
    show_log "$work/server.log"
    fail "sessiondesk-server did not answer $health with 200 within $server_start_limit s"
  fi
  sleep 0.5
done
[ "${body%$'\n'*}" = '{"status":"ok"}' ] || fail "unexpected health body: ${body%$'\n'*}"
[ -f "$server_home/sessiondesk.db" ] || fail "the server did not keep its data in sessiondesk.home ($server_home)"
echo "check: sessiondesk-server answered /api/v1/health 200 after $((SECONDS - started)) s"

# `sessiondesk-server user add` beside the running service; the new super user then signs in.
password="pw-$RANDOM-$RANDOM-$RANDOM"
printf '%s\n' "$password" | JAVA_TOOL_OPTIONS="-Dsessiondesk.home=$server_home" \
  timeout 60 "$app/bin/sessiondesk-server" user add check.admin --name "Check Admin" --super \
  >"$work/user-add.log" 2>&1 || { show_log "$work/user-add.log"; fail "sessiondesk-server user add failed"; }
login=$(curl -s --max-time 10 -o /dev/null -w '%{http_code}' -H 'Content-Type: application/json' \
  -d "{\"username\":\"check.admin\",\"password\":\"$password\"}" "http://127.0.0.1:$port/api/v1/admin/login" || true)
[ "$login" = 200 ] || fail "the super user made by 'sessiondesk-server user add' could not sign in (HTTP $login)"
echo "check: sessiondesk-server user add made a super user who signs in"

kill -TERM "$server_pid"
stopping=$SECONDS
while kill -0 "$server_pid" 2>/dev/null; do
  if [ $((SECONDS - stopping)) -ge "$server_stop_limit" ]; then
    show_log "$work/server.log"
    fail "sessiondesk-server still running $server_stop_limit s after SIGTERM"
  fi
  sleep 0.2
done
code=0
wait "$server_pid" || code=$?
server_pid=
# 143 = 128 + SIGTERM: the JVM ran its shutdown hooks and exited on the signal.
if [ "$code" != 0 ] && [ "$code" != 143 ]; then
  show_log "$work/server.log"
  fail "sessiondesk-server exited with code $code after SIGTERM"
fi
if grep -qE 'Exception|SEVERE|ERROR' "$work/server.log"; then
  show_log "$work/server.log"
  fail "sessiondesk-server logged an error"
fi
echo "check: sessiondesk-server stopped cleanly on SIGTERM (exit code $code)"

# --- 2. the desktop client launcher: the smoke test -------------------------------------------
client_home="$work/client-home"
echo "check: running $app/bin/SessionDesk --smoke-test under xvfb-run (limit $client_limit s)"
started=$SECONDS
code=0
# javafx.cachedir: JavaFX unpacks its native libraries there instead of in ~/.openjfx.
JAVA_TOOL_OPTIONS="-Dsessiondesk.home=$client_home -Djavafx.cachedir=$work/javafx-cache" \
  timeout --kill-after=10 "$client_limit" \
  xvfb-run -a -s "-screen 0 1400x900x24" "$app/bin/SessionDesk" --smoke-test \
  >"$work/client.log" 2>&1 || code=$?
if [ "$code" = 124 ] || [ "$code" = 137 ]; then
  show_log "$work/client.log"
  fail "SessionDesk --smoke-test did not finish within $client_limit s"
fi
if [ "$code" != 0 ] || ! grep -q '^smoke-test: ok' "$work/client.log"; then
  show_log "$work/client.log"
  fail "SessionDesk --smoke-test exited with code $code"
fi
[ -f "$client_home/sessiondesk.db" ] || fail "the client did not keep its data in sessiondesk.home ($client_home)"
echo "check: $(grep '^smoke-test: ok' "$work/client.log") ($((SECONDS - started)) s)"
echo "check-linux-app-image: ok"
