#!/usr/bin/env bash
# Stops exactly what deploy/local/up.sh started (services first, then Redis, then Kafka).
# Data stays in deploy/local/run/ for the next up.sh; pass --purge to delete it.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
run="${MODPIPE_RUN_DIR:-$here/run}"
pids="$run/pids"

stop() {
  local name="$1" file="$pids/$1.pid"
  [ -f "$file" ] || return 0
  local pid; pid="$(cat "$file")"
  if kill -0 "$pid" 2>/dev/null; then
    kill "$pid"
    for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    if kill -0 "$pid" 2>/dev/null; then kill -9 "$pid" 2>/dev/null || true; fi
    echo "stopped $name (pid $pid)"
  fi
  rm -f "$file"
}

for name in ingest-service classifier-service review-service redis kafka; do stop "$name"; done
if [ "${1:-}" = "--purge" ]; then rm -rf "$run"; echo "removed $run"; fi
