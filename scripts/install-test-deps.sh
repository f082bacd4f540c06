#!/usr/bin/env bash
# Installs what the test suite needs beyond npm packages, from Debian's packages, only what is missing:
#   chromium        for Playwright (it never downloads a browser here)
#   postgresql      the cluster tests' throwaway Postgres (scripts/throwaway-postgres.sh; no system cluster is used)
#   redis-server    the cluster tests' throwaway Redis (scripts/throwaway-redis.sh)
# Fast when everything is present; `apt-get update` runs only when something has to be installed.
set -euo pipefail
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1 || missing+=(postgresql)
command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)

if [ "${#missing[@]}" -eq 0 ]; then
  echo "chromium: $(/usr/bin/chromium --version 2>/dev/null || echo present)"
  echo "postgres: $(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"
  echo "redis: $(redis-server --version | cut -d ' ' -f 3)"
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
echo "installing: ${missing[*]}"
$SUDO apt-get update
# policy-rc.d 101: the packages must not start system-wide services (there may be no init system at all);
# the tests start their own throwaway instances.
if [ ! -e /usr/sbin/policy-rc.d ]; then
  printf '#!/bin/sh\nexit 101\n' | $SUDO tee /usr/sbin/policy-rc.d >/dev/null
  $SUDO chmod +x /usr/sbin/policy-rc.d
  trap '$SUDO rm -f /usr/sbin/policy-rc.d' EXIT
fi
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y "${missing[@]}"
