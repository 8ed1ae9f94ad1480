#!/usr/bin/env bash
# Starts the whole platform on this machine, in the foreground, without Docker:
# PostgreSQL (reused, started or installed), Kafka (a broker or a three-node
# cluster, reused or started) and the platform's topics, a build of the
# services, then the four services (one or more instances each) and the gateway.
#
#   deploy/local/start.sh
#
# While it runs it supervises the services like a process manager: an instance
# that exits without being stopped by this script (a crash, kill -9, a SIGTERM
# from someone else: a rolling restart sends one to each instance in turn) is
# started again after a backoff (1 s, doubling up to 30 s; back to 1 s once it
# had been ready a minute, or when a SIGTERM stopped it while ready), and each
# restart is logged here. During the start an instance may fail three times
# before start.sh gives up. Only an instance stopped with "stop.sh NAME" stays
# stopped, until "restart.sh NAME". Kafka nodes are not restarted: a fault
# trial brings one back with "kafka.sh start-node N".
# Ctrl-C (or SIGTERM, which stop.sh sends) stops every process this script
# started, newest first, and the Kafka broker or cluster if it started it.
# PostgreSQL is left running.
#
# Settings (environment variables, all optional):
#   COMMOPS_HOME                    state folder (logs/, run/, kafka/, secrets.env); default ~/.commops
#   COMMOPS_DB_HOST/PORT/USER/PASSWORD, COMMOPS_PG_ADMIN_USER/PASSWORD   see postgres.sh
#   COMMOPS_PG_CLUSTER=<name>       a dedicated Debian PostgreSQL cluster on COMMOPS_DB_PORT, created if
#                                   missing, which postgres.sh stop|start|restart may stop (see postgres.sh)
#   COMMOPS_KAFKA_BROKERS=3         a three-node Kafka cluster (default 1: a single broker)
#   COMMOPS_KAFKA_PORT              client port of Kafka node 1 (default 9092); nodes 2 and 3 on the next
#                                   ports, the controllers just above (COMMOPS_KAFKA_CONTROLLER_PORT)
#   COMMOPS_KAFKA_BOOTSTRAP, COMMOPS_KAFKA_VERSION                       see kafka.sh
#   COMMOPS_INSTANCES=N             N instances of each service, gateway excepted (default 1), sharing the
#                                   databases and the consumer groups
#   COMMOPS_HTTP_PORT_BASE          gateway port (default 8080); plan-service on base+1, activity-service
#                                   +2, indicator-service +3, crisis-service +4; instance k of a service
#                                   10*(k-1) above (plan-service 8081, plan-service-2 8091, ...)
#   COMMOPS_GATEWAY_PLAN_URL, _ACTIVITY_URL, _INDICATOR_URL, _CRISIS_URL   where the gateway routes
#                                   (default: every instance of the service, comma-separated)
#   COMMOPS_SKIP_BUILD=1            use the jars already built
#   COMMOPS_SERVICES="plan-service gateway"   start only these (default: all)
#   COMMOPS_SERVICE_START_TIMEOUT   seconds to wait for each /q/health/ready (default 180)
#   COMMOPS_JAVA_OPTS               extra JVM options for every service
#   COMMOPS_DEMO_ENABLED=false      start without the demo org hierarchy (default: loaded, idempotently,
#                                   by the first plan-service instance)
#
# run/<name>.pid holds the pid of each instance (plan-service, plan-service-2, ..., gateway), and
# run/instances the name and port of each, for scripts such as a fault suite.
set -euo pipefail

# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
# shellcheck source=postgres.sh
source "$COMMOPS_SCRIPT_DIR/postgres.sh"
# shellcheck source=kafka.sh
source "$COMMOPS_SCRIPT_DIR/kafka.sh"

: "${COMMOPS_SERVICES:=plan-service activity-service indicator-service crisis-service gateway}"
: "${COMMOPS_SERVICE_START_TIMEOUT:=180}"
: "${COMMOPS_JAVA_OPTS:=}"

SERVICES=()         # the entries of COMMOPS_SERVICE_LAYOUT selected by COMMOPS_SERVICES
INSTANCES=()        # the instance names to start, in start order
STARTED_SERVICES=() # instance names this run started, in start order
declare -A INSTANCE_SERVICE=() INSTANCE_PORT=() INSTANCE_DB=() INSTANCE_NUMBER=()
declare -A GATEWAY_URLS=() # service port offset -> every instance's URL, comma-separated
SLEEP_PID=''
CLEANING_UP=0

# ---------------------------------------------------------------------------
# One platform per COMMOPS_HOME
# ---------------------------------------------------------------------------

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
  local name pid
  for name in $(live_platform_processes); do
    if pid="$(read_live_pid "$name")"; then
      log_warn "$name (pid $pid) was left running by an earlier run; stopping it"
      stop_named "$name" 30
    fi
  done
  rm -f "$COMMOPS_RUN_DIR"/*.held "$(instances_file)"
}

select_services() {
  local entry wanted
  for wanted in $COMMOPS_SERVICES; do
    for entry in "${COMMOPS_SERVICE_LAYOUT[@]}"; do
      if [[ "${entry%%:*}" == "$wanted" ]]; then
        SERVICES+=("$entry")
        continue 2
      fi
    done
    die "unknown service '$wanted' in COMMOPS_SERVICES (known: plan-service activity-service indicator-service crisis-service gateway)"
  done
}

# Lays out the instances of the selected services: names, ports, databases.
plan_instances() {
  local entry service offset db k count name
  for entry in "${SERVICES[@]}"; do
    IFS=: read -r service offset db <<<"$entry"
    count=$COMMOPS_INSTANCES
    [[ "$service" == gateway ]] && count=1
    for ((k = 1; k <= count; k++)); do
      name="$(instance_name "$service" "$k")"
      INSTANCES+=("$name")
      INSTANCE_SERVICE[$name]=$service
      INSTANCE_PORT[$name]="$(instance_port "$offset" "$k")"
      INSTANCE_DB[$name]=$db
      INSTANCE_NUMBER[$name]=$k
    done
  done
  for offset in 1 2 3 4; do
    GATEWAY_URLS[$offset]="$(service_urls "$offset")"
  done
}

check_ports_free() {
  local name port
  for name in "${INSTANCES[@]}"; do
    port=${INSTANCE_PORT[$name]}
    if port_open 127.0.0.1 "$port"; then
      die "port $port (for $name) is already used by another program; find it with: ss -ltnp 'sport = :$port'" \
        "(or move the platform's ports with COMMOPS_HTTP_PORT_BASE)"
    fi
  done
}

# Every instance of SERVICE_OFFSET's service, as the gateway's comma-separated list of URLs.
service_urls() {
  local offset=$1 k urls=''
  for ((k = 1; k <= COMMOPS_INSTANCES; k++)); do
    urls+="${urls:+,}http://127.0.0.1:$(instance_port "$offset" "$k")"
  done
  printf '%s\n' "$urls"
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

# start_instance NAME: launches instance NAME's Quarkus jar in the background (pid in STARTED_PID).
start_instance() {
  local name=$1
  local service=${INSTANCE_SERVICE[$name]} port=${INSTANCE_PORT[$name]} db=${INSTANCE_DB[$name]}
  local jar="$COMMOPS_REPO_ROOT/$service/target/quarkus-app/quarkus-run.jar"
  [[ -f "$jar" ]] || die "$jar is missing: build the project (run without COMMOPS_SKIP_BUILD=1)"

  # Exported to the instance only (local -x lasts for this function call).
  local -x QUARKUS_HTTP_PORT=$port
  local -x COMMOPS_INSTANCE_ID=$name
  # plan-service loads the demo hierarchy (national, provinces, communes) at start, idempotently; its
  # first instance is enough, and two loading at once would only race for the same rows.
  local -x COMMOPS_DEMO_ENABLED=${COMMOPS_DEMO_ENABLED:-true}
  ((INSTANCE_NUMBER[$name] == 1)) || COMMOPS_DEMO_ENABLED=false
  # The services look for the platform's keys at the gateway, wherever COMMOPS_HTTP_PORT_BASE put it.
  local -x COMMOPS_AUTH_JWKS_URL=${COMMOPS_AUTH_JWKS_URL:-http://127.0.0.1:$COMMOPS_HTTP_PORT_BASE/auth/jwks.json}
  if [[ -n "$db" ]]; then
    local -x COMMOPS_DB_NAME=$db
  else
    local -x COMMOPS_GATEWAY_PLAN_URL=${COMMOPS_GATEWAY_PLAN_URL:-${GATEWAY_URLS[1]}}
    local -x COMMOPS_GATEWAY_ACTIVITY_URL=${COMMOPS_GATEWAY_ACTIVITY_URL:-${GATEWAY_URLS[2]}}
    local -x COMMOPS_GATEWAY_INDICATOR_URL=${COMMOPS_GATEWAY_INDICATOR_URL:-${GATEWAY_URLS[3]}}
    local -x COMMOPS_GATEWAY_CRISIS_URL=${COMMOPS_GATEWAY_CRISIS_URL:-${GATEWAY_URLS[4]}}
  fi

  # activity-service holds several 10,000-record batches in memory at once; with less it spends its time
  # collecting. Half its heap is young: a batch lives about a second, which G1's smaller default young
  # generation made it outlive, to be copied and promoted. The whole heap from the start: grown on demand,
  # it stayed near the young generation's size, and G1 then collected early and often for lack of room
  # to copy into ("G1 Preventive Collection", a third more collections under bulk load).
  #
  # Idle, each JVM gives back what a burst took: a collection after 30 s without one (G1's periodic
  # collection) shrinks the heap to what is live, down to 64 MiB, and two malloc arenas instead of one
  # per core and thread keep native memory near what is used. activity-service idle went from 837 to
  # about 100 MiB of heap; the whole platform idle must fit in 2 GiB with PostgreSQL and Kafka.
  local heap="-Xmx256m -XX:G1PeriodicGCInterval=30000" marker
  [[ $service == activity-service ]] &&
    heap="-XX:InitialHeapSize=1g -XX:MinHeapSize=64m -Xmx1g -Xmn512m -XX:G1PeriodicGCInterval=30000"
  # Also run by the supervisor's loop: no $(...) here (see lib.sh, "Signals and command substitutions").
  process_marker "$name" marker

  log_info "starting $name on port $port (log: $COMMOPS_LOG_DIR/$name.log)"
  # shellcheck disable=SC2086 # COMMOPS_JAVA_OPTS holds several JVM options
  MALLOC_ARENA_MAX=2 start_daemon "$name" "$COMMOPS_LOG_DIR/$name.log" "$COMMOPS_REPO_ROOT/$service" \
    java $heap $COMMOPS_JAVA_OPTS "$marker" -jar "$jar"
}

# run/instances: "name port" of every instance started, for restart.sh and fault suites.
write_instances_file() {
  local name
  for name in "${INSTANCES[@]}"; do
    printf '%s %s\n' "$name" "${INSTANCE_PORT[$name]}"
  done >"$(instances_file)"
}

print_banner() {
  local gateway="http://localhost:$COMMOPS_HTTP_PORT_BASE" name instances=''
  for name in "${INSTANCES[@]}"; do
    instances+="${instances:+, }$name :${INSTANCE_PORT[$name]}"
  done
  cat <<EOF

  The platform is running.
    gateway          $gateway
    console          $gateway/q/swagger-ui
    merged OpenAPI   $gateway/openapi
    health           $gateway/q/health
    instances        $instances
    logs             $COMMOPS_LOG_DIR
    Kafka            $COMMOPS_KAFKA_BOOTSTRAP      PostgreSQL  $COMMOPS_DB_HOST:$COMMOPS_DB_PORT (user $COMMOPS_DB_USER)

  Every /api call needs a bearer token. The development issuer signs one per demo user
  (national-admin, lc-manager, lc-officer, crisis-analyst, viewer, post-office):
    curl -X POST $gateway/auth/dev-token -H 'Content-Type: application/json' \\
         -d '{"username":"national-admin"}'
  then send "Authorization: Bearer <access_token>" (the console's Authorize button takes it too).
  deploy/local/demo.sh loads a small demo through the gateway.
  An instance that exits is started again; deploy/local/restart.sh NAME restarts one gracefully.
  Press Ctrl-C to stop.

EOF
}

# ---------------------------------------------------------------------------
# Supervision
# ---------------------------------------------------------------------------

# Per instance: its pid, when it was (re)started, when it was last seen ready (empty: not since its
# start), the last restart delay, when a pending restart is due (empty: none pending), when its exit
# was seen (until it is ready again), how many restarts.
declare -A SUP_PID=() SUP_STARTED=() SUP_READY=() SUP_DELAY=() SUP_DUE=() SUP_EXITED=() SUP_RESTARTS=() SUP_HELD=()
SUP_MAX_DELAY=30
SUP_STABLE_AFTER=60

# An instance that exits before it was ever ready is started again at most this many times; then
# the start fails, as something is wrong beyond a moment's overload (a migration, a port).
SUP_STARTUP_RETRIES=3
STARTING=1 # until every instance was ready once

# A second's pause during which the INT/TERM traps still run at once (a background sleep + wait).
tick() {
  sleep 1 &
  SLEEP_PID=$!
  wait "$SLEEP_PID" || true
  SLEEP_PID=''
}

# start_wave NAME...: starts these instances at once and waits until each is ready, restarting
# those that exit meanwhile (on a small, busy machine an instance may give up on a database
# connection while the others start).
start_wave() {
  local name url pending=("$@") waiting
  for name in "$@"; do
    start_instance "$name"
    STARTED_SERVICES+=("$name")
    SUP_PID[$name]=$STARTED_PID
    SUP_STARTED[$name]=$SECONDS
  done
  while ((${#pending[@]})); do
    tick
    waiting=()
    for name in "${pending[@]}"; do
      supervise_instance "$name"
      url="http://127.0.0.1:${INSTANCE_PORT[$name]}/q/health/ready"
      if [[ -z "${SUP_DUE[$name]:-}" ]] && read_live_pid "$name" >/dev/null && http_ready "$url"; then
        log_info "$name is ready at http://localhost:${INSTANCE_PORT[$name]} ($((SECONDS - SUP_STARTED[$name]))s)"
        SUP_EXITED[$name]=''
        SUP_READY[$name]=$SECONDS
        continue
      fi
      # COMMOPS_SERVICE_START_TIMEOUT from its latest start
      if ((SECONDS >= SUP_STARTED[$name] + COMMOPS_SERVICE_START_TIMEOUT)) && [[ -z "${SUP_DUE[$name]:-}" ]]; then
        show_log_tail "$COMMOPS_LOG_DIR/$name.log" 60
        die "$name did not become ready ($url answered $(http_status "$url")) within ${COMMOPS_SERVICE_START_TIMEOUT}s;" \
          "see $COMMOPS_LOG_DIR/$name.log"
      fi
      waiting+=("$name")
    done
    pending=("${waiting[@]}")
  done
}

# Stays in the foreground until a signal arrives, restarting instances that exit. Once a second:
# a check costs a few bash builtins per instance (see pid_alive).
supervise() {
  local name
  STARTING=0
  while true; do
    tick
    for name in "${STARTED_SERVICES[@]}"; do
      supervise_instance "$name"
    done
  done
}

# Runs every second for hours: no $(...) (see lib.sh, "Signals and command substitutions").
supervise_instance() {
  local name=$1 pid status='' how uptime delay held
  hold_file "$name" held
  if [[ -n "${SUP_DUE[$name]:-}" ]]; then
    if [[ -f "$held" ]]; then
      if [[ -z "${SUP_HELD[$name]:-}" ]]; then
        SUP_HELD[$name]=1
        log_info "$name stays stopped (stopped with stop.sh $name; deploy/local/restart.sh $name brings it back)"
      fi
      return 0
    fi
    if [[ -n "${SUP_HELD[$name]:-}" ]]; then
      SUP_HELD[$name]=''
      SUP_DUE[$name]=$SECONDS # released by restart.sh: at once
      SUP_DELAY[$name]=''
      SUP_EXITED[$name]=$SECONDS
    fi
    ((SECONDS >= SUP_DUE[$name])) || return 0
    restart_instance "$name"
    return 0
  fi
  if read_live_pid "$name" >/dev/null; then
    if [[ -n "${SUP_EXITED[$name]:-}" ]] && ((!STARTING)) &&
      http_ready "http://127.0.0.1:${INSTANCE_PORT[$name]}/q/health/ready"; then
      log_info "$name is ready again, $((SECONDS - SUP_EXITED[$name]))s after its exit was seen (restart #${SUP_RESTARTS[$name]})"
      SUP_EXITED[$name]=''
      SUP_READY[$name]=$SECONDS
    fi
    return 0
  fi

  # It exited, and not because this script stopped it.
  pid=${SUP_PID[$name]:-}
  how='exited'
  if [[ -n "$pid" ]]; then
    # Our child: its exit status; else "wait" fails at once (127).
    wait "$pid" 2>/dev/null && status=0 || status=$?
    case $status in
      127) ;;
      137) how='was killed (SIGKILL, exit status 137)' ;;
      143) how='stopped on a SIGTERM (exit status 143)' ;;
      *) how="exited (exit status $status)" ;;
    esac
  fi
  uptime=$((SECONDS - SUP_STARTED[$name]))
  # Back to the shortest delay once it had served (been ready) for a minute, or when it was asked
  # to stop (SIGTERM) while serving: a rolling restart is no crash. An instance that keeps failing
  # to start waits longer each time, however long each start takes.
  if [[ -z "${SUP_DELAY[$name]:-}" ]] ||
    { [[ -n "${SUP_READY[$name]:-}" ]] &&
      { ((SECONDS - SUP_READY[$name] >= SUP_STABLE_AFTER)) || [[ "${status:-}" == 143 ]]; }; }; then
    delay=1
  else
    delay=$((SUP_DELAY[$name] * 2))
    ((delay <= SUP_MAX_DELAY)) || delay=$SUP_MAX_DELAY
  fi
  SUP_DELAY[$name]=$delay
  SUP_DUE[$name]=$((SECONDS + delay))
  [[ -n "${SUP_EXITED[$name]:-}" ]] || SUP_EXITED[$name]=$SECONDS
  if [[ -f "$held" ]]; then
    log_info "$name (pid ${pid:-?}) $how, by stop.sh; it stays stopped"
    SUP_HELD[$name]=1
    return 0
  fi
  if ((STARTING)); then
    show_log_tail "$COMMOPS_LOG_DIR/$name.log" 30
    if ((${SUP_RESTARTS[$name]:-0} >= SUP_STARTUP_RETRIES)); then
      die "$name exited during startup $((SUP_RESTARTS[$name] + 1)) times; see $COMMOPS_LOG_DIR/$name.log"
    fi
  fi
  log_warn "$name (pid ${pid:-?}) $how after ${uptime}s up; restarting it in ${delay}s" \
    "(its log: $COMMOPS_LOG_DIR/$name.log, kept as $name.log.1)"
}

restart_instance() {
  local name=$1
  SUP_DUE[$name]=''
  SUP_RESTARTS[$name]=$((${SUP_RESTARTS[$name]:-0} + 1))
  log_info "restarting $name (restart #${SUP_RESTARTS[$name]})"
  start_instance "$name"
  SUP_PID[$name]=$STARTED_PID
  SUP_STARTED[$name]=$SECONDS
  SUP_READY[$name]=''
}

# EXIT trap: stops what this run started, newest first; Kafka and PostgreSQL are left running.
cleanup() {
  local status=$? i
  ((CLEANING_UP)) && return
  CLEANING_UP=1
  # A second Ctrl-C, or a closed pipe (start.sh | tee), must not leave processes half-stopped.
  trap '' INT TERM HUP PIPE
  if [[ -n "$SLEEP_PID" ]]; then
    kill "$SLEEP_PID" 2>/dev/null || true
  fi
  if ((${#STARTED_SERVICES[@]})); then
    log_info "stopping the platform"
  fi
  # Newest first: the instances after the first of each service (started together, stopped
  # together), then the first instances and the gateway one by one, in reverse start order.
  local -a later=()
  for ((i = ${#STARTED_SERVICES[@]} - 1; i >= 0; i--)); do
    ((INSTANCE_NUMBER[${STARTED_SERVICES[i]}] > 1)) && later+=("${STARTED_SERVICES[i]}")
  done
  ((${#later[@]} == 0)) || stop_named_together 30 "${later[@]}"
  for ((i = ${#STARTED_SERVICES[@]} - 1; i >= 0; i--)); do
    ((INSTANCE_NUMBER[${STARTED_SERVICES[i]}] > 1)) || stop_named "${STARTED_SERVICES[i]}" 30
  done
  rm -f "$COMMOPS_RUN_DIR"/*.held
  if [[ "$(head -n 1 "$(start_pid_file)" 2>/dev/null)" == "$$" ]]; then
    rm -f "$(start_pid_file)" "$(instances_file)"
  fi
  if ((${#STARTED_SERVICES[@]})); then
    log_info "stopped"
  fi
  exit "$status"
}

main() {
  local name started
  commops_load_config
  require_cmd java curl
  select_services
  plan_instances
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
  kafka_ensure_topics
  build_services

  # Instance 1 of every service first (and the gateway), as with one instance: they migrate the
  # databases; then the others, which on a small machine would otherwise slow every start down.
  local -a first=() others=()
  for name in "${INSTANCES[@]}"; do
    if ((INSTANCE_NUMBER[$name] == 1)); then first+=("$name"); else others+=("$name"); fi
  done
  write_instances_file
  started=$SECONDS
  start_wave "${first[@]}"
  if ((${#others[@]})); then
    log_info "${#first[@]} processes ready after $((SECONDS - started))s; starting the other instances"
    start_wave "${others[@]}"
  fi
  log_info "${#INSTANCES[@]} processes ready, $((SECONDS - started))s after the first was started"

  print_banner
  supervise
}

main "$@"
