#!/bin/sh
# Adds the system service to the .deb that jpackage built (jpackage puts files under /opt only):
#   /lib/systemd/system/sessiondesk-server.service   the unit (service/sessiondesk-server.service)
#   /etc/sessiondesk/server.env                       its settings, a conffile (dpkg keeps local changes)
#   /usr/sbin/sessiondesk-server                      the service's command line for root
#                                                     (service/sessiondesk-server-admin)
# and updates Installed-Size. The maintainer scripts (resources/postinst, prerm, postrm) set the
# service up. Usage: installer/linux/add-service-to-deb.sh DIR   (every DIR/*.deb; run from the
# project root by the installer profile, after jpackage). Needs fakeroot and dpkg-deb, like
# jpackage's .deb.
set -eu
here=$(dirname "$0")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
found=
for deb in "$1"/*.deb; do
    [ -e "$deb" ] || continue
    found=yes
    rm -rf "$work/package"
    fakeroot -- sh -eu -c '
        deb=$1 here=$2 root=$3/package
        dpkg-deb --raw-extract "$deb" "$root"
        install -D -m 0644 "$here/service/sessiondesk-server.service" "$root/lib/systemd/system/sessiondesk-server.service"
        install -D -m 0600 "$here/service/server.env" "$root/etc/sessiondesk/server.env"
        install -D -m 0755 "$here/service/sessiondesk-server-admin" "$root/usr/sbin/sessiondesk-server"
        echo /etc/sessiondesk/server.env >>"$root/DEBIAN/conffiles"
        size=$(du -sk --exclude=DEBIAN "$root" | cut -f1)
        sed -i "s/^Installed-Size: .*/Installed-Size: $size/" "$root/DEBIAN/control"
        dpkg-deb -Zgzip --build "$root" "$deb" >/dev/null
    ' add-service-to-deb "$deb" "$here" "$work"
    echo "add-service-to-deb: $deb: the unit sessiondesk-server.service, /etc/sessiondesk/server.env, /usr/sbin/sessiondesk-server"
done
[ -n "$found" ] || { echo "add-service-to-deb: no .deb in $1" >&2; exit 1; }
