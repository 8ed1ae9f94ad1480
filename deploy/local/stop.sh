#!/usr/bin/env bash
# Stops the platform started by deploy/local/start.sh for this COMMOPS_HOME:
# asks a running start.sh to shut down (as Ctrl-C would), then stops any
# service instance left behind by a run that was killed. Kafka is left running
# (stop it with "kafka.sh stop"); PostgreSQL is never stopped.
#
#   deploy/local/stop.sh              the whole platform
#   deploy/local/stop.sh NAME...      only these instances (plan-service, plan-service-2, gateway, ...):
#                                     SIGTERM, and start.sh's supervisor leaves them stopped until
#                                     "deploy/local/restart.sh NAME"
set -euo pipefail

# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
# shellcheck source=kafka.sh
source "$COMMOPS_SCRIPT_DIR/kafka.sh"

# Sends SIGTERM to a running start.sh and waits for its own cleanup to finish.
stop_running_start_sh() {
  local pid deadline
  if ! pid="$(running_start_pid)"; then
    rm -f "$(start_pid_file)"
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
  for name in $(live_platform_processes); do
    stop_named "$name" 30
  done
  rm -f "$COMMOPS_RUN_DIR"/*.held
}

report() {
  local pid
  kafka_init
  if pid="$(kafka_any_live_pid)"; then
    log_info "the platform is stopped; the Kafka broker (pid $pid) is left running (stop it with: deploy/local/kafka.sh stop)"
  else
    log_info "the platform is stopped; nothing from $COMMOPS_HOME is running"
  fi
}

# Stops the instances named, for good while start.sh runs: the hold file tells its supervisor.
stop_instances() {
  local name
  for name in "$@"; do
    is_platform_process "$name" ||
      die "'$name' is not a platform process (plan-service, plan-service-2, ..., gateway; see $(instances_file))"
  done
  for name in "$@"; do
    if running_start_pid >/dev/null; then
      touch "$(hold_file "$name")"
    fi
    if read_live_pid "$name" >/dev/null; then
      stop_named "$name" 30
    else
      log_info "$name is not running"
    fi
  done
}

main() {
  commops_load_config
  if (($#)); then
    stop_instances "$@"
    return
  fi
  stop_running_start_sh
  stop_leftovers
  report
}

main "$@"
