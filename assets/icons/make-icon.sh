#!/usr/bin/env bash
# Draws the application icon (512x512 PNG) with ImageMagick: a blue rounded square, a phone
# outline and a "sign out" badge. Run from this folder: ./make-icon.sh
set -euo pipefail
convert -size 512x512 gradient:'#2f81f7-#1f4fbf' \
  \( -size 512x512 xc:black -fill white -draw 'roundrectangle 16,16 495,495 104,104' \) \
  -alpha off -compose CopyOpacity -composite -compose Over \
  -fill none -stroke white -strokewidth 26 -draw 'roundrectangle 142,92 318,412 34,34' \
  -stroke none -fill white -draw 'roundrectangle 200,360 260,376 8,8' \
  -fill '#2457cc' -draw 'circle 354,354 354,242' \
  -fill white -draw 'circle 354,354 354,258' \
  -fill '#1f4fbf' -draw 'rectangle 300,342 378,366' \
  -fill '#1f4fbf' -draw 'polygon 372,318 420,354 372,390' \
  -depth 8 PNG32:sessiondesk.png
