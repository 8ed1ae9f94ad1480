#!/usr/bin/env bash
# Restarts instances of the platform that deploy/local/start.sh runs for this COMMOPS_HOME, one at
# a time and gracefully: SIGTERM to the instance (it finishes what it is doing), start.sh's
# supervisor starts it again, and this script waits until it is ready before the next one. Naming
# every instance of a service is a rolling restart. An instance stopped with "stop.sh NAME" is
# started again.
#
#   deploy/local/restart.sh NAME...    e.g. plan-service plan-service-2 (names: run/instances)
#   deploy/local/restart.sh all        every instance, the gateway last
#
# Exits non-zero when an instance is not ready again within COMMOPS_SERVICE_START_TIMEOUT seconds
# (default 180).
set -euo pipefail

# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

: "${COMMOPS_SERVICE_START_TIMEOUT:=180}"

# restart_one NAME: SIGTERM, then waits for the supervisor's new process and for its readiness.
restart_one() {
  local name=$1 port old='' new='' deadline started=$SECONDS
  port="$(instance_port_of "$name")" ||
    die "'$name' is not an instance of the running platform (see $(instances_file))"
  rm -f "$(hold_file "$name")"
  if old="$(read_live_pid "$name")"; then
    log_info "restarting $name (pid $old): SIGTERM"
    kill -TERM "$old" 2>/dev/null || true
    deadline=$((SECONDS + 60))
    while pid_alive "$old"; do
      ((SECONDS < deadline)) || die "$name (pid $old) did not stop within 60s of its SIGTERM"
      sleep 0.2
    done
    log_info "$name stopped after $((SECONDS - started))s; waiting for start.sh to start it again"
  else
    log_info "$name is not running; waiting for start.sh to start it"
  fi
  # The supervisor's backoff is at most 30 s.
  deadline=$((SECONDS + 45))
  until new="$(read_live_pid "$name")" && [[ "$new" != "$old" ]]; do
    ((SECONDS < deadline)) || die "start.sh did not start $name again within 45s; see its output"
    sleep 0.2
  done
  if ! wait_for_http_200 "http://127.0.0.1:$port/q/health/ready" "$COMMOPS_SERVICE_START_TIMEOUT" "$new"; then
    show_log_tail "$COMMOPS_LOG_DIR/$name.log"
    die "$name (pid $new) is not ready within ${COMMOPS_SERVICE_START_TIMEOUT}s; see $COMMOPS_LOG_DIR/$name.log"
  fi
  log_info "$name is ready again (pid $new), $((SECONDS - started))s after the restart began"
}

main() {
  local name names=()
  commops_load_config
  (($#)) || die "usage: $0 NAME... | all   (instance names: see $(instances_file))"
  running_start_pid >/dev/null ||
    die "start.sh is not running for $COMMOPS_HOME: nothing would start the instances again"
  if [[ "$*" == all ]]; then
    while read -r name _; do
      names+=("$name")
    done <"$(instances_file)"
  else
    names=("$@")
  fi
  for name in "${names[@]}"; do
    restart_one "$name"
  done
}

main "$@"
