#!/usr/bin/env bash
# Throughput of the public pages against a baseline measured in the same run: a static file
# (site.css) served by the same Kestrel process. Prints requests/s and the ratio to the baseline,
# and the process's resident memory after the load. Record results in docs/PERFORMANCE.md.
# Usage: bench/pages.sh [seconds per URL, default 10]
set -euo pipefail
source "$(dirname "$0")/../scripts/services.sh"

seconds="${1:-10}"
port="${BENCH_PORT:-5099}"
ensure_prerequisites
command -v wrk >/dev/null || apt_install wrk
trap 'kill "${app_pid:-0}" 2>/dev/null || true; stop_services' EXIT
start_postgres
# A fresh database each run, so that every run measures the same content.
pg_run "$(pg_bin)/dropdb" -h 127.0.0.1 -p "$PG_PORT" -U postgres --if-exists sanatorium_bench

log "publishing the site (Release)"
dotnet publish "$REPO_ROOT/Web" -c Release -o "$LOCAL_DIR/bench/app" --nologo -v quiet >/dev/null
ASPNETCORE_ENVIRONMENT=Production \
ConnectionStrings__Sanatorium="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=sanatorium_bench" \
Site__BaseUrl="http://127.0.0.1:$port" Smtp__Host=127.0.0.1 Smtp__FromAddress=bench@staraya-russa.local \
Logging__LogLevel__Default=Warning \
  dotnet "$LOCAL_DIR/bench/app/Sanatorium.Web.dll" --urls "http://127.0.0.1:$port" >"$LOCAL_DIR/bench/app.log" 2>&1 &
app_pid=$!
for _ in $(seq 1 60); do curl -fs "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break; sleep 1; done

rate() { # URL path -> requests per second (after a short warm-up)
  wrk -t1 -c8 -d2s "http://127.0.0.1:$port$1" >/dev/null
  wrk -t1 -c8 -d"${seconds}s" "http://127.0.0.1:$port$1" | awk '/Requests\/sec/ {print $2}'
}

baseline=$(rate /css/site.css)
printf '%-45s %10s %8s\n' "URL" "req/s" "ratio"
printf '%-45s %10.0f %8s\n' "/css/site.css (baseline)" "$baseline" "1.00"
for path in / /en/treatments/lumbar-pain-syndrome /treatments/poyasnichnyy-bolevoy-sindrom /sitemap.xml; do
  r=$(rate "$path")
  printf '%-45s %10.0f %8.2f\n' "$path" "$r" "$(awk -v a="$r" -v b="$baseline" 'BEGIN {print a / b}')"
done
printf 'resident memory after the load: %s MiB\n' "$(( $(awk '/VmRSS/ {print $2}' "/proc/$app_pid/status") / 1024 ))"
