# Starts what the site needs on a machine without Docker: a throwaway PostgreSQL cluster and MailDev.
# Sourced by run.sh and test.sh; see docs/decisions/0001-local-services-without-docker.md.
# Everything lives under .local/ (ignored by git); stop_services undoes what start_* began.

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
LOCAL_DIR="$REPO_ROOT/.local"
PG_PORT="${SANATORIUM_PG_PORT:-55432}"
SMTP_PORT="${SANATORIUM_SMTP_PORT:-1025}"
MAILDEV_WEB_PORT="${SANATORIUM_MAILDEV_WEB_PORT:-1080}"
STARTED_PG_DIR=""
STARTED_MAILDEV_PID=""

log() { printf '==> %s\n' "$*" >&2; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    log "need root for: $*"; return 1; fi
}

apt_install() {
  log "installing with apt: $*"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

pg_bin() {
  local initdb
  initdb=$(ls -d /usr/lib/postgresql/*/bin/initdb 2>/dev/null | sort -V | tail -n 1)
  [ -n "$initdb" ] && dirname "$initdb"
}

ensure_prerequisites() {
  command -v dotnet >/dev/null || { log "the .NET 10 SDK is required (https://dot.net)"; return 1; }
  [ -n "$(pg_bin)" ] || apt_install postgresql
  command -v npm >/dev/null || apt_install nodejs npm
  if [ ! -x "$REPO_ROOT/tools/maildev/node_modules/.bin/maildev" ]; then
    log "installing MailDev from tools/maildev/package-lock.json"
    npm ci --prefix "$REPO_ROOT/tools/maildev" --no-audit --no-fund --loglevel=error >&2
  fi
  dotnet tool restore >/dev/null
}

# The browser for the browser tests and screenshots: Debian's Chromium (Playwright cannot download
# its own here), with fonts that have Cyrillic. SANATORIUM_CHROMIUM may name another one instead.
ensure_chromium() {
  if [ -n "${SANATORIUM_CHROMIUM:-}" ]; then
    [ -x "$SANATORIUM_CHROMIUM" ] || { log "SANATORIUM_CHROMIUM=$SANATORIUM_CHROMIUM is not an executable"; return 1; }
    return 0
  fi
  if [ ! -x /usr/bin/chromium ] || [ ! -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ]; then
    apt_install chromium fonts-dejavu-core
  fi
}

# Runs a PostgreSQL binary as an unprivileged user: the server refuses to run as root.
pg_run() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

# The cluster folder: .local/pg, unless the postgres user cannot reach the repo (a checkout under /root).
pg_dir() {
  local dir="$LOCAL_DIR/pg"
  mkdir -p "$dir"
  if [ "$(id -u)" -eq 0 ] && ! runuser -u postgres -- test -x "$LOCAL_DIR"; then
    dir="${TMPDIR:-/tmp}/sanatorium-pg-$(printf '%s' "$REPO_ROOT" | md5sum | cut -c1-8)"
    mkdir -p "$dir"
  fi
  [ "$(id -u)" -eq 0 ] && chown postgres: "$dir"
  printf '%s' "$dir"
}

start_postgres() {
  local bin dir
  bin=$(pg_bin)
  dir=$(pg_dir)
  if [ ! -f "$dir/data/PG_VERSION" ]; then
    log "creating a throwaway PostgreSQL cluster in $dir"
    pg_run "$bin/initdb" -D "$dir/data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null
  fi
  if pg_run "$bin/pg_ctl" -D "$dir/data" status >/dev/null 2>&1; then
    # The cluster is shared by the tests and the benches, which use different ports: the 4th line of postmaster.pid is its port.
    local running
    running=$(sed -n 4p "$dir/data/postmaster.pid")
    if [ "$running" != "$PG_PORT" ]; then
      echo "PostgreSQL of $dir already runs on port $running (a bench or another run?), not $PG_PORT; stop it first:" >&2
      echo "  $bin/pg_ctl -D $dir/data -m fast stop   (as the postgres user when you are root)" >&2
      exit 1
    fi
    log "PostgreSQL already running on 127.0.0.1:$PG_PORT"
  else
    log "starting PostgreSQL on 127.0.0.1:$PG_PORT"
    pg_run "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
      -o "-h 127.0.0.1 -p $PG_PORT -k $dir -c fsync=off -c full_page_writes=off -c max_connections=300" start >/dev/null
    STARTED_PG_DIR="$dir"
  fi
  export SANATORIUM_PG_ADMIN="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=postgres"
}

start_maildev() {
  if curl -fs "http://127.0.0.1:$MAILDEV_WEB_PORT/api/email" >/dev/null 2>&1; then
    log "MailDev already running: http://127.0.0.1:$MAILDEV_WEB_PORT"
  else
    log "starting MailDev: SMTP 127.0.0.1:$SMTP_PORT, web http://127.0.0.1:$MAILDEV_WEB_PORT"
    mkdir -p "$LOCAL_DIR/maildev"
    "$REPO_ROOT/tools/maildev/node_modules/.bin/maildev" --ip 127.0.0.1 --web-ip 127.0.0.1 \
      --smtp "$SMTP_PORT" --web "$MAILDEV_WEB_PORT" --mail-directory "$LOCAL_DIR/maildev" \
      >"$LOCAL_DIR/maildev.log" 2>&1 &
    STARTED_MAILDEV_PID=$!
    local i
    for i in $(seq 1 60); do
      curl -fs "http://127.0.0.1:$MAILDEV_WEB_PORT/api/email" >/dev/null 2>&1 && break
      kill -0 "$STARTED_MAILDEV_PID" 2>/dev/null || { cat "$LOCAL_DIR/maildev.log" >&2; return 1; }
      sleep 0.5
    done
  fi
  export SANATORIUM_MAILDEV_URL="http://127.0.0.1:$MAILDEV_WEB_PORT"
}

# Stops only what this script started, so a second terminal's services are left alone.
stop_services() {
  if [ -n "$STARTED_MAILDEV_PID" ]; then kill "$STARTED_MAILDEV_PID" 2>/dev/null || true; fi
  if [ -n "$STARTED_PG_DIR" ]; then
    pg_run "$(pg_bin)/pg_ctl" -D "$STARTED_PG_DIR/data" -m fast stop >/dev/null 2>&1 || true
  fi
}
