#!/usr/bin/env bash
# The back office's subscriber list at 1,000,000 subscribers, over HTTP and logged in as the first
# administrator: p50 and p95 of a prefix search, a substring search, a status filter and a deep page
# (keyset, 500,000 rows down), against two baselines measured in the same run by the same Kestrel:
# a static file (/css/admin.css) and the back office's home page (the same login, layout and
# antiforgery work, no subscriber query). Goal: p95 under 50 ms each. Record results in docs/PERFORMANCE.md.
# Usage: bench/subscribers.sh [requests per URL, default 200]; SCREENSHOTS=1 also saves the marketers' screens
# (docs/screenshots/subscribers*.png, dashboard-marketing.png) from this site with its million rows.
# BENCH_PG_PORT=55440 uses a PostgreSQL already listening there (user postgres, trust) instead of
# starting a throwaway cluster; the bench database is dropped and made again either way.
set -euo pipefail
source "$(dirname "$0")/../scripts/services.sh"

requests="${1:-200}"
port="${BENCH_PORT:-5098}"
rows=1000000
database=sanatorium_bench_subscribers
admin_email=bench-admin@staraya-russa.local
admin_password=Bench-Admin-Password-42
base="http://127.0.0.1:$port"
work="$LOCAL_DIR/bench/subscribers"
mkdir -p "$work"
jar="$work/cookies.txt"

# The site and PostgreSQL only: no mail is sent, so no MailDev.
command -v dotnet >/dev/null || { log "the .NET 10 SDK is required (https://dot.net)"; exit 1; }
[ -n "$(pg_bin)" ] || apt_install postgresql
trap 'kill ${app_pid:-} 2>/dev/null || true; stop_services' EXIT
if [ -n "${BENCH_PG_PORT:-}" ]; then
  PG_PORT="$BENCH_PG_PORT"
else
  start_postgres
fi
psql_bench() { pg_run "$(pg_bin)/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -d "$database" -v ON_ERROR_STOP=1 -qAt "$@"; }
pg_run "$(pg_bin)/dropdb" -h 127.0.0.1 -p "$PG_PORT" -U postgres --if-exists "$database"

log "publishing the site (Release)"
dotnet publish "$REPO_ROOT/Web" -c Release -o "$work/app" --nologo -v quiet >/dev/null
ASPNETCORE_ENVIRONMENT=Production \
ConnectionStrings__Sanatorium="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=$database" \
Site__BaseUrl="$base" Smtp__Host=127.0.0.1 Smtp__FromAddress=bench@staraya-russa.local \
Admin__Email="$admin_email" Admin__Password="$admin_password" \
Logging__LogLevel__Default=Warning \
  bash -c 'cd "$1" && exec dotnet Sanatorium.Web.dll --urls "$2"' _ "$work/app" "$base" >"$work/app.log" 2>&1 &
app_pid=$!
for _ in $(seq 1 120); do curl -fs "$base/healthz" >/dev/null 2>&1 && break; sleep 1; done
curl -fs "$base/healthz" >/dev/null || { cat "$work/app.log" >&2; exit 1; }

log "filling $rows subscribers"
fill_started=$(date +%s)
psql_bench <<SQL
INSERT INTO "Subscribers" ("Email", "Name", "Language", "Status", "Source", "CreatedAt", "ConfirmedAt",
                           "UnsubscribedAt", "ConsentAt", "ConsentSource", "ConsentLanguage", "Stamp")
SELECT email, name, language, status, source, created,
       CASE WHEN status <> 'Pending' THEN created + interval '20 minutes' END,
       CASE WHEN status = 'Unsubscribed' THEN created + LEAST((1 + i % 60) * interval '1 day', (now() - created) / 2) END,
       created,
       CASE WHEN source = 'Import' THEN 'import ' || (i % 40) ELSE '/' END,
       language, gen_random_uuid()
FROM (
  SELECT i,
         (ARRAY['ivan','olga','petr','anna','sergey','maria','dmitry','elena','nikolai','tatiana'])[1 + i % 10]
           || '.' || (ARRAY['ivanov','petrova','sidorov','smirnova','kuznetsov','popova','volkov','morozova'])[1 + (i / 10) % 8]
           || i || '@' || (ARRAY['mail.ru','yandex.ru','gmail.com','rambler.ru','bk.ru','list.ru','inbox.ru','почта.рф'])[1 + (i / 80) % 8] AS email,
         CASE WHEN i % 3 = 0 THEN NULL ELSE 'Subscriber ' || i END AS name,
         CASE WHEN i % 5 = 0 THEN 'En' ELSE 'Ru' END AS language,
         CASE WHEN i % 10 < 7 THEN 'Confirmed' WHEN i % 10 < 9 THEN 'Unsubscribed' ELSE 'Pending' END AS status,
         CASE WHEN i % 4 = 0 THEN 'Import' ELSE 'Form' END AS source,
         -- a year of sign-ups, more of them lately (ids follow time, as they do in production)
         now() - power(1 - i::float8 / $rows, 1.6) * interval '365 days' AS created
  FROM generate_series(1, $rows) AS i
) AS generated;
VACUUM ANALYZE "Subscribers";
SQL
log "filled in $(( $(date +%s) - fill_started )) s"

log "logging in as $admin_email"
login_page=$(curl -fs -c "$jar" -b "$jar" "$base/admin/account/login")
token=$(printf '%s' "$login_page" | grep -o 'name="__RequestVerificationToken"[^>]*value="[^"]*"' | head -n 1 | sed 's/.*value="\([^"]*\)".*/\1/')
status=$(curl -s -o /dev/null -w '%{http_code}' -c "$jar" -b "$jar" \
  --data-urlencode "Input.Email=$admin_email" --data-urlencode "Input.Password=$admin_password" \
  --data-urlencode "__RequestVerificationToken=$token" "$base/admin/account/login")
[ "$status" = 302 ] || { log "login answered $status, not 302"; exit 1; }

deep_after=$(psql_bench -c "SELECT \"Id\" FROM \"Subscribers\" ORDER BY \"Id\" DESC OFFSET 500000 LIMIT 1")
# name|path|text the answer must contain (a count or an address we know is there)
checks=(
  "baseline: static file|/css/admin.css|.admin-header"
  "baseline: back office home|/admin|admin-nav"
  "prefix search|/admin/marketing/subscribers?q=anna.smirnova35&match=prefix|anna.smirnova35"
  "substring search|/admin/marketing/subscribers?q=ova4242|ova4242"
  "status filter|/admin/marketing/subscribers?status=pending|class=\"badge status-pending\""
  "prefix, 12,500 matches|/admin/marketing/subscribers?q=anna.smirnova&match=prefix|anna.smirnova"
  "status + language, no match|/admin/marketing/subscribers?status=pending&language=en|id=\"subscriber-total\""
  "deep page (keyset)|/admin/marketing/subscribers?after=$deep_after|rel=\"next\""
)
for check in "${checks[@]}"; do
  IFS='|' read -r name path expected <<<"$check"
  body=$(curl -s -b "$jar" -w '\n%{http_code}' "$base$path")
  code=${body##*$'\n'}
  [ "$code" = 200 ] || { log "$name: $path answered $code"; exit 1; }
  printf '%s' "$body" | grep -qF "$expected" || { log "$name: $path does not contain '$expected'"; exit 1; }
done
# The deep page shows the row just below the cursor: the keyset really went 500,000 rows down.
next_below=$(psql_bench -c "SELECT \"Email\" FROM \"Subscribers\" WHERE \"Id\" < $deep_after ORDER BY \"Id\" DESC LIMIT 1")
curl -s -b "$jar" "$base/admin/marketing/subscribers?after=$deep_after" | grep -qF "$next_below" \
  || { log "the deep page does not start with $next_below"; exit 1; }
log "every URL answers 200 with what it should"

# One curl fetches the URL again and again over a kept-alive connection, one request at a time.
fetch_times() { # path count -> one time_total per line, in seconds
  local i
  for i in $(seq 1 "$2"); do printf 'url = "%s"\noutput = "/dev/null"\n' "$base$1"; done \
    | curl -s -b "$jar" -w '%{time_total}\n' -K -
}
percentiles() { # path -> "p50 p95" in milliseconds
  fetch_times "$1" 20 >/dev/null
  fetch_times "$1" "$requests" | sort -n \
    | awk '{ t[NR] = $1 * 1000 } END { printf "%.1f %.1f", t[int((NR + 1) * 0.5)], t[int(NR * 0.95 + 0.5)] }'
}

printf '\n%-32s %9s %9s   %s\n' "what" "p50 ms" "p95 ms" "URL"
for check in "${checks[@]}"; do
  IFS='|' read -r name path _ <<<"$check"
  read -r p50 p95 <<<"$(percentiles "$path")"
  printf '%-32s %9s %9s   %s\n' "$name" "$p50" "$p95" "$path"
done
printf '\n%s requests per URL, one at a time over a kept-alive connection; %s subscribers; %s\n' \
  "$requests" "$rows" "$(nproc) cores, $(awk '/MemTotal/ {printf "%d GiB", $2 / 1048576}' /proc/meminfo)"
printf 'resident memory of the site after the runs: %s MiB\n' "$(( $(awk '/VmRSS/ {print $2}' "/proc/$app_pid/status") / 1024 ))"

if [ "${SCREENSHOTS:-}" = 1 ]; then
  ensure_chromium
  dotnet run "$REPO_ROOT/bench/subscribers-screenshots.cs" -- "$base" "$admin_email" "$admin_password" "$REPO_ROOT/docs/screenshots"
fi
