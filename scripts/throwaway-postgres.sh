#!/usr/bin/env bash
# A throwaway Postgres for tests and local cluster runs: no systemd, no system cluster, everything in one directory.
#   throwaway-postgres.sh start <dir> <port>   initdb (first time) + start; prints DATABASE_URL
#   throwaway-postgres.sh stop <dir>           fast shutdown (by the postmaster's PID)
#   throwaway-postgres.sh crash <dir>          `pg_ctl -m immediate`: no checkpoint, recovery replays the WAL
#   throwaway-postgres.sh pid <dir>            the postmaster's PID
# Postgres refuses to run as root, so as root it runs as the `postgres` user (the Debian package creates it).
# The unix socket lives in <dir>, so nothing touches /var/run/postgresql.
set -euo pipefail
cmd="${1:?usage: throwaway-postgres.sh start|stop|crash|pid <dir> [port]}"
dir="${2:?directory required}"

bindir="${PG_BINDIR:-}"
if [ -z "$bindir" ]; then
  bindir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
fi
if [ -z "$bindir" ] || [ ! -x "$bindir/pg_ctl" ]; then
  echo "throwaway-postgres: no Postgres binaries found; run scripts/install-test-deps.sh (apt-get install postgresql)" >&2
  exit 3
fi

owner=()
if [ "$(id -u)" -eq 0 ]; then owner=(runuser -u postgres --); fi
as_owner() { "${owner[@]}" "$@"; }

data="$dir/data"
case "$cmd" in
  start)
    port="${3:?port required}"
    mkdir -p "$dir"
    if [ "$(id -u)" -eq 0 ]; then chown postgres: "$dir"; fi
    if ! as_owner test -w "$dir"; then
      echo "throwaway-postgres: $dir is not writable by the postgres user (are its parents searchable? chmod 755)" >&2
      exit 4
    fi
    if [ ! -f "$data/PG_VERSION" ]; then
      if ! as_owner "$bindir/initdb" -D "$data" -A trust -U postgres --no-sync -E UTF8 >"$dir/initdb.log" 2>&1; then
        cat "$dir/initdb.log" >&2
        exit 5
      fi
    fi
    # flock -o: if a caller runs us under a lock, the postmaster must not inherit (and so hold) that lock forever.
    flock -o "$dir/.start.lock" "${owner[@]}" "$bindir/pg_ctl" -D "$data" -l "$dir/postgres.log" -w -t 60 \
      -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c shared_buffers=32MB -c max_connections=60 -c fsync=on -c synchronous_commit=on" \
      start >/dev/null || { tail -n 20 "$dir/postgres.log" >&2; exit 6; }
    echo "postgres://postgres@127.0.0.1:$port/postgres"
    ;;
  stop)
    if [ -f "$data/postmaster.pid" ]; then as_owner "$bindir/pg_ctl" -D "$data" -m fast -w -t 60 stop >/dev/null; fi
    ;;
  crash)
    if [ -f "$data/postmaster.pid" ]; then as_owner "$bindir/pg_ctl" -D "$data" -m immediate -w -t 60 stop >/dev/null; fi
    ;;
  pid)
    head -n 1 "$data/postmaster.pid"
    ;;
  *)
    echo "throwaway-postgres: unknown command $cmd" >&2
    exit 2
    ;;
esac
