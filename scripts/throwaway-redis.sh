#!/usr/bin/env bash
# A throwaway Redis for tests and local cluster runs: no persistence, daemonized, its PID file in <dir>.
#   throwaway-redis.sh start <dir> <port>   prints REDIS_URL
#   throwaway-redis.sh stop <dir>           SIGTERM by PID, waits until it is gone
#   throwaway-redis.sh kill <dir>           SIGKILL by PID (a crash)
set -euo pipefail
cmd="${1:?usage: throwaway-redis.sh start|stop|kill <dir> [port]}"
dir="${2:?directory required}"
if ! command -v redis-server >/dev/null 2>&1; then
  echo "throwaway-redis: redis-server not found; run scripts/install-test-deps.sh (apt-get install redis-server)" >&2
  exit 3
fi
pidfile="$dir/redis.pid"

stop_with() {
  [ -f "$pidfile" ] || return 0
  pid="$(cat "$pidfile")"
  kill "-$1" "$pid" 2>/dev/null || true
  for _ in $(seq 1 200); do
    kill -0 "$pid" 2>/dev/null || { rm -f "$pidfile"; return 0; }
    sleep 0.05
  done
  echo "throwaway-redis: $pid did not exit" >&2
  return 1
}

case "$cmd" in
  start)
    port="${3:?port required}"
    mkdir -p "$dir"
    # flock -o: the daemon must not inherit a lock held around this script.
    flock -o "$dir/.start.lock" redis-server --save "" --appendonly no --daemonize yes --port "$port" \
      --bind 127.0.0.1 --dir "$dir" --pidfile "$pidfile" --logfile "$dir/redis.log"
    for _ in $(seq 1 200); do
      if [ -s "$pidfile" ] && redis-cli -p "$port" ping >/dev/null 2>&1; then
        echo "redis://127.0.0.1:$port"
        exit 0
      fi
      sleep 0.05
    done
    echo "throwaway-redis: did not answer on port $port (see $dir/redis.log)" >&2
    exit 1
    ;;
  stop) stop_with TERM ;;
  kill) stop_with KILL ;;
  *)
    echo "throwaway-redis: unknown command $cmd" >&2
    exit 2
    ;;
esac
