#!/usr/bin/env bash
# Screenshots of the public pages, taken by the machine's Chromium from a running site
# (start it with scripts/run.sh first). Usage: scripts/screenshots.sh [base URL]
set -euo pipefail
base="${1:-http://127.0.0.1:5080}"
out="$(cd "$(dirname "$0")/.." && pwd)/docs/screenshots"
mkdir -p "$out"
command -v chromium >/dev/null || { apt-get update -qq && apt-get install -y -qq chromium >/dev/null; }

shoot() { # name path width height
  local profile
  profile=$(mktemp -d)
  chromium --headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update \
    --disable-sync --no-first-run --disable-quic --hide-scrollbars --user-data-dir="$profile" \
    --window-size="$3,$4" --screenshot="$out/$1.png" "$base$2" >/dev/null 2>&1
  rm -rf "$profile"
  echo "$out/$1.png"
}

shoot treatment-ru /treatments/poyasnichnyy-bolevoy-sindrom 1280 2300
shoot treatment-en /en/treatments/lumbar-pain-syndrome 1280 2300
shoot home-ru / 1280 900
shoot home-en /en/ 1280 900
shoot treatment-en-phone /en/treatments/lumbar-pain-syndrome 390 1400
shoot not-found-en /en/treatments/no-such-page 1280 800
