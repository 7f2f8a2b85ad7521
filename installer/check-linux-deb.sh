#!/usr/bin/env bash
# Checks the .deb's system service and maintainer scripts with a real installation (as root, on a
# machine where the package is not installed; CI runs it in a throw-away container):
#   1. dpkg -i: the unit /lib/systemd/system/sessiondesk-server.service passes
#      `systemd-analyze verify` and is enabled; the system user sessiondesk, its data directory
#      /var/lib/sessiondesk (0700), the conffile /etc/sessiondesk/server.env and the first admin
#      password in /etc/sessiondesk/admin-password (0600 root) exist; the client's class-data
#      sharing archive, made by postinst, maps.
#   2. The first-run story, without systemd: the installed service runs as sessiondesk with the
#      unit's two environment files (as systemd would start it), answers /api/v1/health, the
#      super user admin signs in with the generated password; `sessiondesk-server user passwd
#      admin` (/usr/sbin, as root) changes it; SIGTERM stops the service with 143 or 0.
#   3. dpkg -i of the same package again (an upgrade): the data, the user, a local change to the
#      conffile and the password file are kept.
#   4. dpkg -r keeps the data, the user and the settings; dpkg --purge removes them all.
# Usage: installer/check-linux-deb.sh DEB   Needs curl and systemd-analyze (the systemd package;
# .ci/run installs them when missing). Every wait is bounded.
set -euo pipefail

deb=${1:?usage: installer/check-linux-deb.sh DEB}
unit=/lib/systemd/system/sessiondesk-server.service
settings=/etc/sessiondesk/server.env
password_file=/etc/sessiondesk/admin-password
data=/var/lib/sessiondesk
start_limit=90
stop_limit=20

fail() {
  echo "check-linux-deb: FAILED: $*" >&2
  exit 1
}
[ "$(id -u)" = 0 ] || fail "run it as root (it installs and purges the package)"
for tool in dpkg curl systemd-analyze setpriv; do
  command -v "$tool" >/dev/null || fail "$tool is not installed"
done
if dpkg-query -W -f='${Status}' sessiondesk 2>/dev/null | grep -q 'installed'; then
  fail "the package sessiondesk is installed already: this check installs and purges it"
fi

work=$(mktemp -d)
server_pid=
cleanup() {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill -KILL "$server_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

show_log() {
  echo "--- last lines of $(basename "$1"):" >&2
  tail -n 30 "$1" | sed 's/^/    /' >&2
}
free_port() {
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
install_package() { # what: dpkg -i, its output kept
  DEBIAN_FRONTEND=noninteractive dpkg -i "$deb" >"$work/dpkg.log" 2>&1 ||
    { show_log "$work/dpkg.log"; fail "$1: dpkg -i failed"; }
}
install_dependencies() { # the packages the .deb depends on that are missing (apt-get: dpkg does not fetch them)
  local missing
  missing=$(dpkg-deb --field "$deb" Depends | tr ',' '\n' | sed 's/|.*//; s/(.*)//; s/[[:space:]]//g' |
    while read -r name; do
      [ -n "$name" ] && ! dpkg-query -W -f='${Status}' "$name" 2>/dev/null | grep -q 'ok installed' && echo "$name"
    done || true)
  [ -z "$missing" ] && return
  echo "check-linux-deb: installing the package's dependencies:" $missing
  # shellcheck disable=SC2086
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing; } \
    >"$work/apt.log" 2>&1 || { show_log "$work/apt.log"; fail "could not install the dependencies: $missing"; }
}
mode_owner() { stat -c '%a %U:%G' "$1"; }
env_lines() { # the SESSIONDESK_*=value lines of an environment file
  grep -E '^SESSIONDESK_[A-Z0-9_]+=' "$1" || true
}
login() { # port username password: the HTTP status of the admin sign-in
  curl -s --max-time 60 -o /dev/null -w '%{http_code}' -H 'Content-Type: application/json' \
    -d "{\"username\":\"$2\",\"password\":\"$3\"}" "http://127.0.0.1:$1/api/v1/admin/login" || true
}
start_service() { # port: runs the installed service as systemd would (its user, the unit's environment files)
  local vars
  mapfile -t vars < <(env_lines "$settings"; [ -r "$password_file" ] && env_lines "$password_file")
  (cd "$data" && exec setpriv --reuid=sessiondesk --regid=sessiondesk --init-groups -- env -i PATH=/usr/bin:/bin "${vars[@]}" SESSIONDESK_PORT="$1" \
    /opt/sessiondesk/bin/sessiondesk-server serve) >"$work/service.log" 2>&1 &
  server_pid=$!
  local started=$SECONDS body
  while :; do
    body=$(curl -s --max-time 2 -w '\n%{http_code}' "http://127.0.0.1:$1/api/v1/health" 2>/dev/null || true)
    # Ready: health answers and start-up finished (the service logs "listening on" once the first
    # super user exists; the port opens a moment before).
    [ "${body##*$'\n'}" = 200 ] && grep -q 'listening on http' "$work/service.log" && break
    kill -0 "$server_pid" 2>/dev/null || { show_log "$work/service.log"; fail "the installed service exited before answering"; }
    [ $((SECONDS - started)) -lt "$start_limit" ] ||
      { show_log "$work/service.log"; fail "the installed service did not answer /api/v1/health within $start_limit s"; }
    sleep 0.5
  done
}
stop_service() {
  kill -TERM "$server_pid"
  local stopping=$SECONDS code=0
  while kill -0 "$server_pid" 2>/dev/null; do
    [ $((SECONDS - stopping)) -lt "$stop_limit" ] || fail "the installed service still runs $stop_limit s after SIGTERM"
    sleep 0.2
  done
  wait "$server_pid" || code=$?
  server_pid=
  # 143 = 128 + SIGTERM (the unit's SuccessExitStatus): the JVM ran its shutdown hooks.
  [ "$code" = 0 ] || [ "$code" = 143 ] || { show_log "$work/service.log"; fail "the service exited with $code after SIGTERM"; }
}

# --- 1. installation ----------------------------------------------------------------------------
install_dependencies
echo "check-linux-deb: dpkg -i $deb"
install_package "installation"
[ -f "$unit" ] || fail "no $unit"
systemd-analyze verify "$unit" >"$work/verify.log" 2>&1 || { show_log "$work/verify.log"; fail "systemd-analyze verify $unit"; }
if [ -s "$work/verify.log" ]; then
  show_log "$work/verify.log"
  fail "systemd-analyze verify $unit warned"
fi
[ -L /etc/systemd/system/multi-user.target.wants/sessiondesk-server.service ] || fail "the service is not enabled"
getent passwd sessiondesk >/dev/null || fail "no user sessiondesk"
uid=$(id -u sessiondesk)
[ "$uid" -lt 1000 ] || fail "sessiondesk is not a system user (uid $uid)"
[ "$(getent passwd sessiondesk | cut -d: -f7)" = /usr/sbin/nologin ] || fail "sessiondesk can log in"
[ "$(mode_owner "$data")" = "700 sessiondesk:sessiondesk" ] || fail "$data: $(mode_owner "$data")"
dpkg-query -W -f='${Conffiles}\n' sessiondesk | grep -q "^ $settings " || fail "$settings is not a conffile"
[ "$(mode_owner "$settings")" = "600 root:root" ] || fail "$settings: $(mode_owner "$settings")"
[ "$(mode_owner "$password_file")" = "600 root:root" ] || fail "$password_file: $(mode_owner "$password_file")"
admin_password=$(sed -n 's/^SESSIONDESK_ADMIN_PASSWORD=//p' "$password_file")
[ "${#admin_password}" -ge 12 ] || fail "$password_file holds no password of 12 characters or more"
# The client's class-data sharing archive, made by postinst at the installed path: -Xshare:on
# makes Java refuse to start unless it maps.
[ -s /opt/sessiondesk/lib/app/sessiondesk.jsa ] || fail "postinst made no class-data sharing archive for the client"
JAVA_TOOL_OPTIONS="-Xshare:on" /opt/sessiondesk/bin/SessionDesk --version >"$work/cds.log" 2>&1 ||
  { show_log "$work/cds.log"; fail "the installed client's class-data sharing archive does not map"; }
echo "check-linux-deb: unit verified and enabled; user sessiondesk (uid $uid), $data, $settings (conffile), $password_file: ok"

# --- 2. the first-run story ---------------------------------------------------------------------
port=$(free_port)
start_service "$port"
[ -f "$data/sessiondesk.db" ] || fail "the service keeps no database in $data"
[ "$(stat -c %U "$data/sessiondesk.db")" = sessiondesk ] || fail "the database is not the service user's"
status=$(login "$port" admin "$admin_password")
[ "$status" = 200 ] || fail "admin cannot sign in with the password in $password_file (HTTP $status)"
new_password="check-deb-password-$RANDOM-$RANDOM"
printf '%s\n' "$new_password" | timeout 60 sessiondesk-server user passwd admin >"$work/passwd.log" 2>&1 ||
  { show_log "$work/passwd.log"; fail "sudo sessiondesk-server user passwd admin failed"; }
[ "$(login "$port" admin "$new_password")" = 200 ] || fail "the password set by sessiondesk-server user passwd does not sign in"
[ "$(login "$port" admin "$admin_password")" = 401 ] || fail "the first password still signs in after the change"
stop_service
if grep -qE 'Exception|SEVERE|ERROR' "$work/service.log"; then
  show_log "$work/service.log"
  fail "the installed service logged an error"
fi
if su -s /bin/sh -c "cat $password_file" sessiondesk >/dev/null 2>&1; then
  fail "the user sessiondesk can read $password_file"
fi
echo "check-linux-deb: the service ran as sessiondesk; admin signed in with the generated password; user passwd changed it; SIGTERM stopped it: ok"

# --- 3. upgrade: the same package again ---------------------------------------------------------
echo "# a local change that an upgrade keeps" >>"$settings"
digest=$(md5sum "$data/sessiondesk.db" "$password_file")
install_package "upgrade"
[ "$(id -u sessiondesk)" = "$uid" ] || fail "the upgrade changed the user sessiondesk"
[ "$(md5sum "$data/sessiondesk.db" "$password_file")" = "$digest" ] || fail "the upgrade changed the data or the password file"
grep -q '^# a local change that an upgrade keeps$' "$settings" || fail "the upgrade lost the local change to $settings"
start_service "$port"
[ "$(login "$port" admin "$new_password")" = 200 ] || fail "admin cannot sign in after the upgrade"
stop_service
echo "check-linux-deb: upgrade kept the user, the data, the settings: ok"

# --- 4. removal, then purge -----------------------------------------------------------------
dpkg -r sessiondesk >"$work/dpkg.log" 2>&1 || { show_log "$work/dpkg.log"; fail "dpkg -r failed"; }
[ ! -e "$unit" ] || fail "dpkg -r left $unit"
[ -f "$data/sessiondesk.db" ] && getent passwd sessiondesk >/dev/null && [ -f "$settings" ] ||
  fail "dpkg -r did not keep the data, the user and the settings"
dpkg --purge sessiondesk >"$work/dpkg.log" 2>&1 || { show_log "$work/dpkg.log"; fail "dpkg --purge failed"; }
for path in "$data" /etc/sessiondesk "$unit" /etc/systemd/system/multi-user.target.wants/sessiondesk-server.service \
    /usr/sbin/sessiondesk-server /opt/sessiondesk; do
  [ ! -e "$path" ] && [ ! -L "$path" ] || fail "dpkg --purge left $path"
done
! getent passwd sessiondesk >/dev/null || fail "dpkg --purge left the user sessiondesk"
! getent group sessiondesk >/dev/null || fail "dpkg --purge left the group sessiondesk"
echo "check-linux-deb: dpkg -r kept the data; dpkg --purge removed the data, settings, unit and user: ok"
echo "check-linux-deb: ok"
