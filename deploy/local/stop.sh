#!/usr/bin/env bash
# Stops the platform started by deploy/local/start.sh for this COMMOPS_HOME:
# asks a running start.sh to shut down (as Ctrl-C would), then stops any
# service, and any Kafka broker whose owner is gone, left behind by a run that
# was killed. A broker started with "kafka.sh start" is left running (stop it
# with "kafka.sh stop"); PostgreSQL is never stopped.
#
#   deploy/local/stop.sh
set -euo pipefail

# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
# shellcheck source=kafka.sh
source "$COMMOPS_SCRIPT_DIR/kafka.sh"

SERVICE_NAMES=(gateway crisis-service indicator-service activity-service plan-service)

# Sends SIGTERM to a running start.sh and waits for its own cleanup to finish.
stop_running_start_sh() {
  local file="$COMMOPS_RUN_DIR/start.pid" pid deadline
  pid="$(head -n 1 "$file" 2>/dev/null | tr -dc '0-9')" || true
  if [[ -z "$pid" ]] || ! pid_alive "$pid" || [[ "$(process_cmdline "$pid")" != *start.sh* ]]; then
    rm -f "$file"
    return 0
  fi
  log_info "asking start.sh (pid $pid) to stop the platform"
  kill -TERM "$pid" 2>/dev/null || true
  deadline=$((SECONDS + 180))
  while pid_alive "$pid" && ((SECONDS < deadline)); do
    sleep 0.5
  done
  if pid_alive "$pid"; then
    log_warn "start.sh (pid $pid) is still running after 180s; stopping its processes directly"
  fi
}

stop_leftovers() {
  local name
  for name in "${SERVICE_NAMES[@]}"; do
    if read_live_pid "$name" >/dev/null; then
      stop_named "$name" 30
    fi
  done
  kafka_init
  if read_live_pid kafka >/dev/null && ! kafka_live_owner >/dev/null; then
    kafka_stop_broker
  fi
}

report() {
  local pid owner
  if pid="$(read_live_pid kafka)"; then
    owner="$(kafka_live_owner)" || owner="owner unknown"
    log_info "the platform is stopped; the Kafka broker (pid $pid, $owner) is left running (stop it with: deploy/local/kafka.sh stop)"
  else
    log_info "the platform is stopped; nothing from $COMMOPS_HOME is running"
  fi
}

main() {
  commops_load_config
  stop_running_start_sh
  stop_leftovers
  report
}

main "$@"
