#!/usr/bin/env bash
# Throughput of the public pages against a baseline measured in the same run: a static file
# (site.css) served by the same Kestrel process. The site is started from its own published folder
# (its wwwroot is then found; from the repo root the "static file" was a 404 page). Checks that the
# baseline answers 200 with the file's bytes and every page 200, then prints requests/s, the ratio to
# the baseline and the CPU the site and wrk used (the site, not wrk, must be the one near its limit),
# and the process's resident memory after the load. Record results in docs/PERFORMANCE.md.
# Usage: bench/pages.sh [seconds per URL, default 10] (WRK="-t2 -c32" by default)
set -euo pipefail
source "$(dirname "$0")/../scripts/services.sh"

seconds="${1:-10}"
wrk_load="${WRK:--t2 -c32}"
port="${BENCH_PORT:-5099}"
ensure_prerequisites
command -v wrk >/dev/null || apt_install wrk
trap 'kill "${app_pid:-0}" 2>/dev/null || true; stop_services' EXIT
start_postgres
# A fresh database each run, so that every run measures the same content.
pg_run "$(pg_bin)/dropdb" -h 127.0.0.1 -p "$PG_PORT" -U postgres --if-exists sanatorium_bench

log "publishing the site (Release)"
dotnet publish "$REPO_ROOT/Web" -c Release -o "$LOCAL_DIR/bench/app" --nologo -v quiet >/dev/null
cd "$LOCAL_DIR/bench/app"
ASPNETCORE_ENVIRONMENT=Production \
ConnectionStrings__Sanatorium="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=sanatorium_bench" \
Site__BaseUrl="http://127.0.0.1:$port" Smtp__Host=127.0.0.1 Smtp__FromAddress=bench@staraya-russa.local \
Logging__LogLevel__Default=Warning \
  dotnet Sanatorium.Web.dll --urls "http://127.0.0.1:$port" >"$LOCAL_DIR/bench/app.log" 2>&1 &
app_pid=$!
cd "$REPO_ROOT"
for _ in $(seq 1 60); do curl -fs "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break; sleep 1; done

pages=(/ /en/treatments/lumbar-pain-syndrome /treatments/poyasnichnyy-bolevoy-sindrom /profiles/bolezni-kostno-myshechnoy-sistemy /sitemap.xml)
# The baseline must be the file itself, and every page a page.
status=$(curl -s -o "$LOCAL_DIR/bench/site.css" -w '%{http_code}' "http://127.0.0.1:$port/css/site.css")
[ "$status" = 200 ] && cmp -s "$LOCAL_DIR/bench/site.css" "$LOCAL_DIR/bench/app/wwwroot/css/site.css" \
  || { echo "the baseline /css/site.css answered $status, not the file's bytes" >&2; exit 1; }
for path in "${pages[@]}"; do
  status=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port$path")
  [ "$status" = 200 ] || { echo "$path answered $status" >&2; exit 1; }
done

cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; } # utime + stime, 1/100 s
rate() { # URL path -> "requests/s site_cpu% wrk_cpu%" (after a short warm-up)
  # shellcheck disable=SC2086
  wrk $wrk_load -d2s "http://127.0.0.1:$port$1" >/dev/null
  local site0 out
  site0=$(cpu_ticks "$app_pid")
  # shellcheck disable=SC2086
  out=$( { /usr/bin/time -f 'WRKCPU %U %S' wrk $wrk_load -d"${seconds}s" "http://127.0.0.1:$port$1"; } 2>&1 )
  awk -v s0="$site0" -v s1="$(cpu_ticks "$app_pid")" -v t="$seconds" '
    /Requests\/sec/ {r = $2} /^WRKCPU/ {w = $2 + $3}
    END {printf "%s %.0f %.0f", r, (s1 - s0) / t, 100 * w / t}' <<<"$out"
}

read -r baseline base_site base_wrk <<<"$(rate /css/site.css)"
printf 'wrk %s, %s s per URL; CPU as a share of one core (2 cores in all)\n' "$wrk_load" "$seconds"
printf '%-50s %10s %8s %9s %8s\n' "URL" "req/s" "ratio" "site_cpu" "wrk_cpu"
printf '%-50s %10.0f %8s %8s%% %7s%%\n' "/css/site.css (baseline, $(stat -c %s "$LOCAL_DIR/bench/site.css") bytes)" "$baseline" "1.00" "$base_site" "$base_wrk"
for path in "${pages[@]}"; do
  read -r r site_cpu wrk_cpu <<<"$(rate "$path")"
  printf '%-50s %10.0f %8.2f %8s%% %7s%%\n' "$path" "$r" "$(awk -v a="$r" -v b="$baseline" 'BEGIN {print a / b}')" "$site_cpu" "$wrk_cpu"
done
printf 'resident memory after the load: %s MiB\n' "$(( $(awk '/VmRSS/ {print $2}' "/proc/$app_pid/status") / 1024 ))"
