#!/usr/bin/env bash
# Screenshots of the public pages, normal and in each colour scheme of the version for the visually
# impaired, taken by the machine's Chromium from a running site (start it with scripts/run.sh first).
# Usage: scripts/screenshots.sh [base URL]
set -euo pipefail
source "$(dirname "$0")/services.sh"
base="${1:-http://127.0.0.1:5080}"
ensure_chromium
dotnet run "$REPO_ROOT/scripts/screenshots.cs" -- "$base" "$REPO_ROOT/docs/screenshots"

# The back office: the editor's browser test saves its main screens as it goes.
SANATORIUM_SCREENSHOTS="$REPO_ROOT/docs/screenshots" bash "$REPO_ROOT/scripts/test.sh" --filter "FullyQualifiedName~AdminBrowserTests"
