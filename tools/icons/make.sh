#!/bin/sh
# Redraws the site's icons and its default link preview from their SVG sources (needs rsvg-convert from
# librsvg2-bin, ImageMagick's convert and the DejaVu fonts): run from the repository root, commit the PNGs.
set -eu
www=Web/wwwroot
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for size in 16 32 48; do rsvg-convert -w $size -h $size $www/img/icon.svg -o "$tmp/icon-$size.png"; done
convert "$tmp/icon-16.png" "$tmp/icon-32.png" "$tmp/icon-48.png" $www/favicon.ico
for size in 192 512; do rsvg-convert -w $size -h $size $www/img/icon.svg -o $www/img/icon-$size.png; done
# iOS puts a touch icon's transparent corners on black: the square version, which iOS rounds itself.
sed 's/rx="12" //' $www/img/icon.svg | rsvg-convert -w 180 -h 180 -o $www/apple-touch-icon.png
rsvg-convert -w 1200 -h 630 tools/icons/preview.svg -o $www/img/preview.png
