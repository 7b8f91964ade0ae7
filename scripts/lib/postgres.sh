# Sourced by scripts/test and scripts/bench: a private PostgreSQL 15 cluster on 127.0.0.1,
# installed from Debian if missing, stopped by its PID on exit. Sets DATABASE_URL_PG.
PG_PORT=${TI_TEST_PG_PORT:-55432}

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  echo "==> apt-get install postgresql-15"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq postgresql-15 >/dev/null
fi
PG_BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
PG_DIR=$(mktemp -d /tmp/ti-pg-XXXXXX)

run_pg() {
  # PostgreSQL refuses to run as root: use the package's postgres user then.
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

stop_pg() {
  if [ -f "$PG_DIR/data/postmaster.pid" ]; then
    kill "$(head -n 1 "$PG_DIR/data/postmaster.pid")" 2>/dev/null || true
    for _ in $(seq 1 50); do [ -f "$PG_DIR/data/postmaster.pid" ] || break; sleep 0.1; done
  fi
  rm -rf "$PG_DIR"
}
trap stop_pg EXIT

start_pg() {
  local db=$1
  if [ "$(id -u)" = 0 ]; then chown postgres "$PG_DIR"; fi
  run_pg "$PG_BIN/initdb" -D "$PG_DIR/data" -U ti --auth=trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null
  run_pg "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/log" -w \
    -o "-c listen_addresses=127.0.0.1 -p $PG_PORT -k $PG_DIR -c fsync=off -c synchronous_commit=off" start >/dev/null
  run_pg "$PG_BIN/createdb" -h 127.0.0.1 -p "$PG_PORT" -U ti "$db"
  DATABASE_URL_PG="postgres://ti@127.0.0.1:$PG_PORT/$db"
}
