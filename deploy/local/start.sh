#!/usr/bin/env bash
# Starts the whole platform on this machine, in the foreground, without Docker:
# PostgreSQL (reused, started or installed), a Kafka broker (reused or started),
# a build of the services, then the four services and the gateway.
# Ctrl-C (or SIGTERM) stops every process this script started, and the Kafka
# broker if it started it. PostgreSQL is left running.
#
#   deploy/local/start.sh
#
# Settings (environment variables, all optional):
#   COMMOPS_HOME                    state folder (logs/, run/, kafka/, secrets.env); default ~/.commops
#   COMMOPS_DB_HOST/PORT/USER/PASSWORD, COMMOPS_PG_ADMIN_USER/PASSWORD   see postgres.sh
#   COMMOPS_KAFKA_BOOTSTRAP, COMMOPS_KAFKA_VERSION                       see kafka.sh
#   COMMOPS_SKIP_BUILD=1            use the jars already built
#   COMMOPS_SERVICES="plan-service gateway"   start only these (default: all)
#   COMMOPS_SERVICE_START_TIMEOUT   seconds to wait for each /q/health/ready (default 180)
#   COMMOPS_JAVA_OPTS               extra JVM options for every service
#   COMMOPS_DEMO_ENABLED=false      start without the demo org hierarchy (default: loaded, idempotently)
set -euo pipefail

# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
# shellcheck source=postgres.sh
source "$COMMOPS_SCRIPT_DIR/postgres.sh"
# shellcheck source=kafka.sh
source "$COMMOPS_SCRIPT_DIR/kafka.sh"

# name:http-port:database (the gateway owns no database). Start order; stopped in reverse.
ALL_SERVICES=(
  plan-service:8081:commops_plan
  activity-service:8082:commops_activity
  indicator-service:8083:commops_indicator
  crisis-service:8084:commops_crisis
  gateway:8080:
)
: "${COMMOPS_SERVICES:=plan-service activity-service indicator-service crisis-service gateway}"
: "${COMMOPS_SERVICE_START_TIMEOUT:=180}"
: "${COMMOPS_JAVA_OPTS:=}"

SERVICES=()         # the entries of ALL_SERVICES selected by COMMOPS_SERVICES
STARTED_SERVICES=() # names this run started, in start order
SLEEP_PID=''
CLEANING_UP=0

# ---------------------------------------------------------------------------
# One platform per COMMOPS_HOME
# ---------------------------------------------------------------------------

start_pid_file() { printf '%s/start.pid\n' "$COMMOPS_RUN_DIR"; }

# Prints the pid of a start.sh that is still running for this COMMOPS_HOME.
running_start_pid() {
  local pid
  pid="$(head -n 1 "$(start_pid_file)" 2>/dev/null | tr -dc '0-9')" || return 1
  [[ -n "$pid" && "$pid" != "$$" ]] && pid_alive "$pid" &&
    [[ "$(process_cmdline "$pid")" == *start.sh* ]] || return 1
  printf '%s\n' "$pid"
}

claim_platform() {
  local pid
  if pid="$(running_start_pid)"; then
    die "the platform is already running from $COMMOPS_HOME (start.sh, pid $pid)." \
      "Stop it first: Ctrl-C in its terminal, or deploy/local/stop.sh"
  fi
  printf '%s\n' "$$" >"$(start_pid_file)"
}

# Services still running after an earlier start.sh was killed (kill -9, a
# closed terminal, a crash) would hold the ports: stop them before starting.
stop_leftover_services() {
  local i name pid
  for ((i = ${#ALL_SERVICES[@]} - 1; i >= 0; i--)); do
    name=${ALL_SERVICES[i]%%:*}
    if pid="$(read_live_pid "$name")"; then
      log_warn "$name (pid $pid) was left running by an earlier run; stopping it"
      stop_named "$name" 30
    fi
  done
}

select_services() {
  local entry wanted
  for wanted in $COMMOPS_SERVICES; do
    for entry in "${ALL_SERVICES[@]}"; do
      if [[ "${entry%%:*}" == "$wanted" ]]; then
        SERVICES+=("$entry")
        continue 2
      fi
    done
    die "unknown service '$wanted' in COMMOPS_SERVICES (known: plan-service activity-service indicator-service crisis-service gateway)"
  done
}

check_ports_free() {
  local entry name port
  for entry in "${SERVICES[@]}"; do
    IFS=: read -r name port _ <<<"$entry"
    if port_open 127.0.0.1 "$port"; then
      die "port $port (for $name) is already used by another program; find it with: ss -ltnp 'sport = :$port'"
    fi
  done
}

# ---------------------------------------------------------------------------
# Build and run
# ---------------------------------------------------------------------------

build_services() {
  if [[ "${COMMOPS_SKIP_BUILD:-0}" == 1 ]]; then
    log_info "COMMOPS_SKIP_BUILD=1: using the jars already built"
    return 0
  fi
  local mvn
  mvn="$(mvn_cmd)"
  log_info "building the services ($mvn -B -q package -DskipTests)"
  (cd "$COMMOPS_REPO_ROOT" && "$mvn" -B -q package -DskipTests) || die "the build failed (see the Maven output above)"
}

# start_service NAME PORT DATABASE: launches NAME's Quarkus jar in the background.
start_service() {
  local name=$1 port=$2 db=$3
  local jar="$COMMOPS_REPO_ROOT/$name/target/quarkus-app/quarkus-run.jar"
  [[ -f "$jar" ]] || die "$jar is missing: build the project (run without COMMOPS_SKIP_BUILD=1)"

  # Exported to the service only (local -x lasts for this function call).
  local -x QUARKUS_HTTP_PORT=$port
  # plan-service loads the demo hierarchy (national, provinces, communes) at start, idempotently.
  local -x COMMOPS_DEMO_ENABLED=${COMMOPS_DEMO_ENABLED:-true}
  if [[ -n "$db" ]]; then
    local -x COMMOPS_DB_NAME=$db
  else
    local -x COMMOPS_GATEWAY_PLAN_URL=http://127.0.0.1:8081
    local -x COMMOPS_GATEWAY_ACTIVITY_URL=http://127.0.0.1:8082
    local -x COMMOPS_GATEWAY_INDICATOR_URL=http://127.0.0.1:8083
    local -x COMMOPS_GATEWAY_CRISIS_URL=http://127.0.0.1:8084
  fi

  # activity-service holds several 10,000-record batches in memory at once; with less it spends its time
  # collecting. Half its heap is young: a batch lives about a second, which G1's smaller default young
  # generation made it outlive, to be copied and promoted. The whole heap from the start: grown on demand,
  # it stayed near the young generation's size, and G1 then collected early and often for lack of room
  # to copy into ("G1 Preventive Collection", a third more collections under bulk load).
  local heap="-Xmx256m"
  [[ $name == activity-service ]] && heap="-Xms1g -Xmx1g -Xmn512m"

  log_info "starting $name on port $port (log: $COMMOPS_LOG_DIR/$name.log)"
  # shellcheck disable=SC2086 # COMMOPS_JAVA_OPTS holds several JVM options
  start_daemon "$name" "$COMMOPS_LOG_DIR/$name.log" "$COMMOPS_REPO_ROOT/$name" \
    java $heap $COMMOPS_JAVA_OPTS "$(process_marker "$name")" -jar "$jar"
  STARTED_SERVICES+=("$name")
}

wait_service_ready() {
  local name=$1 port=$2 pid
  local url="http://127.0.0.1:$port/q/health/ready"
  pid="$(read_live_pid "$name")" || {
    show_log_tail "$COMMOPS_LOG_DIR/$name.log"
    die "$name exited right after starting; see $COMMOPS_LOG_DIR/$name.log"
  }
  if ! wait_for_http_200 "$url" "$COMMOPS_SERVICE_START_TIMEOUT" "$pid"; then
    show_log_tail "$COMMOPS_LOG_DIR/$name.log" 60
    if pid_alive "$pid"; then
      die "$name did not become ready ($url answered $(http_status "$url")) within ${COMMOPS_SERVICE_START_TIMEOUT}s;" \
        "see $COMMOPS_LOG_DIR/$name.log"
    fi
    die "$name exited during startup; see $COMMOPS_LOG_DIR/$name.log"
  fi
  log_info "$name is ready at http://localhost:$port"
}

print_banner() {
  cat <<EOF

  The platform is running.
    gateway          http://localhost:8080
    console          http://localhost:8080/q/swagger-ui
    merged OpenAPI   http://localhost:8080/openapi
    health           http://localhost:8080/q/health
    logs             $COMMOPS_LOG_DIR
    Kafka            $COMMOPS_KAFKA_BOOTSTRAP      PostgreSQL  $COMMOPS_DB_HOST:$COMMOPS_DB_PORT (user $COMMOPS_DB_USER)

  Every /api call needs a bearer token. The development issuer signs one per demo user
  (national-admin, lc-manager, lc-officer, crisis-analyst, viewer, post-office):
    curl -X POST http://localhost:8080/auth/dev-token -H 'Content-Type: application/json' \\
         -d '{"username":"national-admin"}'
  then send "Authorization: Bearer <access_token>" (the console's Authorize button takes it too).
  deploy/local/demo.sh loads a small demo through the gateway.
  Press Ctrl-C to stop.

EOF
}

# Stays in the foreground until a signal arrives, reporting services that die.
supervise() {
  local name alive
  local -A reported=()
  while true; do
    # A background sleep + wait lets the INT/TERM traps run at once.
    sleep 5 &
    SLEEP_PID=$!
    wait "$SLEEP_PID" || true
    SLEEP_PID=''
    alive=0
    for name in "${STARTED_SERVICES[@]}"; do
      if read_live_pid "$name" >/dev/null; then
        alive=$((alive + 1))
      elif [[ -z "${reported[$name]:-}" ]]; then
        reported[$name]=1
        show_log_tail "$COMMOPS_LOG_DIR/$name.log"
        log_error "$name stopped unexpectedly; see $COMMOPS_LOG_DIR/$name.log"
      fi
    done
    if ((alive == 0)); then
      die "every service has stopped"
    fi
  done
}

# EXIT trap: stops what this run started, newest first, then Kafka if ours.
cleanup() {
  local status=$? i
  ((CLEANING_UP)) && return
  CLEANING_UP=1
  # A second Ctrl-C, or a closed pipe (start.sh | tee), must not leave processes half-stopped.
  trap '' INT TERM HUP PIPE
  if [[ -n "$SLEEP_PID" ]]; then
    kill "$SLEEP_PID" 2>/dev/null || true
  fi
  if ((${#STARTED_SERVICES[@]})) || [[ "${KAFKA_OWNED:-0}" == 1 ]]; then
    log_info "stopping the platform"
  fi
  for ((i = ${#STARTED_SERVICES[@]} - 1; i >= 0; i--)); do
    stop_named "${STARTED_SERVICES[i]}" 30
  done
  stop_kafka
  if [[ "$(head -n 1 "$(start_pid_file)" 2>/dev/null)" == "$$" ]]; then
    rm -f "$(start_pid_file)"
  fi
  if ((${#STARTED_SERVICES[@]})); then
    log_info "stopped"
  fi
  exit "$status"
}

main() {
  commops_load_config
  require_cmd java curl
  select_services
  claim_platform
  trap cleanup EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM
  trap 'exit 129' HUP
  trap 'exit 141' PIPE

  stop_leftover_services
  check_ports_free
  ensure_postgres
  ensure_kafka
  build_services

  local entry name port db
  for entry in "${SERVICES[@]}"; do
    IFS=: read -r name port db <<<"$entry"
    start_service "$name" "$port" "$db"
  done
  for entry in "${SERVICES[@]}"; do
    IFS=: read -r name port db <<<"$entry"
    wait_service_ready "$name" "$port"
  done

  print_banner
  supervise
}

main "$@"
