#!/usr/bin/env bash
# Regenerates the installers' icons from the one source image, assets/icons/sessiondesk.png
# (512x512, also the client's window icon; drawn by assets/icons/make-icon.sh):
#   assets/icons/sessiondesk-128.png  128x128, the window icon and the logo inside the window (shown
#                                     at 30-48 px: decoding the 512 px source took the FX thread longer)
#   installer/linux/sessiondesk.png   256x256, the menu entry's icon (jpackage --icon on Linux)
#   installer/windows/sessiondesk.ico 16..256, the .exe launchers, Start menu and the MSI
#   installer/macos/sessiondesk.icns  128/256/512 PNG entries, the .app bundle and the DMG
# Needs ImageMagick (convert) and python3. The generated files are committed, so the build itself
# never needs ImageMagick: run this after changing the source image.
set -euo pipefail
cd "$(dirname "$0")/.."

src=assets/icons/sessiondesk.png
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

render() { # size output: a square PNG, 8 bits per channel, no timestamps (reproducible)
  convert "$src" -resize "$1x$1" -depth 8 -define png:exclude-chunks=date,time "PNG32:$2"
}

render 128 assets/icons/sessiondesk-128.png
render 256 installer/linux/sessiondesk.png
for size in 16 24 32 48 64 128 256; do
  render "$size" "$tmp/$size.png"
done
convert "$tmp"/{16,24,32,48,64,128,256}.png installer/windows/sessiondesk.ico
render 128 "$tmp/ic07.png"
cp "$tmp/256.png" "$tmp/ic08.png"
render 512 "$tmp/ic09.png"

# ICNS: the magic 'icns' and the file length, then one entry per size: a 4-byte type, the entry
# length (8 + data) and PNG data. ic07 = 128, ic08 = 256, ic09 = 512 pixels.
python3 - "$tmp" installer/macos/sessiondesk.icns <<'PY'
import struct, sys
tmp, out = sys.argv[1], sys.argv[2]
entries = b""
for kind in ("ic07", "ic08", "ic09"):
    data = open(f"{tmp}/{kind}.png", "rb").read()
    entries += kind.encode() + struct.pack(">I", 8 + len(data)) + data
open(out, "wb").write(b"icns" + struct.pack(">I", 8 + len(entries)) + entries)
PY

ls -l assets/icons/sessiondesk-128.png installer/linux/sessiondesk.png installer/windows/sessiondesk.ico installer/macos/sessiondesk.icns
