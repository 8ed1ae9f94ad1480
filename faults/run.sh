#!/usr/bin/env bash
# Fault suite: starts the clustered platform (3 Kafka brokers, 2 instances of each service) on ports of its
# own, puts a steady load of partner batches, single activities, feedback and reads on the gateway, injects
# each fault in turn and, after each, checks that the platform recovered by itself: every accepted record
# stored exactly once, indicator-service's totals and plan-service's progress equal to activity-service's
# rows, no dead letters, no consumer lag, every instance live and ready. Prints a table: fault | requests |
# refused at the first attempt | lost | duplicated | time to recover. Exits non-zero when a fault lost or
# duplicated anything, when the platform did not recover within FAULTS_RECOVERY_LIMIT, or when the rolling
# restart refused a request.
#
#   faults/run.sh
#   COMMOPS_FAULTS=kill-instance,postgres-restart COMMOPS_KAFKA_BROKERS=1 faults/run.sh     the small mode
#
# Faults (COMMOPS_FAULTS, comma separated, in this order by default):
#   kill-instances    kill -9 one instance of each service in turn, while requests are in flight
#   kill-instance     kill -9 one activity-service instance while a partner batch is in flight
#   broker            kill -9 a broker that is not the active controller; start it FAULTS_BROKER_DOWN_SECONDS later
#   controller        the same for the active KRaft controller
#   postgres          stop PostgreSQL for FAULTS_PG_DOWN_SECONDS, then start it
#   postgres-restart  restart PostgreSQL at once
#   hang              SIGSTOP a broker (not the controller) for FAULTS_HANG_SECONDS, then SIGCONT
#   replay            send every record of the event topics a second time (same key, value, headers, partition)
#   rolling           SIGTERM each instance in turn, waiting for it to be ready again: no request may be refused
#
# Settings (environment, all optional):
#   COMMOPS_HOME (~/.commops-faults), COMMOPS_HTTP_PORT_BASE (28080), COMMOPS_KAFKA_PORT (29092),
#   COMMOPS_KAFKA_BROKERS (3), COMMOPS_INSTANCES (2), COMMOPS_PG_CLUSTER (commops-faults), COMMOPS_DB_PORT (5440)
#   COMMOPS_SKIP_BUILD=1         use the jars already built
#   FAULTS_SINGLES_PER_SECOND (5), FAULTS_BATCH_SIZE (200), FAULTS_BATCH_INTERVAL_MS (5000),
#   FAULTS_FEEDBACK_PER_SECOND (1), FAULTS_READS_PER_SECOND (2)                     the load: what ten service
#                                JVMs and three brokers on two cores carry; at 20 single activities/s and a batch
#                                every 2 s, 1,868 of 2,747 first attempts were refused before any fault
#   FAULTS_STEADY_SECONDS (20)   load before each fault; FAULTS_BASELINE (1): a first phase without a fault
#   FAULTS_BROKER_DOWN_SECONDS (30), FAULTS_PG_DOWN_SECONDS (30), FAULTS_HANG_SECONDS (60)
#   FAULTS_PG_STOP_MODE (fast)   how PostgreSQL is stopped: fast (clean) or immediate (as a crash)
#   FAULTS_RECOVERY_LIMIT (180)  seconds from a fault's end within which everything must hold
#   FAULTS_POLL_SECONDS (3)      pause between two rounds of checks (a round itself takes a few seconds)
#   FAULTS_UNITS (8)             communes the load reports for, under a province made for the run
#   FAULTS_ASSIGNMENTS_PER_UNIT (8)  assignments per commune that the office's activities report against in turn
#   FAULTS_FRESH (1)             start on empty topics and databases (the suite's own cluster and COMMOPS_HOME only)
#   FAULTS_REUSE=1               use a platform already running with these settings; neither start nor stop it
# Everything a run writes (load log, status, accepted ids, each check's findings, the table) stays in
# $COMMOPS_HOME/faults/<run>/; the processes' logs in $COMMOPS_HOME/logs/.
set -euo pipefail

FAULTS_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

# The suite's own platform: nothing shared with a developer's (8080, 9092, ~/.commops) or the machine's PostgreSQL.
export COMMOPS_HOME=${COMMOPS_HOME:-$HOME/.commops-faults}
export COMMOPS_HTTP_PORT_BASE=${COMMOPS_HTTP_PORT_BASE:-28080}
export COMMOPS_KAFKA_PORT=${COMMOPS_KAFKA_PORT:-29092}
export COMMOPS_KAFKA_BROKERS=${COMMOPS_KAFKA_BROKERS:-3}
export COMMOPS_INSTANCES=${COMMOPS_INSTANCES:-2}
export COMMOPS_PG_CLUSTER=${COMMOPS_PG_CLUSTER:-commops-faults}
export COMMOPS_DB_PORT=${COMMOPS_DB_PORT:-5440}
export COMMOPS_GATEWAY_RATE_LIMIT_ENABLED=false
export COMMOPS_EVENTS_TOPIC_PREFIX=${COMMOPS_EVENTS_TOPIC_PREFIX:-commops.}

: "${COMMOPS_FAULTS:=kill-instances,broker,controller,postgres,hang,replay,rolling}"
: "${FAULTS_SINGLES_PER_SECOND:=5}"
: "${FAULTS_BATCH_SIZE:=200}"
: "${FAULTS_BATCH_INTERVAL_MS:=5000}"
: "${FAULTS_FEEDBACK_PER_SECOND:=1}"
: "${FAULTS_READS_PER_SECOND:=2}"
: "${FAULTS_STEADY_SECONDS:=20}"
: "${FAULTS_BASELINE:=1}"
: "${FAULTS_BROKER_DOWN_SECONDS:=30}"
: "${FAULTS_PG_DOWN_SECONDS:=30}"
: "${FAULTS_PG_STOP_MODE:=fast}"
: "${FAULTS_HANG_SECONDS:=60}"
: "${FAULTS_RECOVERY_LIMIT:=180}"
: "${FAULTS_POLL_SECONDS:=3}"
: "${FAULTS_UNITS:=8}"
: "${FAULTS_ASSIGNMENTS_PER_UNIT:=8}"
: "${FAULTS_FRESH:=1}"
: "${FAULTS_REUSE:=0}"
export FAULTS_SINGLES_PER_SECOND FAULTS_BATCH_SIZE FAULTS_BATCH_INTERVAL_MS FAULTS_FEEDBACK_PER_SECOND FAULTS_READS_PER_SECOND

# shellcheck source=../deploy/local/lib.sh
source "$FAULTS_DIR/../deploy/local/lib.sh"
# shellcheck source=platform.sh
source "$FAULTS_DIR/platform.sh"
# shellcheck source=checks.sh
source "$FAULTS_DIR/checks.sh"

commops_load_config

RUN_STAMP=$(date +%y%m%d%H%M%S)
FAULTS_RUN="flt-$RUN_STAMP"                 # prefix of every record id the load sends
FAULTS_UNIT_PREFIX="FLT$RUN_STAMP"          # the run's province; its communes are <prefix>-C01...
FAULTS_WORK="$COMMOPS_HOME/faults/$RUN_STAMP"
FAULTS_GATEWAY="http://127.0.0.1:$COMMOPS_HTTP_PORT_BASE"
LOAD_PID=''
ADMIN_TOKEN=''
SUITE_START=$SECONDS
mkdir -p "$FAULTS_WORK"

now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }
over() { awk -v a="$1" -v b="$(now)" -v l="$2" 'BEGIN { exit !(b - a > l) }'; }

# ------------------------------------------------------------------ preparation

# Empty topics and databases, so that the replay re-sends only this run's events and every dead letter is this
# run's. Only ever on the suite's own state: never ~/.commops, never a PostgreSQL on 5432.
fresh_state() {
  [[ "$FAULTS_FRESH" == 1 && "$FAULTS_REUSE" != 1 ]] || return 0
  [[ "$COMMOPS_HOME" != "$HOME/.commops" && "$COMMOPS_DB_PORT" != 5432 ]] ||
    die "FAULTS_FRESH=1 wipes COMMOPS_HOME's Kafka data and the databases on COMMOPS_DB_PORT: not for ~/.commops or 5432"
  local pid
  if pid=$(read_live_pid start 2>/dev/null); then
    die "a platform (start.sh, pid $pid) of $COMMOPS_HOME is running: stop it first (COMMOPS_HOME=$COMMOPS_HOME deploy/local/stop.sh)"
  fi
  # the suite's own broker, left running by an earlier run that was killed: its data goes below
  "$COMMOPS_REPO_ROOT/deploy/local/kafka.sh" stop >/dev/null
  log_info "fresh state: removing the Kafka data in $COMMOPS_HOME/kafka and the commops databases on port $COMMOPS_DB_PORT"
  # the single broker's storage, and each cluster node's (deploy/local/kafka.sh: kafka/data, kafka/node-<n>/data)
  rm -rf "$COMMOPS_HOME/kafka/data" "$COMMOPS_HOME"/kafka/node-*/data "$COMMOPS_HOME/kafka/cluster.id"
  if command -v pg_lsclusters >/dev/null && pg_lsclusters --no-header 2>/dev/null |
    awk -v c="$COMMOPS_PG_CLUSTER" -v p="$COMMOPS_DB_PORT" '$2 == c && $3 == p { found = 1 } END { exit !found }'; then
    local version
    version=$(pg_lsclusters --no-header | awk -v c="$COMMOPS_PG_CLUSTER" '$2 == c { print $1; exit }')
    if ! pg_lsclusters --no-header | awk -v c="$COMMOPS_PG_CLUSTER" '$2 == c && $4 == "online" { f = 1 } END { exit !f }'; then
      as_root pg_ctlcluster --skip-systemctl-redirect "$version" "$COMMOPS_PG_CLUSTER" start
    fi
    for db in commops_plan commops_activity commops_indicator commops_crisis; do
      as_root runuser -u postgres -- psql -X -q -p "$COMMOPS_DB_PORT" -d postgres \
        -c "drop database if exists $db with (force)" >/dev/null
    done
  fi
}

build() {
  if [[ "${COMMOPS_SKIP_BUILD:-0}" == 1 ]]; then
    log_info "COMMOPS_SKIP_BUILD=1: using the jars already built"
    return 0
  fi
  log_info "building the services ($(mvn_cmd) -B -q package -DskipTests)"
  (cd "$COMMOPS_REPO_ROOT" && "$(mvn_cmd)" -B -q package -DskipTests) || die "the build failed"
}

compile_tools() {
  mkdir -p "$FAULTS_WORK/classes"
  javac -nowarn -d "$FAULTS_WORK/classes" -cp "$COMMOPS_KAFKA_DIR/$COMMOPS_KAFKA_VERSION/libs/*" \
    "$FAULTS_DIR/KafkaProbe.java" || die "could not compile faults/KafkaProbe.java"
}

api() { # METHOD PATH [BODY [IDEMPOTENCY-KEY]] -> body; fails on a non-2xx
  local method=$1 path=$2 body=${3:-} key=${4:-}
  local args=(-s -m 30 -X "$method" -H "Authorization: Bearer $ADMIN_TOKEN" -w '\n%{http_code}')
  [[ -n "$body" ]] && args+=(-H 'Content-Type: application/json' -d "$body")
  [[ -n "$key" ]] && args+=(-H "Idempotency-Key: $key")
  local out status
  out=$(curl "${args[@]}" "$FAULTS_GATEWAY$path") || true
  status=${out##*$'\n'}
  [[ "$status" == 2* ]] || die "$method $path answered ${status:-nothing}: ${out%$'\n'*}"
  printf '%s\n' "${out%$'\n'*}"
}

json_field() { sed -n "s/.*\"$1\":\"\\([^\"]*\\)\".*/\\1/p" | head -n 1; }

# The run's province and communes (through plan-service), a partner granted the province with an API key, and
# assignments per commune that the office's activities report against. Several, so that none gathers thousands
# of activities in one run (plan-service recomputes an assignment's progress from all its activities per event).
setup_data() {
  ADMIN_TOKEN=$(curl -sf -X POST "$FAULTS_GATEWAY/auth/dev-token" -H 'Content-Type: application/json' \
    -d '{"username":"national-admin"}' | json_field access_token)
  [[ -n "$ADMIN_TOKEN" ]] || die "no development token from $FAULTS_GATEWAY"
  local i code units=()
  api POST /api/v1/org-units "{\"code\":\"$FAULTS_UNIT_PREFIX\",\"name\":\"Tỉnh thử lỗi $RUN_STAMP\",\"levelCode\":\"PROVINCE\",\"parentCode\":\"VN\"}" >/dev/null
  for ((i = 1; i <= FAULTS_UNITS; i++)); do
    code=$(printf '%s-C%02d' "$FAULTS_UNIT_PREFIX" "$i")
    units+=("$code")
    api POST /api/v1/org-units "{\"code\":\"$code\",\"name\":\"Xã thử lỗi $i\",\"levelCode\":\"COMMUNE\",\"parentCode\":\"$FAULTS_UNIT_PREFIX\"}" >/dev/null
  done
  # activity-service and crisis-service learn units from plan-service's events
  local db deadline=$((SECONDS + 120)) known
  for db in commops_activity commops_crisis commops_indicator; do
    until known=$(psql_db "$db" -c "select count(*) from org_unit_replica where code like '$FAULTS_UNIT_PREFIX%'" 2>/dev/null) &&
      ((known == FAULTS_UNITS + 1)); do
      ((SECONDS < deadline)) || die "$db does not know the run's units after 120 s"
      sleep 1
    done
  done
  api POST /api/v1/partners "{\"id\":\"$FAULTS_RUN\",\"name\":\"Bưu điện thử lỗi $RUN_STAMP\",\"kind\":\"POST_OFFICE\",\"orgUnits\":[\"$FAULTS_UNIT_PREFIX\"],\"forms\":[\"LEAFLET\",\"ADVISORY_BOOTH\"]}" >/dev/null
  (
    umask 077
    api POST "/api/v1/partners/$FAULTS_RUN/keys" | json_field key >"$FAULTS_WORK/partner.key"
  )
  [[ -s "$FAULTS_WORK/partner.key" ]] || die "no API key issued for the partner"
  : >"$FAULTS_WORK/assignments"
  local id due start
  due=$(date -d '+1 year' +%F)
  # The load dates activities up to six hours back, which may be yesterday: activity-service refuses an activity
  # dated outside its assignment's period.
  start=$(date -d '-2 days' +%F)
  for code in "${units[@]}"; do
    for ((i = 1; i <= FAULTS_ASSIGNMENTS_PER_UNIT; i++)); do
      id=$(api POST /api/v1/assignments "{\"orgUnitCode\":\"$code\",\"title\":\"Truyền thông thử lỗi $code số $i\",\"quantity\":100000,\"startDate\":\"$start\",\"dueDate\":\"$due\"}" \
        "$FAULTS_RUN-assignment-$code-$i" | json_field id)
      [[ -n "$id" ]] || die "no assignment for $code"
      printf '%s %s\n' "$code" "$id" >>"$FAULTS_WORK/assignments"
    done
  done
  # activity-service checks activities against its replica of the assignments, fed by plan-service's events
  local ids
  ids=$(awk '{ printf "%s\x27%s\x27", (NR > 1 ? "," : ""), $2 }' "$FAULTS_WORK/assignments")
  deadline=$((SECONDS + 120))
  until known=$(psql_db commops_activity -c "select count(*) from assignment_replica where id in ($ids)" 2>/dev/null) &&
    ((known == FAULTS_UNITS * FAULTS_ASSIGNMENTS_PER_UNIT)); do
    ((SECONDS < deadline)) || die "commops_activity does not know the run's assignments after 120 s"
    sleep 1
  done
  FAULTS_UNIT_LIST=$(IFS=,; echo "${units[*]}")
  log_info "run $FAULTS_RUN: province $FAULTS_UNIT_PREFIX, ${#units[@]} communes, partner $FAULTS_RUN," \
    "$FAULTS_ASSIGNMENTS_PER_UNIT assignments per commune"
}

# ------------------------------------------------------------------ the load

start_load() {
  printf 'pause\n' >"$FAULTS_WORK/control"
  FAULTS_GATEWAY=$FAULTS_GATEWAY FAULTS_RUN=$FAULTS_RUN FAULTS_UNITS=$FAULTS_UNIT_LIST \
    FAULTS_OFFICE_UNIT=$FAULTS_UNIT_PREFIX \
    FAULTS_ASSIGNMENTS=$(awk '{ printf "%s%s=%s", (NR > 1 ? "," : ""), $1, $2 }' "$FAULTS_WORK/assignments") \
    java -Xmx256m -XX:+UseSerialGC "$FAULTS_DIR/Load.java" "$FAULTS_WORK" >"$FAULTS_WORK/load.log" 2>&1 &
  LOAD_PID=$!
  local deadline=$((SECONDS + 60))
  until [[ -s "$FAULTS_WORK/status" ]]; do
    kill -0 "$LOAD_PID" 2>/dev/null || { cat "$FAULTS_WORK/load.log" >&2; die "the load did not start"; }
    ((SECONDS < deadline)) || die "the load wrote no status within 60 s"
    sleep 0.5
  done
  head -n 1 "$FAULTS_WORK/load.log" | sed 's/^load: /the load: /' | while read -r line; do log_info "$line"; done
}

control() { printf '%s\n' "$*" >"$FAULTS_WORK/control.tmp" && mv -f "$FAULTS_WORK/control.tmp" "$FAULTS_WORK/control"; }

status_value() { awk -v k="$1" '$1 == k { print $2 }' "$FAULTS_WORK/status"; }

# PHASE FIELD -> the value of FIELD (sent, inflight, first, ...) on the phase's counts line
phase_value() {
  awk -v p="$1" -v f="$2" '$1 == "counts" && $2 == p {
    for (i = 3; i <= NF; i++) { split($i, kv, "="); if (kv[1] == f) { print substr($i, length(f) + 2); exit } } }' \
    "$FAULTS_WORK/status"
}

# Waits until nothing the load sent is still waiting for an answer (it retries until answered); fails at DEADLINE.
wait_load_idle() { # DEADLINE_EPOCH
  local until_epoch=$1
  sleep 1 # a fresh status
  while [[ "$(status_value inflight)" != 0 ]]; do
    awk -v d="$until_epoch" -v n="$(now)" 'BEGIN { exit !(n > d) }' && return 1
    sleep 0.5
  done
}

# ------------------------------------------------------------------ faults

FAULT_END=''
FAULT_NOTE=''

kill_instance() { # SERVICE
  local service=$1 index name pid waited=0
  for ((index = 0; index < ${#FAULTS_SERVICES[@]}; index++)); do
    [[ "${FAULTS_SERVICES[index]}" == "$service" ]] && break
  done
  # alternate instances across services, so both instance 1 and instance 2 get killed
  name=$(instance_name "$service" $((index % COMMOPS_INSTANCES + 1)))
  pid=$(instance_pid "$name") || die "no live $name to kill"
  if [[ "$service" == activity-service ]]; then
    # kill it while a partner batch waits for its answer (on this instance or on the other): 50 ms after the load
    # marks one under way, as long as it still is
    local marked=''
    while ((waited < 600)); do
      if [[ -e "$FAULTS_WORK/batch-inflight" ]]; then
        sleep 0.05
        [[ -e "$FAULTS_WORK/batch-inflight" ]] && { marked=1; break; }
      fi
      sleep 0.02
      waited=$((waited + 1))
    done
    FAULT_NOTE="kill -9 $name (pid $pid) $([[ -n "$marked" ]] && echo 'with a partner batch under way' || echo 'between partner batches (none seen under way)')"
  else
    FAULT_NOTE="kill -9 $name (pid $pid) while its consumers take the load's events"
  fi
  kill -KILL "$pid"
  FAULT_END=$(now)
  FAULT_LABEL="kill -9 $name"
}

# A broker other than the active controller (the KRaft quorum's leader).
pick_broker() {
  local controller n
  controller=$(kafka_probe controller "$(kafka_bootstrap)" 2>/dev/null) || controller=''
  for ((n = 1; n <= COMMOPS_KAFKA_BROKERS; n++)); do
    if [[ "$n" != "$controller" ]] || ((COMMOPS_KAFKA_BROKERS == 1)); then
      printf '%s %s\n' "$n" "$controller"
      return 0
    fi
  done
}

kill_broker() { # broker|controller
  local which=$1 node controller pid
  read -r node controller <<<"$(pick_broker)"
  [[ "$which" == controller ]] && node=${controller:-1}
  pid=$(broker_pid "$node") || die "no pid for Kafka node $node"
  kill -KILL "$pid"
  sleep "$FAULTS_BROKER_DOWN_SECONDS"
  FAULT_END=$(now)
  broker_start "$node" || log_warn "Kafka node $node did not start again"
  FAULT_NOTE="kill -9 Kafka node $node (pid $pid; controller was $controller), started again ${FAULTS_BROKER_DOWN_SECONDS} s later"
  FAULT_LABEL="kill -9 $([[ "$which" == controller ]] && echo 'active controller' || echo 'broker'), ${FAULTS_BROKER_DOWN_SECONDS} s down"
}

hang_broker() {
  local node controller pid
  read -r node controller <<<"$(pick_broker)"
  pid=$(broker_pid "$node") || die "no pid for Kafka node $node"
  HUNG_PIDS+=("$pid")
  kill -STOP "$pid"
  sleep "$FAULTS_HANG_SECONDS"
  kill -CONT "$pid"
  HUNG_PIDS=()
  FAULT_END=$(now)
  FAULT_NOTE="SIGSTOP Kafka node $node (pid $pid; controller $controller) for ${FAULTS_HANG_SECONDS} s, then SIGCONT"
  FAULT_LABEL="hang a broker ${FAULTS_HANG_SECONDS} s"
}

stop_postgres() {
  pg_stop "$FAULTS_PG_STOP_MODE" || die "could not stop PostgreSQL (see $FAULTS_WORK/postgres.log)"
  sleep "$FAULTS_PG_DOWN_SECONDS"
  FAULT_END=$(now)
  pg_start || die "could not start PostgreSQL again (see $FAULTS_WORK/postgres.log)"
  FAULT_NOTE="PostgreSQL ($COMMOPS_PG_CLUSTER, port $COMMOPS_DB_PORT) stopped ($FAULTS_PG_STOP_MODE) for ${FAULTS_PG_DOWN_SECONDS} s"
  FAULT_LABEL="PostgreSQL down ${FAULTS_PG_DOWN_SECONDS} s"
}

restart_postgres() {
  pg_restart || die "could not restart PostgreSQL (see $FAULTS_WORK/postgres.log)"
  FAULT_END=$(now)
  FAULT_NOTE="PostgreSQL ($COMMOPS_PG_CLUSTER, port $COMMOPS_DB_PORT) restarted"
  FAULT_LABEL="PostgreSQL restart"
}

REPLAY_INBOX_BEFORE=''
replay_events() {
  local out started
  REPLAY_INBOX_BEFORE=$(inbox_duplicates)
  started=$(now)
  out=$(kafka_probe replay "$(kafka_bootstrap)" "$COMMOPS_EVENTS_TOPIC_PREFIX" 2>&1) || {
    printf '%s\n' "$out" >&2
    die "the replay failed"
  }
  printf '%s\n' "$out" >"$FAULTS_WORK/replay.txt"
  FAULT_END=$(now)
  FAULT_NOTE="re-sent $(awk '$2 == "total" { print $3 }' <<<"$out") event records in $(awk -v a="$started" -v b="$FAULT_END" 'BEGIN { printf "%.0f", b - a }') s ($(awk '$2 != "total" && $3 > 0 { sub(/^.*\./, "", $2); printf "%s%s %s", sep, $2, $3; sep = ", " }' <<<"$out"))"
  FAULT_LABEL="every event delivered twice"
}

# Each instance in turn gets SIGTERM, as a rolling upgrade does; start.sh starts it again and the next waits
# until it is ready.
rolling_restart() {
  local name port pid new deadline restarted=()
  while read -r name port; do
    [[ "$name" == gateway ]] && continue
    pid=$(instance_pid "$name") || die "no live $name to restart"
    kill -TERM "$pid"
    deadline=$((SECONDS + FAULTS_RECOVERY_LIMIT))
    while :; do
      if new=$(instance_pid "$name") && [[ "$new" != "$pid" ]] &&
        [[ "$(http_status "http://127.0.0.1:$port/q/health/ready")" == 200 ]]; then
        break
      fi
      ((SECONDS < deadline)) || { log_warn "$name was not ready again within ${FAULTS_RECOVERY_LIMIT}s"; break; }
      sleep 0.5
    done
    restarted+=("$name")
  done < <(platform_instances)
  FAULT_END=$(now)
  FAULT_NOTE="SIGTERM to ${restarted[*]} in turn, each ready again before the next (the gateway was not restarted)"
  FAULT_LABEL="rolling restart"
}

# ------------------------------------------------------------------ one phase: steady load, fault, recovery

ROWS=()
FAILED=0

# Records the table row of PHASE: its counts from the load, the checks' findings, the recovery time.
run_phase() { # PHASE FAULT-FUNCTION [ARG]
  local phase=$1 fault=$2 arg=${3:-}
  FAULT_LABEL=$phase
  FAULT_NOTE=''
  log_info "phase $phase: ${FAULTS_STEADY_SECONDS}s of steady load, then the fault"
  control "run $phase"
  sleep "$FAULTS_STEADY_SECONDS"
  if [[ -n "$fault" ]]; then
    "$fault" ${arg:+"$arg"}
  else
    FAULT_END=$(now)
    FAULT_LABEL="none (baseline)"
    FAULT_NOTE="no fault: the time the platform takes to settle after the load pauses"
  fi
  FAULT_NOTE+="; machine load average $(cut -d' ' -f1 /proc/loadavg) at the fault's end"
  log_info "phase $phase: $FAULT_NOTE; waiting for recovery"
  local limit=$FAULTS_RECOVERY_LIMIT findings recovered='' deadline
  deadline=$(awk -v a="$FAULT_END" -v l="$limit" 'BEGIN { printf "%.3f", a + l }')
  # The load goes on until every instance is back (the degraded period), then pauses, so that totals can be
  # compared exactly; then its last requests finish their retries.
  while ! check_instances >/dev/null && ! over "$FAULT_END" "$limit"; do
    sleep 1
  done
  control pause
  wait_load_idle "$deadline" || log_warn "phase $phase: the load still has requests under way"
  KAFKA_NOT_BEFORE_MS=$(date +%s%3N)
  local file="$FAULTS_WORK/findings-$phase.txt"
  while :; do
    # in this shell (not a subshell): the checks leave their counts in variables for the row
    {
      check_instances
      check_kafka
      check_records "$phase"
      check_totals
      check_progress
    } >"$file" 2>&1 || true
    findings=$(<"$file")
    if [[ -z "$findings" ]]; then
      recovered=$(since "$FAULT_END")
      # a poll that began within the limit may end after it
      if awk -v r="$recovered" -v l="$limit" 'BEGIN { exit !(r > l) }'; then
        findings="everything held only ${recovered} s after the fault's end"
        printf '%s\n' "$findings" >"$file"
        recovered=''
      fi
      break
    fi
    over "$FAULT_END" "$limit" && break
    # dead letters stay: once they are all that is wrong, waiting longer changes nothing
    grep -qv '^dead letters\|^dead-letter-record' <<<"$findings" || break
    sleep "$FAULTS_POLL_SECONDS"
  done
  if [[ -n "$REPLAY_INBOX_BEFORE" ]]; then
    FAULT_NOTE+="; the consumers' inboxes skipped $(($(inbox_duplicates) - REPLAY_INBOX_BEFORE)) redelivered events"
    REPLAY_INBOX_BEFORE=''
  fi
  local sent refused first lost dup
  sent=$(phase_value "$phase" sent)
  first=$(phase_value "$phase" first)
  refused=$(awk -v f="$first" 'BEGIN { n = split(f, s, ","); for (i = 1; i <= n; i++) { split(s[i], kv, ":"); if (kv[1] != "ok" && kv[1] != "-") { t += kv[2]; d = d (d ? " " : "") kv[1] "×" kv[2] } } printf "%d%s", t, (d ? " (" d ")" : "") }')
  # lost: accepted but not stored; duplicated: stored twice, or counted twice downstream (never legitimate).
  # What is still missing downstream at the limit is a failed recovery, named in the findings.
  lost=$RECORDS_LOST
  dup=$((RECORDS_DUPLICATED + DERIVED_EXCESS + PROGRESS_EXCESS))
  local ok=1
  if [[ -z "$recovered" ]] || ((lost > 0 || dup > 0 || DEAD_LETTERS > 0)); then ok=0; fi
  if [[ "$phase" == rolling ]] && ((${refused%% *} > 0)); then ok=0; fi
  ((ok)) || FAILED=1
  ROWS+=("$FAULT_LABEL|$sent|$(phase_value "$phase" accepted_records)|$refused|$lost|$dup|$(if [[ -n "$recovered" ]]; then echo "$recovered s"; else echo "no (> ${limit} s)"; fi)|$ok|$phase|$FAULT_NOTE")
  log_info "phase $phase: $(phase_value "$phase" sent) requests, refused at first $refused, lost $lost, duplicated $dup," \
    "$(if [[ -n "$recovered" ]]; then echo "recovered in $recovered s"; else echo "NOT recovered within ${limit} s"; fi)"
  if [[ -n "$findings" ]]; then
    awk '{ print "    " $0 }' <<<"$findings" | head -n 20 >&2
  fi
}

expand_faults() {
  local fault service
  for fault in ${COMMOPS_FAULTS//,/ }; do
    case "$fault" in
      kill-instances) for service in "${FAULTS_SERVICES[@]}"; do echo "kill-$service kill_instance $service"; done ;;
      kill-instance) echo "kill-activity-service kill_instance activity-service" ;;
      broker) echo "broker kill_broker broker" ;;
      controller) echo "controller kill_broker controller" ;;
      postgres) echo "postgres stop_postgres" ;;
      postgres-restart) echo "postgres-restart restart_postgres" ;;
      hang) echo "hang hang_broker" ;;
      replay) echo "replay replay_events" ;;
      rolling) echo "rolling rolling_restart" ;;
      *) die "unknown fault '$fault' (known: kill-instances kill-instance broker controller postgres postgres-restart hang replay rolling)" ;;
    esac
  done
}

# Requests a phase left under way finish later (the load retries until answered): once the load is idle at the
# end, every phase's accepted records are checked again, and a row whose counts changed is updated.
final_sweep() {
  local i row label sent records refused lost dup recovery ok phase note
  control pause
  wait_load_idle "$(awk -v n="$(now)" -v l="$FAULTS_RECOVERY_LIMIT" 'BEGIN { printf "%.3f", n + l }')" ||
    log_warn "the load still has requests under way at the end"
  for ((i = 0; i < ${#ROWS[@]}; i++)); do
    IFS='|' read -r label sent records refused lost dup recovery ok phase note <<<"${ROWS[i]}"
    check_records "$phase" >>"$FAULTS_WORK/findings-final.txt" 2>&1 || true
    local new_records
    new_records=$(phase_value "$phase" accepted_records)
    if ((RECORDS_LOST > lost || new_records != records)); then
      log_info "final check of $phase: $new_records records accepted (was $records), $RECORDS_LOST lost, $RECORDS_DUPLICATED duplicated"
      ((RECORDS_LOST > lost)) && lost=$RECORDS_LOST
      ((RECORDS_LOST > 0 || RECORDS_DUPLICATED > 0)) && { ok=0; FAILED=1; }
      ROWS[i]="$label|$(phase_value "$phase" sent)|$new_records|$refused|$lost|$dup|$recovery|$ok|$phase|$note"
    fi
  done
}

print_table() {
  local row label sent records refused lost dup recovery ok phase note
  {
    printf '\nFault suite %s, %s: %s Kafka broker(s), %s instance(s) of each service; load: %s single activities/s,' \
      "$FAULTS_RUN" "$(date '+%Y-%m-%d %H:%M %z')" "$COMMOPS_KAFKA_BROKERS" "$COMMOPS_INSTANCES" "$FAULTS_SINGLES_PER_SECOND"
    printf ' a partner batch of %s records every %s ms (the next after the answer), %s feedback/s, %s reads/s\n\n' \
      "$FAULTS_BATCH_SIZE" "$FAULTS_BATCH_INTERVAL_MS" "$FAULTS_FEEDBACK_PER_SECOND" "$FAULTS_READS_PER_SECOND"
    printf '| fault | requests sent | activity records accepted | refused at first attempt | lost | duplicated | time to recover |\n'
    printf '|---|---:|---:|---|---:|---:|---:|\n'
    for row in "${ROWS[@]}"; do
      IFS='|' read -r label sent records refused lost dup recovery ok phase note <<<"$row"
      printf '| %s%s | %s | %s | %s | %s | %s | %s |\n' "$label" "$( ((ok)) || echo ' **FAIL**')" "$sent" "$records" \
        "$refused" "$lost" "$dup" "$recovery"
    done
    printf '\n'
    for row in "${ROWS[@]}"; do
      IFS='|' read -r label sent records refused lost dup recovery ok phase note <<<"$row"
      printf -- '- %s: %s\n' "$label" "$note"
    done
    printf '\nSuite time: %d s. Findings, load log and accepted ids: %s\n' $((SECONDS - SUITE_START)) "$FAULTS_WORK"
  } | tee "$FAULTS_WORK/table.md"
}

# ------------------------------------------------------------------ start and stop

CLEANING_UP=0
cleanup() {
  local status=$?
  ((CLEANING_UP)) && return
  CLEANING_UP=1
  trap '' INT TERM HUP
  if [[ -n "$LOAD_PID" ]]; then
    control stop 2>/dev/null || true
    for _ in $(seq 1 20); do
      kill -0 "$LOAD_PID" 2>/dev/null || break
      sleep 0.5
    done
    kill -TERM "$LOAD_PID" 2>/dev/null || true
    wait "$LOAD_PID" 2>/dev/null || true
  fi
  stop_kafka_watch
  if [[ "$FAULTS_REUSE" != 1 ]]; then
    platform_stop
  fi
  exit "$status"
}

main() {
  require_cmd java javac curl psql awk
  trap cleanup EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM
  trap 'exit 129' HUP
  local faults
  faults=$(expand_faults)
  if [[ "$FAULTS_REUSE" != 1 ]]; then
    fresh_state
    build
    platform_start "$FAULTS_WORK/platform.log"
  fi
  compile_tools
  start_kafka_watch
  setup_data
  start_load
  if [[ "$FAULTS_BASELINE" == 1 ]]; then
    run_phase baseline ''
    if ((FAILED)); then
      print_table
      die "without any fault the platform did not settle within ${FAULTS_RECOVERY_LIMIT}s of the load pausing:" \
        "this machine does not keep up with the load (lower FAULTS_SINGLES_PER_SECOND or raise FAULTS_BATCH_INTERVAL_MS);" \
        "no fault was injected"
    fi
  fi
  local phase fault arg
  while read -r phase fault arg; do
    run_phase "$phase" "$fault" "$arg"
  done <<<"$faults"
  final_sweep
  print_table
  if ((FAILED)); then
    log_error "the suite failed: a fault lost or duplicated something, the platform did not recover, or the rolling restart refused requests"
    exit 1
  fi
}

main "$@"
