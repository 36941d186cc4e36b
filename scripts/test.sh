#!/usr/bin/env bash
# Runs every Lapak test against real services: installs what is missing (PostgreSQL, Redis, Dovecot, poppler-utils and
# Chromium from Debian, MailDev from npm), starts them on 127.0.0.1, runs the unit, integration and
# browser tests, stops the services, and ends with one line: "N passed, N failed[, N skipped]".
# Usage: scripts/test.sh [extra dotnet test arguments, e.g. --filter Name~Profile]
set -uo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

log() { printf '[test] %s\n' "$*" >&2; }

# ---------- install what is missing ----------
need_apt=()
[ -x /usr/lib/postgresql/15/bin/postgres ] || need_apt+=(postgresql)
command -v redis-server >/dev/null || need_apt+=(redis-server)
[ -x /usr/bin/chromium ] || need_apt+=(chromium)
command -v dovecot >/dev/null || need_apt+=(dovecot-imapd)
# pdftotext and pdftoppm read the permit and report PDFs back in the tests.
command -v pdftoppm >/dev/null || need_apt+=(poppler-utils)
if [ ${#need_apt[@]} -gt 0 ]; then
  log "installing ${need_apt[*]} from Debian"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null && apt-get install -y -qq "${need_apt[@]}" >/dev/null || { log "apt-get install failed"; exit 1; }
fi
PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)

TOOLS=${LAPAK_TOOLS:-$HOME/.cache/lapak-test-tools}
if [ ! -x "$TOOLS/node_modules/.bin/maildev" ]; then
  log "installing maildev from npm into $TOOLS"
  mkdir -p "$TOOLS" && (cd "$TOOLS" && npm init -y >/dev/null 2>&1 && npm install --silent --no-audit --no-fund maildev@3.0.0 >/dev/null 2>&1) \
    || { log "npm install maildev failed"; exit 1; }
fi

# ---------- start services ----------
WORK=$(mktemp -d /tmp/lapak-test.XXXXXX); chmod 755 "$WORK"
PIDS=()
stop_all() {
  [ -n "${PG_PID:-}" ] && kill -INT "$PG_PID" 2>/dev/null
  for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null; done
  for p in ${PG_PID:-} "${PIDS[@]}"; do for _ in $(seq 50); do kill -0 "$p" 2>/dev/null || break; sleep 0.1; done; done
  rm -rf "$WORK"
}
trap stop_all EXIT

free_port() { python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1]);s.close()'; }
wait_for() { local what=$1; shift; for _ in $(seq 200); do "$@" >/dev/null 2>&1 && return 0; sleep 0.1; done; log "$what did not start"; exit 1; }

PG_PORT=$(free_port); REDIS_PORT=$(free_port); SMTP_PORT=$(free_port); MAILWEB_PORT=$(free_port); IMAP_PORT=$(free_port)

mkdir -p "$WORK/pg" && chown postgres:postgres "$WORK/pg"
su postgres -c "$PGBIN/initdb -D $WORK/pg/data -U postgres -A trust -E UTF8 --no-locale" >/dev/null
su postgres -c "exec $PGBIN/postgres -D $WORK/pg/data -p $PG_PORT -c listen_addresses=127.0.0.1 -c unix_socket_directories=$WORK/pg \
  -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" >"$WORK/pg.log" 2>&1 &
wait_for PostgreSQL pg_isready -q -h 127.0.0.1 -p "$PG_PORT"
PG_PID=$(head -1 "$WORK/pg/data/postmaster.pid")
psql -q -h 127.0.0.1 -p "$PG_PORT" -U postgres -v ON_ERROR_STOP=1 -c "CREATE ROLE lapak LOGIN CREATEDB PASSWORD 'lapak'" >/dev/null

mkdir -p "$WORK/redis"
redis-server --bind 127.0.0.1 --port "$REDIS_PORT" --save '' --appendonly no --dir "$WORK/redis" --logfile "$WORK/redis.log" &
PIDS+=($!)
wait_for Redis sh -c "redis-cli -h 127.0.0.1 -p $REDIS_PORT ping | grep -q PONG"

mkdir -p "$WORK/mail"
"$TOOLS/node_modules/.bin/maildev" --ip 127.0.0.1 --web-ip 127.0.0.1 -s "$SMTP_PORT" -w "$MAILWEB_PORT" \
  --mail-directory "$WORK/mail" >"$WORK/maildev.log" 2>&1 &
PIDS+=($!)
wait_for MailDev curl -fs "http://127.0.0.1:$MAILWEB_PORT/api/healthz"

# Dovecot: the IMAP mailbox inbound-mail tests append to (each test app reads a folder of its own).
D="$WORK/dovecot"; mkdir -p "$D/run" "$D/state" "$D/mail"; chown nobody:nogroup "$D/mail"
echo 'inbox@x.test:{PLAIN}secret' > "$D/users"; chmod 644 "$D/users"   # read by the auth process (user dovecot)
cat > "$D/dovecot.conf" <<CONF
protocols = imap
listen = 127.0.0.1
base_dir = $D/run
state_dir = $D/state
log_path = /dev/stderr
ssl = no
disable_plaintext_auth = no
mail_location = maildir:$D/mail/%u
passdb {
  driver = passwd-file
  args = scheme=PLAIN $D/users
}
userdb {
  driver = static
  args = uid=nobody gid=nogroup home=$D/mail/%u
}
service imap-login {
  inet_listener imap {
    port = $IMAP_PORT
  }
}
CONF
dovecot -F -c "$D/dovecot.conf" >"$WORK/dovecot.log" 2>&1 &
PIDS+=($!)
wait_for Dovecot bash -c "exec 3<>/dev/tcp/127.0.0.1/$IMAP_PORT"

export TEST_PG="Host=127.0.0.1;Port=$PG_PORT;Username=lapak;Password=lapak;Database=postgres"
export TEST_REDIS="127.0.0.1:$REDIS_PORT"
export TEST_SMTP_PORT=$SMTP_PORT TEST_MAILWEB_PORT=$MAILWEB_PORT
export TEST_IMAP_PORT=$IMAP_PORT TEST_IMAP_USER=inbox@x.test TEST_IMAP_PASSWORD=secret
export TEST_CHROMIUM=/usr/bin/chromium
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
log "PostgreSQL :$PG_PORT, Redis :$REDIS_PORT, SMTP :$SMTP_PORT (web :$MAILWEB_PORT), IMAP :$IMAP_PORT"

# ---------- build and test ----------
dotnet build Lapak.slnx -c Debug -nologo -clp:ErrorsOnly >"$WORK/build.log" 2>&1 || { cat "$WORK/build.log"; log "build failed"; exit 1; }

RESULTS="$WORK/results"; mkdir -p "$RESULTS"
status=0
for project in tests/Lapak.Tests tests/Lapak.E2E; do
  name=$(basename "$project")
  log "running $name"
  dotnet test "$project" --no-build -nologo --logger "trx;LogFileName=$name.trx" --results-directory "$RESULTS" "$@" || status=1
done

# ---------- one summary line over every project ----------
read -r passed failed skipped < <(python3 - "$RESULTS" <<'PY'
import sys, glob, re
p = f = s = 0
for path in glob.glob(sys.argv[1] + "/*.trx"):
    text = open(path, encoding="utf-8-sig").read()
    m = re.search(r'<Counters [^>]*', text)
    if not m: continue
    c = dict(re.findall(r'(\w+)="(\d+)"', m.group(0)))
    p += int(c.get("passed", 0)); f += int(c.get("failed", 0)) + int(c.get("error", 0)) + int(c.get("timeout", 0))
    s += int(c.get("notExecuted", 0)) + int(c.get("inconclusive", 0))
print(p, f, s)
PY
)
if [ "${passed:-0}" -eq 0 ] && [ "${failed:-0}" -eq 0 ]; then status=1; fi
[ "${failed:-0}" -gt 0 ] && status=1
if [ "${skipped:-0}" -gt 0 ]; then echo "${passed} passed, ${failed} failed, ${skipped} skipped"; else echo "${passed} passed, ${failed} failed"; fi
exit $status
