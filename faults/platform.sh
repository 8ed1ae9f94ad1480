# shellcheck shell=bash
# The fault suite's handle on the local platform (deploy/local): its processes, ports, brokers and database.
# Sourced by faults/run.sh after deploy/local/lib.sh; everything that depends on how deploy/local names and
# starts things is here.
#
# Instances: instance k of a service listens on its port + 10*(k-1) and is named <service> (k = 1) or
# <service>-<k> in $COMMOPS_RUN_DIR (pid files) and $COMMOPS_LOG_DIR. start.sh restarts an instance that exits
# without being asked to, so a killed or SIGTERMed instance comes back by itself.

FAULTS_SERVICES=(plan-service activity-service indicator-service crisis-service)
PLATFORM_PID=''
PG_STOPPED=0
HUNG_PIDS=()

# "name port" of every process the suite expects: each service's instances, then the gateway.
platform_instances() {
  local i k service
  for ((i = 0; i < ${#FAULTS_SERVICES[@]}; i++)); do
    service=${FAULTS_SERVICES[i]}
    for ((k = 1; k <= COMMOPS_INSTANCES; k++)); do
      printf '%s %s\n' "$(instance_name "$service" "$k")" $((COMMOPS_HTTP_PORT_BASE + i + 1 + 10 * (k - 1)))
    done
  done
  printf 'gateway %s\n' "$COMMOPS_HTTP_PORT_BASE"
}

instance_name() { # SERVICE K
  if (($2 == 1)); then printf '%s\n' "$1"; else printf '%s-%s\n' "$1" "$2"; fi
}

instance_port() { # NAME
  platform_instances | awk -v n="$1" '$1 == n { print $2 }'
}

instance_pid() { read_live_pid "$1"; }

# The brokers' client addresses (deploy/local/lib.sh lays them out from COMMOPS_KAFKA_PORT).
kafka_bootstrap() { printf '%s\n' "$COMMOPS_KAFKA_BOOTSTRAP"; }

# ------------------------------------------------------------------ start and stop

# Starts deploy/local/start.sh in the background and waits until every instance and the gateway are ready.
platform_start() {
  local log=$1 deadline=$((SECONDS + ${FAULTS_START_TIMEOUT:-900})) name port
  log_info "starting the platform: $COMMOPS_KAFKA_BROKERS Kafka broker(s), $COMMOPS_INSTANCES instance(s) of each service," \
    "gateway on $COMMOPS_HTTP_PORT_BASE, PostgreSQL on $COMMOPS_DB_PORT (log: $log)"
  COMMOPS_SKIP_BUILD=1 "$COMMOPS_REPO_ROOT/deploy/local/start.sh" >"$log" 2>&1 &
  PLATFORM_PID=$!
  while read -r name port; do
    until [[ "$(http_status "http://127.0.0.1:$port/q/health/ready")" == 200 ]]; do
      if ! kill -0 "$PLATFORM_PID" 2>/dev/null; then
        tail -n 40 "$log" >&2
        die "start.sh exited before $name was ready (see $log)"
      fi
      ((SECONDS < deadline)) || die "$name (port $port) not ready after ${FAULTS_START_TIMEOUT:-900}s (see $log)"
      sleep 2
    done
  done < <(platform_instances)
  log_info "the platform is ready"
}

# Undoes what a fault may have left (a stopped broker, a stopped database), then stops start.sh, which stops the
# services, and the suite's own Kafka (start.sh leaves Kafka running); then anything of this COMMOPS_HOME still
# running.
platform_stop() {
  local pid file name
  for pid in "${HUNG_PIDS[@]}"; do
    kill -CONT "$pid" 2>/dev/null || true
  done
  if ((PG_STOPPED)); then
    pg_start || true
  fi
  if [[ -n "$PLATFORM_PID" ]] && kill -0 "$PLATFORM_PID" 2>/dev/null; then
    log_info "stopping the platform (start.sh, pid $PLATFORM_PID)"
    kill -TERM "$PLATFORM_PID" 2>/dev/null || true
    for _ in $(seq 1 360); do
      kill -0 "$PLATFORM_PID" 2>/dev/null || break
      sleep 0.5
    done
    wait "$PLATFORM_PID" 2>/dev/null || true
  fi
  PLATFORM_PID=''
  kafka_cmd stop >>"$FAULTS_WORK/kafka-nodes.log" 2>&1 || log_warn "could not stop the suite's Kafka (see $FAULTS_WORK/kafka-nodes.log)"
  # Whatever a killed start.sh left behind: every process of ours has a pid file and a marker.
  for file in "$COMMOPS_RUN_DIR"/*.pid; do
    [[ -f "$file" ]] || continue
    name=$(basename "$file" .pid)
    [[ "$name" == start ]] && continue
    if pid=$(read_live_pid "$name"); then
      log_warn "$name (pid $pid) still runs after start.sh ended; stopping it"
      stop_pid "$name" "$pid" 30
    fi
  done
}

# ------------------------------------------------------------------ Kafka brokers

kafka_cmd() { "$COMMOPS_REPO_ROOT/deploy/local/kafka.sh" "$@"; }

broker_pid() { # NODE -> pid
  kafka_cmd node-pid "$1"
}

broker_start() { # NODE: starts the node again and waits until it answers
  kafka_cmd start-node "$1" >>"$FAULTS_WORK/kafka-nodes.log" 2>&1
}

# ------------------------------------------------------------------ PostgreSQL (the suite's own cluster)

pg_stop() { # [fast|immediate]
  PG_STOPPED=1
  "$COMMOPS_REPO_ROOT/deploy/local/postgres.sh" stop "${1:-fast}" >>"$FAULTS_WORK/postgres.log" 2>&1
}

pg_start() {
  "$COMMOPS_REPO_ROOT/deploy/local/postgres.sh" start >>"$FAULTS_WORK/postgres.log" 2>&1
  PG_STOPPED=0
}

pg_restart() {
  PG_STOPPED=1
  "$COMMOPS_REPO_ROOT/deploy/local/postgres.sh" restart >>"$FAULTS_WORK/postgres.log" 2>&1
  PG_STOPPED=0
}
