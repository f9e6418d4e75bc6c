#!/usr/bin/env bash
# Throughput and latency of the public pages (the home page, a treatment page, a profile page) against
# a baseline measured in the same run: the stylesheet (its fingerprinted URL, as pages link it) served
# by the same Kestrel process. The published site is started from its own folder twice on one migrated
# database, once with the output cache on and once with it off (OutputCache__Enabled=false). For each:
# the time from process start to the first answered page, then per URL with wrk --latency: requests/s,
# the ratio to the baseline, p50 and p99, the CPU the site and wrk used (the site, not wrk, must be the
# one near its limit), and p99 at about half the measured rate; then the site's peak resident memory.
# Checks first that the baseline answers 200 with the file's bytes and that every page answers 200,
# and then that wrk saw no other status and read the expected size per answer.
# wrk2 (a fixed request rate) is not packaged here: the half load is wrk with connections paced by
# bench/paced.lua (each connection waits 50 ms after each answer), so it is a closed loop slowed
# down, not an open-loop rate; the rate it reached is printed beside its p99.
# Requests ask for "Accept-Encoding: br, gzip" as browsers do (ACCEPT_ENCODING="" for none).
# Usage: bench/pages.sh [seconds per URL, default 10] (WRK="-t2 -c32" by default). About 5 minutes
# at 10 s. Record results in docs/PERFORMANCE.md.
set -euo pipefail
shopt -s inherit_errexit
source "$(dirname "$0")/../scripts/services.sh"

seconds="${1:-10}"
wrk_load="${WRK:--t2 -c32}"
encoding="${ACCEPT_ENCODING-br, gzip}"
port="${BENCH_PORT:-5099}"
base="http://127.0.0.1:$port"
app="$LOCAL_DIR/bench/app"
work="$LOCAL_DIR/bench/pages"
pages=(/ /treatments/poyasnichnyy-bolevoy-sindrom /profiles/bolezni-kostno-myshechnoy-sistemy)
ensure_prerequisites
command -v wrk >/dev/null || apt_install wrk
stop_site() { [ -z "${app_pid:-}" ] || { kill "$app_pid" 2>/dev/null || true; wait "$app_pid" 2>/dev/null || true; app_pid=; }; }
trap 'stop_site; stop_services' EXIT
start_postgres
# A fresh database each run, so that every run measures the same content.
pg_run "$(pg_bin)/dropdb" -h 127.0.0.1 -p "$PG_PORT" -U postgres --if-exists sanatorium_bench
rm -rf "$work" && mkdir -p "$work"

log "publishing the site (Release)"
dotnet publish "$REPO_ROOT/Web" -c Release -o "$app" --nologo -v quiet >/dev/null
site_env=(ASPNETCORE_ENVIRONMENT=Production
  ConnectionStrings__Sanatorium="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=sanatorium_bench"
  Site__BaseUrl="$base" Smtp__Host=127.0.0.1 Smtp__FromAddress=bench@staraya-russa.local Logging__LogLevel__Default=Warning)
# Migrated and seeded once: each start below is a restart on an existing database, as a redeploy is.
(cd "$app" && env "${site_env[@]}" dotnet Sanatorium.Web.dll migrate) >"$work/migrate.log" 2>&1 \
  || { cat "$work/migrate.log" >&2; exit 1; }

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
start_site() { # cache (true|false) -> app_pid, startup_ms: from the process's start to the first page answered 200
  local started; started=$(now_ms)
  (cd "$app" && exec env "${site_env[@]}" OutputCache__Enabled="$1" dotnet Sanatorium.Web.dll --urls "$base") >"$work/app-$1.log" 2>&1 &
  app_pid=$!
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "$base/")" = 200 ]; do
    kill -0 "$app_pid" 2>/dev/null && [ $(( $(now_ms) - started )) -lt 300000 ] \
      || { echo "the site did not answer within 300 s:" >&2; cat "$work/app-$1.log" >&2; exit 1; }
    sleep 0.02
  done
  startup_ms=$(( $(now_ms) - started ))
}

as_browser=(); [ -z "$encoding" ] || as_browser=(-H "Accept-Encoding: $encoding")
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; } # utime + stime, 1/100 s

check() { # URL path -> the bytes one answer carries (headers and body, as sent to a browser); exits unless 200
  local out status header body
  out=$(curl -s "${as_browser[@]}" -o /dev/null -w '%{http_code} %{size_header} %{size_download}' "$base$1")
  read -r status header body <<<"$out"
  [ "$status" = 200 ] || { echo "$1 answered $status" >&2; exit 1; }
  echo $(( header + body ))
}

measure() { # URL path, expected bytes per answer -> "req/s p50 p99 site_cpu% wrk_cpu% half_req/s half_p99"
  local path=$1 expected=$2 site0 out
  # shellcheck disable=SC2086
  wrk $wrk_load "${as_browser[@]}" -d2s "$base$path" >/dev/null # warm-up
  site0=$(cpu_ticks "$app_pid")
  # shellcheck disable=SC2086
  out=$( { /usr/bin/time -f 'WRKCPU %U %S' wrk $wrk_load "${as_browser[@]}" --latency -d"${seconds}s" "$base$path"; } 2>&1 )
  grep -q 'Non-2xx' <<<"$out" && { echo "$path: wrk saw answers other than 200:" >&2; echo "$out" >&2; exit 1; }
  local full; full=$(awk -v s0="$site0" -v s1="$(cpu_ticks "$app_pid")" -v t="$seconds" -v expected="$expected" "$wrk_parse"'
    /^WRKCPU/ {w = $2 + $3}
    END {
      if (bytes / requests < 0.9 * expected || bytes / requests > 1.1 * expected) {
        printf "read %.0f bytes per answer, expected %d\n", bytes / requests, expected > "/dev/stderr"; exit 1 }
      printf "%s %.2f %.2f %.0f %.0f", rate, p50, p99, (s1 - s0) / t, 100 * w / t }' <<<"$out")
  # About half the rate just measured: c connections each waiting pace ms after an answer (a little
  # less than half, by the answers' own latency, small beside the pace).
  local rate pace=50 connections half
  read -r rate _ <<<"$full"
  connections=$(awk -v r="$rate" -v d="$pace" 'BEGIN {c = int(r / 2 * d / 1000 + 0.5); print c < 1 ? 1 : c}')
  out=$(PACE_MS=$pace wrk -t"$(( connections < 2 ? 1 : 2 ))" -c"$connections" "${as_browser[@]}" --latency -s "$REPO_ROOT/bench/paced.lua" -d"${seconds}s" "$base$path")
  half=$(awk "$wrk_parse"' END {printf "%s %.2f", rate, p99}' <<<"$out")
  echo "$full $half"
}
# Reads wrk's report: requests/s, p50 and p99 in ms, requests and bytes read.
wrk_parse='
  function ms(v) { return v ~ /us$/ ? v / 1000 : v ~ /ms$/ ? v + 0 : v ~ /m$/ ? v * 60000 : v * 1000 }
  function bytes_of(v) { return v ~ /KB$/ ? v * 1024 : v ~ /MB$/ ? v * 1048576 : v ~ /GB$/ ? v * 1073741824 : v + 0 }
  /Requests\/sec/ {rate = $2} $1 == "50%" {p50 = ms($2)} $1 == "99%" {p99 = ms($2)}
  / requests in / {requests = $1; bytes = bytes_of($5)}'

printf 'wrk %s, %s s per URL, Accept-Encoding: %s; CPU as a share of one core (%s cores in all)\n' \
  "$wrk_load" "$seconds" "${encoding:-none}" "$(nproc)"
for cache in true false; do
  start_site "$cache"
  # The baseline is the stylesheet the page links, with the published file's bytes.
  stylesheet=$(curl -s "$base/" | grep -o 'href="/css/site\.[a-z0-9]*\.css"' | head -n1 | cut -d'"' -f2)
  status=$(curl -s -o "$work/site.css" -w '%{http_code}' "$base$stylesheet")
  [ -n "$stylesheet" ] && [ "$status" = 200 ] && cmp -s "$work/site.css" "$app/wwwroot/css/site.css" \
    || { echo "the baseline ${stylesheet:-(no stylesheet link)} answered $status, not the file's bytes" >&2; exit 1; }
  declare -A expected=()
  expected[$stylesheet]=$(check "$stylesheet")
  for path in "${pages[@]}"; do expected[$path]=$(check "$path"); done

  printf '\noutput cache %s: first page answered %d ms after the process started\n' "$([ "$cache" = true ] && echo on || echo off)" "$startup_ms"
  printf '%-48s %8s %6s %7s %7s %8s %7s %10s %9s\n' URL req/s ratio p50_ms p99_ms site_cpu wrk_cpu half_req/s half_p99
  result=$(measure "$stylesheet" "${expected[$stylesheet]}")
  read -r baseline p50 p99 site_cpu wrk_cpu half half_p99 <<<"$result"
  printf '%-48s %8.0f %6s %7s %7s %7s%% %6s%% %10.0f %9s\n' "$stylesheet (baseline, $(stat -c %s "$work/site.css") B)" \
    "$baseline" 1.00 "$p50" "$p99" "$site_cpu" "$wrk_cpu" "$half" "$half_p99"
  for path in "${pages[@]}"; do
    result=$(measure "$path" "${expected[$path]}")
    read -r r p50 p99 site_cpu wrk_cpu half half_p99 <<<"$result"
    printf '%-48s %8.0f %6.2f %7s %7s %7s%% %6s%% %10.0f %9s\n' "$path (${expected[$path]} B)" "$r" \
      "$(awk -v a="$r" -v b="$baseline" 'BEGIN {print a / b}')" "$p50" "$p99" "$site_cpu" "$wrk_cpu" "$half" "$half_p99"
  done
  printf 'peak resident memory: %s MiB (now %s MiB)\n' \
    "$(( $(awk '/VmHWM/ {print $2}' "/proc/$app_pid/status") / 1024 ))" "$(( $(awk '/VmRSS/ {print $2}' "/proc/$app_pid/status") / 1024 ))"
  unset expected
  stop_site
done
