#!/usr/bin/env bash
# Regenerates the PNG icon set from assets/icon.svg (needs rsvg-convert: apt-get install librsvg2-bin).
set -euo pipefail
cd "$(dirname "$0")/.."
for s in 16 32 48 96 128; do rsvg-convert -w "$s" -h "$s" assets/icon.svg -o "public/icon/$s.png"; done
