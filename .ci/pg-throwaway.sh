#!/usr/bin/env bash
# Source this: starts a throwaway PostgreSQL cluster (Debian's server binaries) on a loopback port and exports
# DATABASE_URL; `pg_throwaway_stop` removes it. PostgreSQL refuses to run as root, so root runs it as `postgres`.
set -euo pipefail
PG_PORT="${PG_PORT:-54329}"
PG_BIN="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"
PG_DIR="$(mktemp -d /tmp/pg-throwaway.XXXXXX)"
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
[ "$(id -u)" = 0 ] && chown postgres "$PG_DIR"
as_pg "$PG_BIN/initdb" -D "$PG_DIR/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
as_pg "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w \
  -o "-p $PG_PORT -k $PG_DIR -c listen_addresses=127.0.0.1 -c max_connections=200 -c fsync=off" start >/dev/null
export DATABASE_URL="postgres://postgres@127.0.0.1:$PG_PORT/postgres"
export PG_DIR PG_BIN
pg_throwaway_stop() { as_pg "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m fast -w stop >/dev/null || true; rm -rf "$PG_DIR"; }
echo "throwaway PostgreSQL at $DATABASE_URL"
