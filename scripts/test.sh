#!/usr/bin/env bash
# Runs every test against real servers and ends with one line: "N passed, N failed".
# Usage: scripts/test.sh [--fast] [extra dotnet test arguments, e.g. --filter FullyQualifiedName~Treatment]
#   --fast leaves out the browser tests (trait Category=Browser) for a quick local run; CI runs everything.
set -uo pipefail
source "$(dirname "$0")/services.sh"

fast=""
if [ "${1:-}" = "--fast" ]; then
  fast="Category!=Browser"
  shift
fi
filter_given=""
for argument in "$@"; do
  case "$argument" in --filter|--filter=*) filter_given=1 ;; esac
done
if [ -n "$fast" ] && [ -n "$filter_given" ]; then
  log "--fast and --filter do not combine: add Category!=Browser to your own filter instead"
  exit 2
fi

ensure_prerequisites || exit 1
if [ -z "$fast" ]; then
  ensure_chromium || exit 1
fi
trap stop_services EXIT
if docker info >/dev/null 2>&1; then
  log "a Docker engine answers: tests start PostgreSQL with Testcontainers"
else
  start_postgres || exit 1
  export SANATORIUM_TEST_POSTGRES="$SANATORIUM_PG_ADMIN"
fi
start_maildev || exit 1
export SANATORIUM_TEST_MAILDEV="$SANATORIUM_MAILDEV_URL" SANATORIUM_TEST_SMTP_PORT="$SMTP_PORT"

results="$LOCAL_DIR/test-results"
rm -rf "$results"
dotnet test "$REPO_ROOT/Sanatorium.sln" --logger "trx" --results-directory "$results" ${fast:+--filter "$fast"} "$@"
status=$?

passed=0
failed=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx")
  passed=$((passed + $(sed -E 's/.* passed="([0-9]+)".*/\1/' <<<"$counters")))
  failed=$((failed + $(sed -E 's/.* failed="([0-9]+)".*/\1/' <<<"$counters")))
done
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  failed=1 # the build or the test host failed before a test could report
fi
if [ "$passed" -eq 0 ] && [ "$failed" -eq 0 ]; then
  failed=1 # no test ran: that is a failure, not a success
fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
