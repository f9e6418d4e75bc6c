#!/usr/bin/env bash
# Starts the site with everything it needs on this machine: PostgreSQL, MailDev, migrations and seed.
# Usage: scripts/run.sh            (site on http://127.0.0.1:5080; PORT=8080 scripts/run.sh for another port)
set -euo pipefail
source "$(dirname "$0")/services.sh"

PORT="${PORT:-5080}"
ensure_prerequisites
trap stop_services EXIT
start_postgres
start_maildev

# The first administrator: Admin__Email / Admin__Password from the environment, else a generated
# password kept in .local/ so that it stays the same from one run to the next.
if [ -z "${Admin__Password:-}" ]; then
  [ -f "$LOCAL_DIR/admin-password" ] || (umask 077; printf 'Sr-%s-7' "$(head -c 12 /dev/urandom | base64 | tr -d '+/=')" >"$LOCAL_DIR/admin-password")
  Admin__Password="$(cat "$LOCAL_DIR/admin-password")"
fi
export Admin__Email="${Admin__Email:-admin@staraya-russa.local}" Admin__Password
export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}"
export ConnectionStrings__Sanatorium="${ConnectionStrings__Sanatorium:-Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=sanatorium}"
export Site__BaseUrl="${Site__BaseUrl:-http://127.0.0.1:$PORT}"
export Smtp__Host="${Smtp__Host:-127.0.0.1}" Smtp__Port="${Smtp__Port:-$SMTP_PORT}" Smtp__Security="${Smtp__Security:-None}"
export Smtp__FromAddress="${Smtp__FromAddress:-promo@staraya-russa.local}"

cat >&2 <<MSG

  Site:          http://127.0.0.1:$PORT   (English: http://127.0.0.1:$PORT/en/)
  Administrator: $Admin__Email / $Admin__Password   (created at first start when no user exists)
  Mail (MailDev): $SANATORIUM_MAILDEV_URL
  Stop with Ctrl+C.

MSG
dotnet run --project "$REPO_ROOT/Web" --no-launch-profile --urls "http://127.0.0.1:$PORT"
