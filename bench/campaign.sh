#!/usr/bin/env bash
# A promotion newsletter to 10,000 and 100,000 confirmed subscribers through the real dispatcher,
# into a fast SMTP sink: `smtp-sink` from Debian's postfix package, unpacked with `dpkg -x` (no mail
# server is installed). The campaign is written and sent through the back office over HTTP (log in,
# compose, send now) and the site's background dispatcher does the rest, marking every recipient in
# its ledger. The baseline, measured in the same run into the same sink: the same message (one the
# dispatcher sent, captured by the sink) sent the same number of times by a plain MailKit loop over
# the same number of connections (bench/campaign-baseline.cs). A fresh site per size, so its peak
# memory (VmHWM) is that campaign's. Prints messages per second for both, the ratio, the CPU each
# process used (the sink's shows it was not the limit) and the site's peak memory. Then the floor:
# the baseline loop marking the campaign's ledger line by line after each accepted message, what the
# repeat bound costs by itself, so the ratio a dispatcher could reach here at most is measured too.
# Record results in docs/PERFORMANCE.md.
# Usage: bench/campaign.sh [recipient counts, default "10000 100000"] (CONNECTIONS=4 by default)
set -Eeuo pipefail
export SANATORIUM_PG_PORT="${SANATORIUM_PG_PORT:-55438}"
source "$(dirname "$0")/../scripts/services.sh"

sizes="${1:-10000 100000}"
connections="${CONNECTIONS:-4}"
port="${BENCH_PORT:-5098}"
sink_port="${SINK_PORT:-2526}"
admin_email="bench-admin@staraya-russa.local"
admin_password="Bench-Password-42"
database=sanatorium_campaign_bench
work="$LOCAL_DIR/bench/campaign"
base="http://127.0.0.1:$port"
ensure_prerequisites
trap 'echo "bench/campaign.sh: a step failed at line $LINENO" >&2' ERR
trap 'kill ${app_pid:-} ${sink_pid:-} 2>/dev/null || true; stop_services' EXIT
start_postgres
rm -rf "$work" && mkdir -p "$work/dump" && chmod 777 "$work/dump"
psql_bench() { "$(pg_bin)/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -d "$database" -v ON_ERROR_STOP=1 -qtA "$@"; }
now() { date +%s.%N; }
seconds() { awk -v a="$1" -v b="$2" 'BEGIN {print b - a}'; }
cpu_seconds() { awk '{printf "%.2f", ($14 + $15) / 100}' "/proc/$1/stat"; } # utime + stime, clock ticks of 1/100 s
pg_cpu_seconds() { # every PostgreSQL process (server and backends), in clock ticks of 1/100 s (ps rounds each process to whole seconds);
  # cutime + cstime: what backends that have ended used (the server reaps them), such as the floor's
  for pid in $(pgrep -x postgres); do cat "/proc/$pid/stat" 2>/dev/null; done | awk '{s += $14 + $15 + $16 + $17} END {printf "%.2f", s / 100}'
}
token_of() { grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//'; }
version_of() { grep -o 'name="Version" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//'; }

sink_dir="$LOCAL_DIR/bench/postfix"
if [ ! -x "$sink_dir/usr/sbin/smtp-sink" ]; then
  log "unpacking smtp-sink from Debian's postfix package (dpkg -x, nothing installed)"
  # A fresh machine's package lists may not know postfix yet: read them once and try again.
  mkdir -p "$sink_dir" && cd "$LOCAL_DIR/bench"
  apt-get download postfix >/dev/null 2>&1 || { apt-get update -qq && apt-get download postfix >/dev/null 2>&1; }
  cd "$REPO_ROOT"
  dpkg -x "$(ls "$LOCAL_DIR"/bench/postfix_*.deb | head -1)" "$sink_dir"
fi
start_sink() { # [dump folder] -> sink_pid; the sink accepts every message (and writes each to the folder, if given)
  local dump=()
  [ $# -gt 0 ] && dump=(-d "$1/%H%M%S.")
  LD_LIBRARY_PATH="$sink_dir/usr/lib/postfix" "$sink_dir/usr/sbin/smtp-sink" -u nobody "${dump[@]}" "127.0.0.1:$sink_port" 1000 \
    >"$work/sink.log" 2>&1 &
  sink_pid=$!
  sleep 0.5
  kill -0 "$sink_pid" || { cat "$work/sink.log" >&2; exit 1; }
}
stop_sink() { kill "$sink_pid"; wait "$sink_pid" 2>/dev/null || true; }

log "publishing the site (Release)"
dotnet publish "$REPO_ROOT/Web" -c Release -o "$LOCAL_DIR/bench/app" --nologo -v quiet >/dev/null
# Started from its own folder: its content root is then the published app, not the repo, whose .local/
# (PostgreSQL's files among them) the configuration's file watcher would otherwise follow at a core's cost.
start_site() {
  pg_run "$(pg_bin)/dropdb" -h 127.0.0.1 -p "$PG_PORT" -U postgres --if-exists "$database"
  cd "$LOCAL_DIR/bench/app"
  env ASPNETCORE_ENVIRONMENT=Production \
  ConnectionStrings__Sanatorium="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=$database" \
  Site__BaseUrl="$base" Smtp__Host=127.0.0.1 Smtp__Port="$sink_port" Smtp__Security=None \
  Smtp__FromAddress=bench@staraya-russa.local Smtp__FromName="AMAKS Staraya Russa" \
  Admin__Email="$admin_email" Admin__Password="$admin_password" \
  Newsletter__Connections="$connections" Newsletter__MessagesPerSecond=100000 \
  Logging__LogLevel__Default=Warning \
    dotnet Sanatorium.Web.dll --urls "$base" >"$work/app.log" 2>&1 &
  app_pid=$!
  cd "$REPO_ROOT"
  for _ in $(seq 1 60); do curl -fs "$base/healthz" >/dev/null 2>&1 && break; sleep 1; done
  curl -fs "$base/healthz" >/dev/null || { cat "$work/app.log" >&2; exit 1; }
  # Logged in once the back office answers 200 (the site may answer /healthz before its first account exists).
  local token
  for _ in $(seq 1 30); do
    rm -f "$work/cookies"
    token=$(curl -fs -c "$work/cookies" -b "$work/cookies" "$base/admin/account/login" | token_of) || true
    curl -s -o /dev/null -c "$work/cookies" -b "$work/cookies" \
      --data-urlencode "Input.Email=$admin_email" --data-urlencode "Input.Password=$admin_password" \
      --data-urlencode "__RequestVerificationToken=$token" "$base/admin/account/login"
    [ "$(curl -s -o /dev/null -w '%{http_code}' -b "$work/cookies" "$base/admin")" = 200 ] && return
    sleep 1
  done
  echo "logging in to the back office failed" >&2; cat "$work/app.log" >&2; exit 1
}
stop_site() { kill "$app_pid"; wait "$app_pid" 2>/dev/null || true; }

add_subscribers() { # count prefix: confirmed subscribers, two in three Russian
  psql_bench -c "INSERT INTO \"Subscribers\" (\"Email\", \"Language\", \"Status\", \"Source\", \"CreatedAt\", \"ConfirmedAt\", \"ConsentAt\", \"ConsentSource\", \"ConsentLanguage\", \"Stamp\")
    SELECT '$2.person' || i || '@example' || (i % 997) || '.org', CASE WHEN i % 3 = 0 THEN 'En' ELSE 'Ru' END, 'Confirmed', 'Form',
           now(), now(), now(), '/', 'Ru', gen_random_uuid()
    FROM generate_series(1, $1) AS i"
}

# The back office's own forms: a new campaign, its words in both languages, "send now".
send_campaign() { # name -> campaign id, once the site accepted "send now"
  local token location id
  token=$(curl -fs -b "$work/cookies" "$base/admin/marketing/campaigns/new" | token_of)
  location=$(curl -fs -o /dev/null -w '%{redirect_url}' -b "$work/cookies" \
    --data-urlencode "__RequestVerificationToken=$token" --data-urlencode "Input.Name=$1" \
    "$base/admin/marketing/campaigns/new")
  id=${location##*/}
  [[ "$id" =~ ^[0-9]+$ ]] || { echo "creating the campaign was refused ($location)" >&2; exit 1; }
  local page
  page=$(curl -fs -b "$work/cookies" "$base/admin/marketing/campaigns/$id")
  curl -fs -o /dev/null -b "$work/cookies" \
    --data-urlencode "__RequestVerificationToken=$(token_of <<<"$page")" --data-urlencode "Version=$(version_of <<<"$page")" \
    --data-urlencode "Input.Name=$1" --data-urlencode "Input.Audience=all" \
    --data-urlencode "Input.Ru.Subject=Осенние скидки на лечение" \
    --data-urlencode "Input.Ru.Preheader=Путёвки с лечением на 15 % дешевле до конца ноября" \
    --data-urlencode "Input.Ru.Body@$work/body.ru.md" \
    --data-urlencode "Input.En.Subject=Autumn offer on treatment stays" \
    --data-urlencode "Input.En.Preheader=Stays with treatment 15% off until the end of November" \
    --data-urlencode "Input.En.Body@$work/body.en.md" \
    "$base/admin/marketing/campaigns/$id?handler=Save"
  page=$(curl -fs -b "$work/cookies" "$base/admin/marketing/campaigns/$id")
  curl -fs -o /dev/null -b "$work/cookies" \
    --data-urlencode "__RequestVerificationToken=$(token_of <<<"$page")" --data-urlencode "Version=$(version_of <<<"$page")" \
    "$base/admin/marketing/campaigns/$id?handler=Send"
  [ "$(psql_bench -c "SELECT \"Status\" FROM \"Campaigns\" WHERE \"Id\" = $id")" != Draft ] || { echo "sending campaign $id was refused" >&2; exit 1; }
  echo "$id"
}
wait_sent() { # id
  local status
  while status=$(psql_bench -c "SELECT \"Status\" FROM \"Campaigns\" WHERE \"Id\" = $1"); [ "$status" = Sending ]; do sleep 0.5; done
  [ "$status" = Sent ] || { echo "campaign $1 ended $status" >&2; exit 1; }
}

cat >"$work/body.ru.md" <<'MD'
## Осенние скидки

До конца ноября путёвки с лечением **на 15 % дешевле**. В стоимость входят проживание, питание
и лечение по назначению врача: минеральные ванны, грязелечение, лечебная физкультура.

Подробности и бронирование — на [странице акции](https://staraya-russa.example/promotions/autumn)
или по телефону отдела бронирования.
MD
cat >"$work/body.en.md" <<'MD'
## Autumn offer

Until the end of November, stays with treatment are **15% off**. The price includes the room,
meals and the treatment your doctor prescribes: mineral baths, mud therapy, exercise therapy.

Details and booking on the [offer's page](https://staraya-russa.example/en/promotions/autumn)
or by phone from the booking office.
MD

printf '%-10s %11s %10s %9s %10s %9s %6s %8s %8s %8s %9s %8s %11s %12s\n' \
  recipients campaign_s per_sec base_s base_per_s ratio site_cpu pg_cpu sink_cpu base_cpu VmHWM_MiB floor_s floor_ratio floor_pg_cpu
for count in $sizes; do
  # The message the baseline sends: one the dispatcher made, caught by a sink that writes messages down.
  start_sink "$work/dump"
  start_site
  add_subscribers 1 warmup
  warmup=$(send_campaign "Warm-up")
  wait_sent "$warmup"
  stop_sink
  python3 - "$work/dump" "$work/message.eml" <<'PY'
import glob, sys
lines = open(sorted(glob.glob(sys.argv[1] + "/*"))[-1], encoding="utf-8", newline="").read().split("\n")
# smtp-sink writes the envelope (X-Client-Addr ... X-Rcpt-Args) and its own Received header first.
i = 0
while lines[i].startswith("X-") or lines[i].startswith("Received:") or lines[i][:1] in (" ", "\t"):
    i += 1
open(sys.argv[2], "w", encoding="utf-8", newline="").write("\n".join(lines[i:]))
PY
  grep -q '^List-Unsubscribe-Post: List-Unsubscribe=One-Click' "$work/message.eml" || { echo "the captured message is not a newsletter" >&2; exit 1; }
  rm -f "$work"/dump/*
  psql_bench -c "UPDATE \"Subscribers\" SET \"Status\" = 'Unsubscribed' WHERE \"Email\" LIKE 'warmup.%'"

  start_sink
  add_subscribers "$count" "c$count"
  site_cpu0=$(cpu_seconds "$app_pid"); sink_cpu0=$(cpu_seconds "$sink_pid"); pg_cpu0=$(pg_cpu_seconds)
  id=$(send_campaign "Bench $count")
  wait_sent "$id"
  site_cpu=$(seconds "$site_cpu0" "$(cpu_seconds "$app_pid")"); sink_cpu=$(seconds "$sink_cpu0" "$(cpu_seconds "$sink_pid")")
  pg_cpu=$(seconds "$pg_cpu0" "$(pg_cpu_seconds)")
  hwm=$(awk '/VmHWM/ {printf "%d", $2 / 1024}' "/proc/$app_pid/status")
  read -r campaign sent <<<"$(psql_bench -F ' ' -c "SELECT EXTRACT(EPOCH FROM c.\"FinishedAt\" - c.\"StartedAt\"), (SELECT count(*) FROM \"CampaignDeliveries\" d WHERE d.\"CampaignId\" = c.\"Id\" AND d.\"Status\" = 'Sent') FROM \"Campaigns\" c WHERE c.\"Id\" = $id")"
  [ "$sent" -eq "$count" ] || { echo "the ledger says $sent of $count sent" >&2; exit 1; }
  stop_site

  sink_base0=$(cpu_seconds "$sink_pid")
  t0=$(now)
  dotnet run "$REPO_ROOT/bench/campaign-baseline.cs" -- 127.0.0.1 "$sink_port" "$connections" "$count" "$work/message.eml" >"$work/baseline.out" &
  base_pid=$!
  wait "$base_pid"
  grep -q "^sent $count in" "$work/baseline.out" || { cat "$work/baseline.out" >&2; exit 1; }
  baseline=$(awk '{print $4}' "$work/baseline.out")
  sink_base=$(seconds "$sink_base0" "$(cpu_seconds "$sink_pid")")

  # The floor: the same loop marking the campaign's ledger line by line after each accepted message
  # (the cheapest thing that keeps the repeat bound). The ledger is put back to pending first (and
  # vacuumed, so the marks meet a table like the campaign's); the site is stopped, so nobody claims it.
  psql_bench -c "UPDATE \"CampaignDeliveries\" SET \"Status\" = 'Pending', \"At\" = NULL WHERE \"CampaignId\" = $id"
  psql_bench -c "VACUUM ANALYZE \"CampaignDeliveries\""
  pg_floor0=$(pg_cpu_seconds)
  dotnet run "$REPO_ROOT/bench/campaign-baseline.cs" -- 127.0.0.1 "$sink_port" "$connections" "$count" "$work/message.eml" \
    "Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=$database" "$id" >"$work/floor.out"
  grep -q "^sent $count in" "$work/floor.out" || { cat "$work/floor.out" >&2; exit 1; }
  floor=$(awk '{print $4}' "$work/floor.out")
  pg_floor=$(seconds "$pg_floor0" "$(pg_cpu_seconds)")
  marked=$(psql_bench -c "SELECT count(*) FROM \"CampaignDeliveries\" WHERE \"CampaignId\" = $id AND \"Status\" = 'Sent'")
  [ "$marked" -eq "$count" ] || { echo "the floor marked $marked of $count lines" >&2; exit 1; }
  stop_sink
  printf '%-10s %11.2f %10.0f %9.2f %10.0f %9.2f %5.0f%% %7.0f%% %7.0f%% %7.0f%% %9s %8.2f %11.2f %11.0f%%\n' "$count" "$campaign" \
    "$(awk -v n="$count" -v t="$campaign" 'BEGIN {print n / t}')" "$baseline" \
    "$(awk -v n="$count" -v t="$baseline" 'BEGIN {print n / t}')" \
    "$(awk -v a="$campaign" -v b="$baseline" 'BEGIN {print b / a}')" \
    "$(awk -v c="$site_cpu" -v t="$campaign" 'BEGIN {print 100 * c / t}')" \
    "$(awk -v c="$pg_cpu" -v t="$campaign" 'BEGIN {print 100 * c / t}')" \
    "$(awk -v c="$sink_cpu" -v t="$campaign" 'BEGIN {print 100 * c / t}')" \
    "$(awk -v c="$sink_base" -v t="$baseline" 'BEGIN {print 100 * c / t}')" "$hwm" "$floor" \
    "$(awk -v a="$floor" -v b="$baseline" 'BEGIN {print b / a}')" "$(awk -v c="$pg_floor" -v t="$floor" 'BEGIN {print 100 * c / t}')"
done
echo "campaign_s: from the ledger written to the last recipient marked (the campaign's StartedAt to FinishedAt)."
echo "ratio = base_s / campaign_s (1.0: as fast as a bare MailKit loop). site_cpu, pg_cpu, sink_cpu: CPU used during the"
echo "campaign as a share of one core; base_cpu: the sink's during the baseline (well under 100 %: the sink was not the limit)."
echo "VmHWM: the site's peak resident memory, a fresh site per size. PostgreSQL runs with fsync=off (scripts/services.sh)."
echo "floor_s: the baseline loop that also marks each ledger line after its message (the repeat bound and nothing else);"
echo "floor_ratio = base_s / floor_s: the most any dispatcher keeping the bound could reach here; floor_pg_cpu: PostgreSQL's share then."
