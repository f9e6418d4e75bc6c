#!/usr/bin/env bash
# The subscriber CSV import at 100,000 and 1,000,000 rows (about 1 % of them bad), through the same
# code the back office uses: uploaded over HTTP to /admin/marketing/imports/new as a logged-in
# administrator, mapped and started on its page, run by the site's background worker. The baseline,
# measured in the same run: a plain `psql \copy` of the same good rows into a fresh table with the
# same columns and indexes as "Subscribers" (the trigram index included). Prints both times, rows
# per second, the ratio, and the site's peak memory (VmHWM) after each file. Record results in
# docs/PERFORMANCE.md.
# Usage: bench/import.sh [row counts, default "100000 1000000"]
set -euo pipefail
# A port of its own for PostgreSQL and the site, so that it can run beside another bench or test run.
export SANATORIUM_PG_PORT="${SANATORIUM_PG_PORT:-55437}"
source "$(dirname "$0")/../scripts/services.sh"

sizes="${1:-100000 1000000}"
port="${BENCH_PORT:-5097}"
admin_email="bench-admin@staraya-russa.local"
admin_password="Bench-Password-42"
work="$LOCAL_DIR/bench/import"
ensure_prerequisites
trap 'kill ${app_pid:-} 2>/dev/null || true; stop_services' EXIT
start_postgres
pg_run "$(pg_bin)/dropdb" -h 127.0.0.1 -p "$PG_PORT" -U postgres --if-exists sanatorium_import_bench
rm -rf "$work" && mkdir -p "$work/uploads"
psql_bench() { "$(pg_bin)/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -d sanatorium_import_bench -v ON_ERROR_STOP=1 -qtA "$@"; }

log "publishing the site (Release)"
dotnet publish "$REPO_ROOT/Web" -c Release -o "$LOCAL_DIR/bench/app" --nologo -v quiet >/dev/null
# Started from its own folder, as an operator starts it (from the repo root its configuration watcher
# followed PostgreSQL's files under .local/).
(cd "$LOCAL_DIR/bench/app" && exec env ASPNETCORE_ENVIRONMENT=Production \
ConnectionStrings__Sanatorium="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=sanatorium_import_bench" \
Site__BaseUrl="http://127.0.0.1:$port" Smtp__Host=127.0.0.1 Smtp__FromAddress=bench@staraya-russa.local \
Admin__Email="$admin_email" Admin__Password="$admin_password" Import__Directory="$work/uploads" \
Logging__LogLevel__Default=Warning Logging__LogLevel__Sanatorium.Infrastructure.Subscribers=Information \
  dotnet Sanatorium.Web.dll --urls "http://127.0.0.1:$port") >"$work/app.log" 2>&1 &
app_pid=$!
for _ in $(seq 1 60); do curl -fs "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break; sleep 1; done
curl -fs "http://127.0.0.1:$port/healthz" >/dev/null || { cat "$work/app.log" >&2; exit 1; }

# Every 100th row is bad, in one of five ways; the good ones also go to a file for \copy, with the
# values the attested import stores.
generate() { # rows prefix -> $work/$prefix.csv (the upload) and $work/$prefix.good.csv (the baseline's input)
  python3 - "$1" "$2" "$work" <<'PY'
import csv, sys, uuid
rows, prefix, work = int(sys.argv[1]), sys.argv[2], sys.argv[3]
now = "2026-12-01 12:00:00+00"
bad_kinds = ["not-an-address", "lang", "long-name", "no-email", "quotes"]
with open(f"{work}/{prefix}.csv", "w", newline="", encoding="utf-8") as up, \
     open(f"{work}/{prefix}.good.csv", "w", newline="", encoding="utf-8") as good:
    upload, baseline = csv.writer(up), csv.writer(good)
    upload.writerow(["email", "language", "name"])
    for i in range(rows):
        email, lang, name = f"{prefix}.person{i}@example{i % 997}.org", "en" if i % 3 == 0 else "ru", f"Person {i}"
        if i % 100 == 99:
            kind = bad_kinds[(i // 100) % len(bad_kinds)]
            if kind == "quotes":
                up.write(f'"{email}"x,{lang},{name}\r\n')
                continue
            email, lang, name = {
                "not-an-address": (f"{prefix}.person{i}-at-example.org", lang, name),
                "lang": (email, "de", name),
                "long-name": (email, lang, "x" * 201),
                "no-email": ("", lang, name),
            }[kind]
            upload.writerow([email, lang, name])
            continue
        upload.writerow([email, lang, name])
        lang_value = lang.capitalize()
        baseline.writerow([email, name, lang_value, "Confirmed", "Import", now, now, now, "import 0", lang_value, "bench", str(uuid.uuid4())])
PY
}

login() {
  local token
  token=$(curl -fs -c "$work/cookies" -b "$work/cookies" "http://127.0.0.1:$port/admin/account/login" | token_of)
  curl -fs -o /dev/null -c "$work/cookies" -b "$work/cookies" \
    --data-urlencode "Input.Email=$admin_email" --data-urlencode "Input.Password=$admin_password" \
    --data-urlencode "__RequestVerificationToken=$token" "http://127.0.0.1:$port/admin/account/login"
}
token_of() { grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//'; }
now() { date +%s.%N; }
hwm_mib() { awk '/VmHWM/ {printf "%d", $2 / 1024}' "/proc/$app_pid/status"; }

# The same code as the back office: the upload form, then the mapping page's "start" button.
import_over_http() { # file -> prints "upload seconds, import seconds"
  local file=$1 token location details t0 t1 t2 status
  token=$(curl -fs -b "$work/cookies" "http://127.0.0.1:$port/admin/marketing/imports/new" | token_of)
  t0=$(now)
  location=$(curl -fs -o /dev/null -w '%{redirect_url}' -b "$work/cookies" \
    -F "__RequestVerificationToken=$token" -F "file=@$file;type=text/csv" "http://127.0.0.1:$port/admin/marketing/imports/new")
  t1=$(now)
  [ -n "$location" ] || { echo "the upload was refused" >&2; exit 1; }
  details=${location#http://127.0.0.1:$port}
  token=$(curl -fs -b "$work/cookies" "http://127.0.0.1:$port$details" | token_of)
  curl -fs -o /dev/null -b "$work/cookies" \
    --data-urlencode "__RequestVerificationToken=$token" --data-urlencode "Input.Delimiter=," \
    -d "Input.HasHeader=true" -d "Input.EmailColumn=0" -d "Input.LanguageColumn=1" -d "Input.NameColumn=2" -d "Input.Mode=Attested" \
    "http://127.0.0.1:$port$details?handler=Start"
  while status=$(psql_bench -c "SELECT \"Status\" FROM \"SubscriberImports\" WHERE \"Id\" = ${details##*/}"); [ "$status" = Queued ] || [ "$status" = Running ]; do
    sleep 0.1
  done
  t2=$(now)
  [ "$status" = Done ] || { echo "the import ended $status" >&2; exit 1; }
  echo "${details##*/} $(awk -v a="$t0" -v b="$t1" 'BEGIN {print b - a}') $(awk -v a="$t1" -v b="$t2" 'BEGIN {print b - a}')"
}

baseline_copy() { # good file -> seconds for \copy into a fresh table shaped like "Subscribers"
  psql_bench -c 'DROP TABLE IF EXISTS bench_baseline; CREATE TABLE bench_baseline (LIKE "Subscribers" INCLUDING ALL)'
  local t0 t1
  t0=$(now)
  psql_bench -c "\\copy bench_baseline (\"Email\", \"Name\", \"Language\", \"Status\", \"Source\", \"CreatedAt\", \"ConfirmedAt\", \"ConsentAt\", \"ConsentSource\", \"ConsentLanguage\", \"ConsentAttestedBy\", \"Stamp\") FROM '$1' WITH (FORMAT csv)"
  t1=$(now)
  awk -v a="$t0" -v b="$t1" 'BEGIN {print b - a}'
}

login
printf '%-10s %8s %8s %9s %9s %9s %12s %12s %7s %9s\n' rows bad good upload_s import_s copy_s import_rows/s copy_rows/s ratio VmHWM_MiB
prefix=0
for rows in $sizes; do
  prefix=$((prefix + 1))
  generate "$rows" "b$prefix"
  read -r id upload import < <(import_over_http "$work/b$prefix.csv")
  hwm=$(hwm_mib)
  copy=$(baseline_copy "$work/b$prefix.good.csv")
  good=$(wc -l <"$work/b$prefix.good.csv")
  counts=$(psql_bench -c "SELECT \"Rows\" || ' ' || \"Added\" || ' ' || \"BadRows\" FROM \"SubscriberImports\" WHERE \"Id\" = $id")
  read -r read_rows added bad <<<"$counts"
  [ "$added" -eq "$good" ] || { echo "imported $added, expected $good" >&2; exit 1; }
  [ "$(psql_bench -c 'SELECT count(*) FROM bench_baseline')" -eq "$good" ] || { echo "the baseline copied the wrong count" >&2; exit 1; }
  printf '%-10s %8s %8s %9.2f %9.2f %9.2f %12.0f %12.0f %7.2f %9s\n' "$read_rows" "$bad" "$added" "$upload" "$import" "$copy" \
    "$(awk -v n="$added" -v t="$import" 'BEGIN {print n / t}')" "$(awk -v n="$good" -v t="$copy" 'BEGIN {print n / t}')" \
    "$(awk -v a="$import" -v b="$copy" 'BEGIN {print a / b}')" "$hwm"
done
echo "ratio = import_s / copy_s (upload not included; upload + import: add upload_s). VmHWM: the site's peak resident memory so far."
grep -o 'Import [0-9]*: .*' "$work/app.log" || true
