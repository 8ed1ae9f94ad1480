#!/usr/bin/env bash
# Apache Kafka for local runs and tests, without Docker and without a separate download (the jars
# come from Maven Central through deploy/local/kafka/pom.xml): a single broker (KRaft: broker and
# controller in one JVM), or with COMMOPS_KAFKA_BROKERS=3 a cluster of three such nodes on this
# machine with a static controller quorum, replication factor 3 and min.insync.replicas 2.
#
# Settings (environment variables, all optional; run this script with the same ones as start.sh):
#   COMMOPS_KAFKA_BROKERS           1 (default) or 3
#   COMMOPS_KAFKA_PORT              client port of node 1 (default 9092, or the port of the first address
#                                   of COMMOPS_KAFKA_BOOTSTRAP); node n listens on COMMOPS_KAFKA_PORT+n-1
#   COMMOPS_KAFKA_CONTROLLER_PORT   controller port of node 1 (default: just above the client ports,
#                                   9093 for one broker, 9095 for three); node n on +n-1
#   COMMOPS_KAFKA_BOOTSTRAP         the services' bootstrap servers (default: every node, 127.0.0.1:9092)
#   COMMOPS_KAFKA_VERSION, COMMOPS_KAFKA_HEAP, COMMOPS_KAFKA_START_TIMEOUT (seconds, default 120)
#   COMMOPS_EVENTS_TOPIC_PREFIX     prefix of the platform's topics (default commops.)
#
# Standalone:
#   deploy/local/kafka.sh start     start (or reuse) the broker or cluster and leave it running
#   deploy/local/kafka.sh stop      stop the broker or cluster these scripts started
#   deploy/local/kafka.sh status
#   deploy/local/kafka.sh topics ARGS...        kafka-topics, e.g. topics --list
#   deploy/local/kafka.sh consume TOPIC [ARGS]  kafka-console-consumer from the beginning
#   deploy/local/kafka.sh ensure-topics         create the platform's topics (see kafka_ensure_topics)
#   deploy/local/kafka.sh describe-topics       partitions, replication, min ISR, leaders and ISR of each
#   deploy/local/kafka.sh node-pid N            pid of node N (1 for the single broker); fails if it is down
#   deploy/local/kafka.sh start-node N          start node N again (after a kill) and wait until it is
#                                               back in the ISR of every partition it replicates
#   deploy/local/kafka.sh controller            node id of the active controller (the quorum leader)
#   deploy/local/kafka.sh under-replicated      number of under-replicated partitions (0 when healthy)
#
# Sourced (start.sh, test.sh):
#   ensure_kafka         reuse a broker or cluster answering at COMMOPS_KAFKA_BOOTSTRAP, else start one
#   kafka_ensure_topics  create the platform's topics before the services start
#
# Kafka is treated like PostgreSQL: started when absent, then left running for the next run, and
# stopped only on request ("kafka.sh stop", which stop.sh leaves alone too). Nodes are never
# restarted behind anyone's back: a fault suite kills one and brings it back with start-node.

# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

: "${COMMOPS_KAFKA_START_TIMEOUT:=120}"
: "${COMMOPS_KAFKA_HEAP:=-Xms64m -Xmx512m}"

# The names of every Kafka process these scripts may have started from a COMMOPS_HOME: the single
# broker and the nodes of a cluster (pid files, logs and process markers).
KAFKA_ALL_NAMES=(kafka kafka-1 kafka-2 kafka-3)

# Derives every path and the host/ports from the configuration.
kafka_init() {
  local n
  commops_load_config
  KAFKA_LIBS="$COMMOPS_KAFKA_DIR/$COMMOPS_KAFKA_VERSION/libs"
  KAFKA_ADMIN_CLASSES="$COMMOPS_KAFKA_DIR/$COMMOPS_KAFKA_VERSION/admin"
  KAFKA_DATA="$COMMOPS_KAFKA_DIR/data"
  KAFKA_CONFIG="$COMMOPS_KAFKA_DIR/server.properties"
  KAFKA_CLUSTER_ID_FILE="$COMMOPS_KAFKA_DIR/cluster.id"
  KAFKA_LOG4J="$COMMOPS_KAFKA_DIR/log4j2-broker.properties"
  KAFKA_TOOLS_LOG4J="$COMMOPS_KAFKA_DIR/log4j2-tools.properties"
  KAFKA_ADMIN_LOG4J="$COMMOPS_KAFKA_DIR/log4j2-admin.properties"
  KAFKA_PROBE_CONFIG="$COMMOPS_KAFKA_DIR/probe-client.properties"
  KAFKA_LOG="$COMMOPS_LOG_DIR/kafka.log"
  KAFKA_HOST=$COMMOPS_KAFKA_HOST
  KAFKA_PORT=$COMMOPS_KAFKA_PORT
  KAFKA_NODE_COUNT=$COMMOPS_KAFKA_BROKERS
  KAFKA_NODES=()
  KAFKA_CONTROLLERS=''
  for ((n = 1; n <= KAFKA_NODE_COUNT; n++)); do
    KAFKA_NODES+=("$(kafka_node_name "$n")")
    KAFKA_CONTROLLERS+="${KAFKA_CONTROLLERS:+,}$KAFKA_HOST:$(kafka_controller_port "$n")"
  done
  # A cluster's topics are replicated three times and written to two replicas at least before an
  # acknowledgement (acks=all), so one node may be lost without losing an acknowledged event.
  if ((KAFKA_NODE_COUNT == 1)); then
    KAFKA_REPLICATION_FACTOR=1
    KAFKA_MIN_ISR=1
  else
    KAFKA_REPLICATION_FACTOR=3
    KAFKA_MIN_ISR=2
  fi
}

kafka_is_cluster() { ((KAFKA_NODE_COUNT > 1)); }

# Node n's process name, folder, data, configuration and log. The single broker keeps the names
# it always had (kafka, data/, server.properties, kafka.log), so that its storage stays valid.
kafka_node_name() {
  if kafka_is_cluster; then printf 'kafka-%s\n' "$1"; else printf 'kafka\n'; fi
}
kafka_node_dir() {
  if kafka_is_cluster; then printf '%s/node-%s\n' "$COMMOPS_KAFKA_DIR" "$1"; else printf '%s\n' "$COMMOPS_KAFKA_DIR"; fi
}
kafka_node_data() { printf '%s/data\n' "$(kafka_node_dir "$1")"; }
kafka_node_config() { printf '%s/server.properties\n' "$(kafka_node_dir "$1")"; }
kafka_node_log() { printf '%s/%s.log\n' "$COMMOPS_LOG_DIR" "$(kafka_node_name "$1")"; }
kafka_node_port() { printf '%s\n' "$((KAFKA_PORT + $1 - 1))"; }
kafka_controller_port() { printf '%s\n' "$((COMMOPS_KAFKA_CONTROLLER_PORT + $1 - 1))"; }

# Checks that N names a node of the configured layout.
kafka_check_node_number() {
  if [[ ! "${1:-}" =~ ^[1-9]$ ]] || (($1 > KAFKA_NODE_COUNT)); then
    die "no Kafka node '${1:-}': the nodes are 1 to $KAFKA_NODE_COUNT (COMMOPS_KAFKA_BROKERS=$KAFKA_NODE_COUNT)"
  fi
}

# Prints the pid of a live node of the configured layout (the first found); fails when none runs.
kafka_live_pid() {
  local name
  for name in "${KAFKA_NODES[@]}"; do
    if read_live_pid "$name"; then
      return 0
    fi
  done
  return 1
}

# The pids of the live nodes of the configured layout, space-separated (empty when none runs).
kafka_live_pids() {
  local name pid pids=''
  for name in "${KAFKA_NODES[@]}"; do
    if pid="$(read_live_pid "$name")"; then
      pids+="${pids:+ }$pid"
    fi
  done
  printf '%s\n' "$pids"
}

# Kafka processes from this COMMOPS_HOME in the other layout (the single broker while a cluster is
# asked for, or the reverse) hold the ports: refuse to mix them.
kafka_check_layout() {
  local name pid
  for name in "${KAFKA_ALL_NAMES[@]}"; do
    [[ " ${KAFKA_NODES[*]} " == *" $name "* ]] && continue
    if pid="$(read_live_pid "$name")"; then
      if [[ "$name" == kafka ]]; then
        die "the single Kafka broker from $COMMOPS_HOME is running (pid $pid), not a cluster of $KAFKA_NODE_COUNT;" \
          "stop it first (deploy/local/kafka.sh stop) or run without COMMOPS_KAFKA_BROKERS"
      fi
      die "a Kafka cluster from $COMMOPS_HOME is running ($name, pid $pid), not a single broker;" \
        "set COMMOPS_KAFKA_BROKERS=3 (and the same COMMOPS_KAFKA_PORT) to use it, or stop it (deploy/local/kafka.sh stop)"
    fi
  done
}

# ---------------------------------------------------------------------------
# Installation: jars, configuration, storage
# ---------------------------------------------------------------------------

# Downloads the broker jars once per version. They land in a temporary folder
# first so that an interrupted download is never mistaken for a complete one.
kafka_fetch_jars() {
  if [[ -f "$KAFKA_LIBS/.complete" ]]; then
    return 0
  fi
  require_cmd java
  local mvn tmp="$KAFKA_LIBS.tmp" fetch_log="$COMMOPS_LOG_DIR/kafka-download.log"
  mvn="$(mvn_cmd)"
  log_info "downloading Apache Kafka $COMMOPS_KAFKA_VERSION jars through Maven (once) into $KAFKA_LIBS"
  rm -rf "$tmp"
  if ! (cd "$COMMOPS_REPO_ROOT" && "$mvn" -B -q -f deploy/local/kafka/pom.xml \
    -Dkafka.version="$COMMOPS_KAFKA_VERSION" -DincludeScope=runtime -DoutputDirectory="$tmp" \
    dependency:copy-dependencies) >"$fetch_log" 2>&1; then
    show_log_tail "$fetch_log"
    die "could not download the Kafka $COMMOPS_KAFKA_VERSION jars (see $fetch_log)"
  fi
  ls "$tmp"/kafka_2.13-*.jar >/dev/null 2>&1 || die "the download did not produce kafka_2.13 jars (see $fetch_log)"
  touch "$tmp/.complete"
  rm -rf "$KAFKA_LIBS"
  mv "$tmp" "$KAFKA_LIBS"
}

# Writes the broker and tools configuration (regenerated on every start, so
# that a changed COMMOPS_* setting takes effect).
kafka_write_config() {
  local n
  if kafka_is_cluster; then
    for ((n = 1; n <= KAFKA_NODE_COUNT; n++)); do
      kafka_write_node_config "$n"
    done
  else
    kafka_write_single_config
  fi
  kafka_write_shared_config
}

# Node n of a cluster: broker and controller in one JVM, like the single broker, in a quorum of
# every node fixed by configuration (controller.quorum.voters, a static quorum: no node joins or
# leaves at run time, so the storage is formatted without a bootstrap voter set).
kafka_write_node_config() {
  local n=$1 port controller_port voters='' i data
  port="$(kafka_node_port "$n")"
  controller_port="$(kafka_controller_port "$n")"
  data="$(kafka_node_data "$n")"
  for ((i = 1; i <= KAFKA_NODE_COUNT; i++)); do
    voters+="${voters:+,}$i@$KAFKA_HOST:$(kafka_controller_port "$i")"
  done
  mkdir -p "$data"
  cat >"$(kafka_node_config "$n")" <<EOF
# Generated by deploy/local/kafka.sh on every start; edits are overwritten.
# Node $n of a $KAFKA_NODE_COUNT-node KRaft cluster: broker and controller in one JVM.
process.roles=broker,controller
node.id=$n
controller.quorum.voters=$voters
listeners=PLAINTEXT://$KAFKA_HOST:$port,CONTROLLER://$KAFKA_HOST:$controller_port
advertised.listeners=PLAINTEXT://$KAFKA_HOST:$port,CONTROLLER://$KAFKA_HOST:$controller_port
inter.broker.listener.name=PLAINTEXT
controller.listener.names=CONTROLLER
listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT

log.dirs=$data
num.partitions=3
auto.create.topics.enable=true

# Every topic on three nodes; a write is acknowledged (acks=all) once two hold it, so one node
# may be lost without losing an acknowledged event, or refusing writes.
default.replication.factor=$KAFKA_REPLICATION_FACTOR
min.insync.replicas=$KAFKA_MIN_ISR
offsets.topic.replication.factor=$KAFKA_REPLICATION_FACTOR
transaction.state.log.replication.factor=$KAFKA_REPLICATION_FACTOR
transaction.state.log.min.isr=$KAFKA_MIN_ISR
share.coordinator.state.topic.replication.factor=$KAFKA_REPLICATION_FACTOR
share.coordinator.state.topic.min.isr=$KAFKA_MIN_ISR
# A replica that fell out of sync never becomes leader: an outage rather than lost events.
unclean.leader.election.enable=false
# Fewer internal partitions than the production default (50): faster first start on a laptop.
offsets.topic.num.partitions=10
transaction.state.log.num.partitions=10

# Consumers of a fresh group start at once instead of waiting 3 s for more members.
group.initial.rebalance.delay.ms=0
log.retention.hours=168
EOF
}

# The single broker: one node, controller of a quorum of one.
kafka_write_single_config() {
  mkdir -p "$KAFKA_DATA"
  cat >"$KAFKA_CONFIG" <<EOF
# Generated by deploy/local/kafka.sh on every start; edits are overwritten.
# Single-node KRaft: this JVM is both the broker and the (only) controller.
process.roles=broker,controller
node.id=1
controller.quorum.bootstrap.servers=$KAFKA_HOST:$COMMOPS_KAFKA_CONTROLLER_PORT
listeners=PLAINTEXT://$KAFKA_HOST:$KAFKA_PORT,CONTROLLER://$KAFKA_HOST:$COMMOPS_KAFKA_CONTROLLER_PORT
advertised.listeners=PLAINTEXT://$KAFKA_HOST:$KAFKA_PORT,CONTROLLER://$KAFKA_HOST:$COMMOPS_KAFKA_CONTROLLER_PORT
inter.broker.listener.name=PLAINTEXT
controller.listener.names=CONTROLLER
listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT

log.dirs=$KAFKA_DATA
num.partitions=3
auto.create.topics.enable=true

# One broker: every internal topic has a single replica.
default.replication.factor=1
min.insync.replicas=1
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
# Fewer internal partitions than the production default (50): faster first start on a laptop.
offsets.topic.num.partitions=10
transaction.state.log.num.partitions=10

# Consumers of a fresh group start at once instead of waiting 3 s for more members.
group.initial.rebalance.delay.ms=0
log.retention.hours=168
EOF
}

# Logging of the brokers and the tools, and the probe's client settings: shared by every node.
kafka_write_shared_config() {
  cat >"$KAFKA_LOG4J" <<'EOF'
# Generated by deploy/local/kafka.sh: everything to stdout, which is logs/kafka.log.
status = warn
appender.stdout.type = Console
appender.stdout.name = STDOUT
appender.stdout.layout.type = PatternLayout
appender.stdout.layout.pattern = [%d] %p %m (%c)%n
rootLogger.level = info
rootLogger.appenderRef.stdout.ref = STDOUT
logger.request.name = kafka.request.logger
logger.request.level = warn
logger.clients.name = org.apache.kafka.clients
logger.clients.level = warn
EOF

  cat >"$KAFKA_TOOLS_LOG4J" <<'EOF'
# Generated by deploy/local/kafka.sh: command-line tools only print warnings.
status = error
appender.stderr.type = Console
appender.stderr.name = STDERR
appender.stderr.target = SYSTEM_ERR
appender.stderr.layout.type = PatternLayout
appender.stderr.layout.pattern = %p %m (%c)%n
rootLogger.level = warn
rootLogger.appenderRef.stderr.ref = STDERR
EOF

  # The admin helper asks about nodes that may be down on purpose: no warning for each refused connection.
  sed 's/^rootLogger.level = warn$/rootLogger.level = error/' "$KAFKA_TOOLS_LOG4J" >"$KAFKA_ADMIN_LOG4J"

  cat >"$KAFKA_PROBE_CONFIG" <<'EOF'
# Generated by deploy/local/kafka.sh: the readiness probe gives up quickly
# (the default would wait a minute on a port that is not a Kafka broker).
request.timeout.ms=5000
default.api.timeout.ms=10000
EOF
}

# kafka_tool CLASS ARGS...: runs a Kafka command-line tool from the broker jars.
kafka_tool() {
  local class=$1
  shift
  java -Xmx256m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC \
    -Dlog4j2.configurationFile="$KAFKA_TOOLS_LOG4J" -cp "$KAFKA_LIBS/*" "$class" "$@"
}

# kafka_admin COMMAND ARGS...: deploy/local/kafka/ClusterAdmin.java (compiled once per Kafka version
# against the broker's jars): several questions to a cluster in one JVM, see its source.
kafka_admin() {
  local src="$COMMOPS_SCRIPT_DIR/kafka/ClusterAdmin.java" class="$KAFKA_ADMIN_CLASSES/ClusterAdmin.class" tmp
  if [[ ! -f "$KAFKA_LIBS/.complete" ]]; then
    kafka_fetch_jars # also for a broker we did not start
  fi
  [[ -f "$KAFKA_ADMIN_LOG4J" ]] || kafka_write_shared_config
  if [[ ! -f "$class" || "$src" -nt "$class" ]]; then
    require_cmd javac
    tmp="$KAFKA_ADMIN_CLASSES.tmp.$$"
    mkdir -p "$tmp" "$KAFKA_ADMIN_CLASSES"
    javac -nowarn -d "$tmp" -cp "$KAFKA_LIBS/*" "$src" >&2 || die "could not compile $src"
    mv -f "$tmp/ClusterAdmin.class" "$class" # a rename: a script running it meanwhile sees one or the other
    rm -rf "$tmp"
  fi
  # Its requests give up after 10 s; the timeout is for a JVM that hangs anyway.
  timeout 60 java -Xmx256m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC \
    -Dlog4j2.configurationFile="$KAFKA_ADMIN_LOG4J" -cp "$KAFKA_ADMIN_CLASSES:$KAFKA_LIBS/*" ClusterAdmin "$@"
}

# Formats the KRaft storage once (a formatted log dir holds meta.properties).
kafka_format_storage() {
  if kafka_is_cluster; then
    kafka_format_cluster_storage
    return
  fi
  if [[ -f "$KAFKA_DATA/meta.properties" ]]; then
    return 0
  fi
  local cluster_id
  cluster_id="$(kafka_tool kafka.tools.StorageTool random-uuid)" || die "kafka StorageTool random-uuid failed"
  log_info "formatting Kafka storage in $KAFKA_DATA (cluster id $cluster_id)"
  kafka_tool kafka.tools.StorageTool format --standalone --ignore-formatted \
    -t "$cluster_id" -c "$KAFKA_CONFIG" >>"$COMMOPS_LOG_DIR/kafka-format.log" 2>&1 ||
    {
      show_log_tail "$COMMOPS_LOG_DIR/kafka-format.log"
      die "could not format the Kafka storage in $KAFKA_DATA"
    }
}

# Formats every node that has no storage yet, with the one cluster id of cluster.id (taken from a
# formatted node when the file is gone, so that a node whose data was deleted rejoins its cluster).
kafka_format_cluster_storage() {
  local n data cluster_id='' meta
  read -r cluster_id 2>/dev/null <"$KAFKA_CLUSTER_ID_FILE" || true
  if [[ -z "$cluster_id" ]]; then
    for ((n = 1; n <= KAFKA_NODE_COUNT; n++)); do
      meta="$(kafka_node_data "$n")/meta.properties"
      [[ -f "$meta" ]] && cluster_id="$(sed -n 's/^cluster\.id=//p' "$meta")" && [[ -n "$cluster_id" ]] && break
    done
  fi
  if [[ -z "$cluster_id" ]]; then
    cluster_id="$(kafka_tool kafka.tools.StorageTool random-uuid)" || die "kafka StorageTool random-uuid failed"
  fi
  printf '%s\n' "$cluster_id" >"$KAFKA_CLUSTER_ID_FILE"
  for ((n = 1; n <= KAFKA_NODE_COUNT; n++)); do
    data="$(kafka_node_data "$n")"
    [[ -f "$data/meta.properties" ]] && continue
    log_info "formatting the storage of Kafka node $n in $data (cluster id $cluster_id)"
    kafka_tool kafka.tools.StorageTool format --ignore-formatted \
      -t "$cluster_id" -c "$(kafka_node_config "$n")" >>"$COMMOPS_LOG_DIR/kafka-format.log" 2>&1 ||
      {
        show_log_tail "$COMMOPS_LOG_DIR/kafka-format.log"
        die "could not format the storage of Kafka node $n in $data"
      }
  done
}

# ---------------------------------------------------------------------------
# Probing
# ---------------------------------------------------------------------------

# True when a Kafka broker really serves requests at the bootstrap address
# (an open port alone is not enough: a broker opens it before it is ready).
# For a cluster: when at least one of its brokers serves requests.
kafka_answers() {
  if kafka_is_cluster; then
    [[ -n "$(kafka_live_broker_ids)" ]]
    return
  fi
  port_open "$KAFKA_HOST" "$KAFKA_PORT" || return 1
  if [[ ! -f "$KAFKA_LIBS/.complete" ]]; then
    kafka_fetch_jars # the probe needs the tools jars even for a broker we did not start
  fi
  [[ -f "$KAFKA_PROBE_CONFIG" ]] || kafka_write_config
  timeout 30 java -Xmx256m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC \
    -Dlog4j2.configurationFile="$KAFKA_TOOLS_LOG4J" -cp "$KAFKA_LIBS/*" \
    org.apache.kafka.tools.TopicCommand --bootstrap-server "$COMMOPS_KAFKA_BOOTSTRAP" \
    --command-config "$KAFKA_PROBE_CONFIG" --list >/dev/null 2>&1
}

# The ids of the cluster's live (registered, unfenced) brokers, space-separated; empty when no
# broker answers.
kafka_live_broker_ids() {
  local n open=0
  for ((n = 1; n <= KAFKA_NODE_COUNT; n++)); do
    port_open "$KAFKA_HOST" "$(kafka_node_port "$n")" && open=1 && break
  done
  ((open)) || return 0
  kafka_admin brokers "$COMMOPS_KAFKA_BOOTSTRAP" 2>/dev/null || true
}

# Waits until our broker PID answers; fails if it dies or the time runs out.
kafka_wait_ready() {
  local pid=$1 timeout_s=$2
  local deadline=$((SECONDS + timeout_s))
  until kafka_answers; do
    if ! pid_alive "$pid"; then
      show_log_tail "$KAFKA_LOG"
      die "the Kafka broker (pid $pid) exited during startup; see $KAFKA_LOG" \
        "(if its storage is damaged or was formatted for other ports, delete $KAFKA_DATA)"
    fi
    if ((SECONDS >= deadline)); then
      return 1
    fi
    sleep 1
  done
}

# kafka_wait_cluster_ready TIMEOUT [WANTED]: waits until WANTED brokers (default: every node) are
# registered and unfenced; fails if the time runs out, dies if every node of ours has exited.
kafka_wait_cluster_ready() {
  local timeout_s=$1 wanted=${2:-$KAFKA_NODE_COUNT} ids count
  local deadline=$((SECONDS + timeout_s))
  local -a live=()
  while true; do
    ids="$(kafka_live_broker_ids)"
    read -r -a live <<<"$ids"
    count=${#live[@]}
    ((count >= wanted)) && return 0
    if [[ -z "$(kafka_live_pids)" ]]; then
      kafka_show_node_logs
      die "every Kafka node exited during startup; see $COMMOPS_LOG_DIR/kafka-<n>.log" \
        "(if their storage is damaged or was formatted for another layout, delete $COMMOPS_KAFKA_DIR/node-*)"
    fi
    if ((SECONDS >= deadline)); then
      log_warn "Kafka brokers registered after ${timeout_s}s: ${ids:-none} (wanted $wanted)"
      return 1
    fi
    sleep 1
  done
}

# Shows the end of the log of each node that is not running.
kafka_show_node_logs() {
  local n
  for ((n = 1; n <= KAFKA_NODE_COUNT; n++)); do
    read_live_pid "$(kafka_node_name "$n")" >/dev/null || show_log_tail "$(kafka_node_log "$n")" 30
  done
}

# ---------------------------------------------------------------------------
# Ownership
# ---------------------------------------------------------------------------

# ---------------------------------------------------------------------------
# Start / stop
# ---------------------------------------------------------------------------

kafka_start_broker() {
  case "$KAFKA_HOST" in
    127.0.0.1 | localhost | ::1) ;;
    *) die "no Kafka broker answers at $COMMOPS_KAFKA_BOOTSTRAP, and a broker on another host is not started by this script" ;;
  esac
  if kafka_is_cluster; then
    kafka_start_cluster
    return
  fi
  if port_open "$KAFKA_HOST" "$COMMOPS_KAFKA_CONTROLLER_PORT"; then
    die "port $COMMOPS_KAFKA_CONTROLLER_PORT (the Kafka controller port, COMMOPS_KAFKA_CONTROLLER_PORT) is used by another program"
  fi
  require_cmd java
  kafka_fetch_jars
  kafka_write_config
  kafka_format_storage

  log_info "starting Kafka $COMMOPS_KAFKA_VERSION at $COMMOPS_KAFKA_BOOTSTRAP (log: $KAFKA_LOG)"
  kafka_launch_node 1
  local pid=$STARTED_PID

  if ! kafka_wait_ready "$pid" "$COMMOPS_KAFKA_START_TIMEOUT"; then
    show_log_tail "$KAFKA_LOG"
    kafka_stop_broker
    die "the Kafka broker did not answer at $COMMOPS_KAFKA_BOOTSTRAP within ${COMMOPS_KAFKA_START_TIMEOUT}s; see $KAFKA_LOG"
  fi
  log_info "Kafka is ready at $COMMOPS_KAFKA_BOOTSTRAP (pid $pid)"
}

# kafka_launch_node N: starts node N's JVM in the background (pid in STARTED_PID), without waiting.
kafka_launch_node() {
  local n=$1 name
  name="$(kafka_node_name "$n")"
  # shellcheck disable=SC2086 # COMMOPS_KAFKA_HEAP holds several JVM options
  start_daemon "$name" "$(kafka_node_log "$n")" "$COMMOPS_KAFKA_DIR" \
    java $COMMOPS_KAFKA_HEAP -XX:+UseG1GC -XX:MaxGCPauseMillis=20 -XX:G1PeriodicGCInterval=30000 -Djava.awt.headless=true \
    "$(process_marker "$name")" -Dlog4j2.configurationFile="$KAFKA_LOG4J" \
    -cp "$KAFKA_LIBS/*" kafka.Kafka "$(kafka_node_config "$n")"
}

# Every port of every node must be free: a node that cannot bind one exits, and a quorum voter
# answering for someone else's cluster would be worse.
kafka_check_cluster_ports_free() {
  local n port
  for ((n = 1; n <= KAFKA_NODE_COUNT; n++)); do
    read_live_pid "$(kafka_node_name "$n")" >/dev/null && continue
    for port in "$(kafka_node_port "$n")" "$(kafka_controller_port "$n")"; do
      if port_open "$KAFKA_HOST" "$port"; then
        die "port $port (of Kafka node $n; see COMMOPS_KAFKA_PORT and COMMOPS_KAFKA_CONTROLLER_PORT) is used by another program"
      fi
    done
  done
}

# Starts the cluster's nodes that are not running (all of them at once: a node waits for a quorum
# of its peers before it serves anything) and waits until every one is a live broker.
kafka_start_cluster() {
  local n started=$SECONDS pids
  kafka_check_cluster_ports_free
  require_cmd java
  kafka_fetch_jars
  kafka_write_config
  kafka_format_storage

  log_info "starting a $KAFKA_NODE_COUNT-node Kafka $COMMOPS_KAFKA_VERSION cluster at $COMMOPS_KAFKA_BOOTSTRAP" \
    "(controllers $KAFKA_CONTROLLERS; logs: $COMMOPS_LOG_DIR/kafka-<n>.log)"
  for ((n = 1; n <= KAFKA_NODE_COUNT; n++)); do
    read_live_pid "$(kafka_node_name "$n")" >/dev/null || kafka_launch_node "$n"
  done

  if ! kafka_wait_cluster_ready "$COMMOPS_KAFKA_START_TIMEOUT"; then
    kafka_show_node_logs
    kafka_stop_broker
    die "the Kafka cluster did not have its $KAFKA_NODE_COUNT brokers at $COMMOPS_KAFKA_BOOTSTRAP within" \
      "${COMMOPS_KAFKA_START_TIMEOUT}s; see $COMMOPS_LOG_DIR/kafka-<n>.log"
  fi
  pids="$(kafka_live_pids)"
  log_info "the Kafka cluster is ready at $COMMOPS_KAFKA_BOOTSTRAP: $KAFKA_NODE_COUNT brokers (pids $pids)," \
    "after $((SECONDS - started))s"
}

# Waits until our broker or cluster answers (a cluster: at least WANTED brokers); fails otherwise.
kafka_wait_ours() {
  local pid=$1 timeout_s=$2 wanted=${3:-1}
  if kafka_is_cluster; then
    kafka_wait_cluster_ready "$timeout_s" "$wanted"
  else
    kafka_wait_ready "$pid" "$timeout_s"
  fi
}

# ensure_kafka: makes a broker (or cluster) answer at COMMOPS_KAFKA_BOOTSTRAP, reusing what runs.
ensure_kafka() {
  local pid
  kafka_init
  kafka_check_layout

  # 1. Our own broker from this COMMOPS_HOME (pid file) is running (a cluster: any of its nodes).
  if pid="$(kafka_live_pid)"; then
    if kafka_is_cluster; then
      # Nodes left down by a killed run are started again; the whole cluster must answer.
      if [[ "$(kafka_live_pids | wc -w)" -lt "$KAFKA_NODE_COUNT" ]]; then
        kafka_start_cluster
      elif ! kafka_wait_cluster_ready "$COMMOPS_KAFKA_START_TIMEOUT"; then
        die "the running Kafka cluster does not have its $KAFKA_NODE_COUNT brokers at $COMMOPS_KAFKA_BOOTSTRAP;" \
          "see $COMMOPS_LOG_DIR/kafka-<n>.log, or stop it (deploy/local/kafka.sh stop)"
      fi
      log_info "using the running Kafka cluster at $COMMOPS_KAFKA_BOOTSTRAP (pids $(kafka_live_pids))"
      return 0
    fi
    if kafka_wait_ready "$pid" "$COMMOPS_KAFKA_START_TIMEOUT"; then
      log_info "using the running Kafka broker at $COMMOPS_KAFKA_BOOTSTRAP (pid $pid)"
      return 0
    fi
    log_warn "the running Kafka broker (pid $pid) does not answer; restarting it"
    stop_pid kafka "$pid" 30
    rm -f "$(pid_file kafka)"
  fi

  # 2. Someone else's broker answers: use it, never stop it.
  if port_open "$KAFKA_HOST" "$KAFKA_PORT"; then
    if kafka_answers; then
      log_info "using the Kafka broker already answering at $COMMOPS_KAFKA_BOOTSTRAP (not started by these scripts)"
      return 0
    fi
    die "port $KAFKA_PORT is in use at $KAFKA_HOST but does not answer as a Kafka broker;" \
      "stop that program or point COMMOPS_KAFKA_BOOTSTRAP elsewhere"
  fi

  # 3. Nothing there: start our own, and leave it running.
  kafka_start_broker
}

# Stops our broker, or every node of our cluster: SIGTERM to every node at once
# (one by one, the last nodes would wait for a controller quorum that is gone), then SIGKILL to
# those still running after a minute.
kafka_stop_broker() {
  stop_named_together 60 "${KAFKA_ALL_NAMES[@]}"
}

# Prints the pid of any Kafka process from this COMMOPS_HOME, whatever the layout; fails when none runs.
kafka_any_live_pid() {
  local name
  for name in "${KAFKA_ALL_NAMES[@]}"; do
    read_live_pid "$name" && return 0
  done
  return 1
}

# ---------------------------------------------------------------------------
# The platform's topics
# ---------------------------------------------------------------------------

# Every topic the services publish to or consume from (docs/events.md, the services'
# application.properties: mp.messaging.*.topic and *.dead-letter-queue.topic, the outbox topics).
KAFKA_PLATFORM_TOPICS=(
  org-units plans campaigns assignments activities feedback crisis-signals crisis-cases indicator-alerts
  targets partners communicators indicators statistics feedback-topics classification-rules feedback-clusters
  subscriptions notification-recipients verification-rules review-samples communication-forms
  dead-letter.plan-service dead-letter.activity-service dead-letter.indicator-service dead-letter.crisis-service
)

kafka_platform_topic_names() {
  local family prefix=${COMMOPS_EVENTS_TOPIC_PREFIX:-commops.}
  for family in "${KAFKA_PLATFORM_TOPICS[@]}"; do
    printf '%s%s\n' "$prefix" "$family"
  done
}

# Creates the platform's topics that are missing, with the broker's partition count (3) and the
# layout's replication (a cluster: 3 replicas, min.insync.replicas 2), so that nothing depends on
# auto-creation (which a consumer's first poll would do with the broker's defaults, at a moment
# nobody chose). Prints each topic's description. A cluster that refuses dies; a single broker
# that refuses (someone else's, say) gets a warning: the services would create them as before.
kafka_ensure_topics() {
  local -a topics=()
  local out
  mapfile -t topics < <(kafka_platform_topic_names)
  if out="$(kafka_admin ensure-topics "$COMMOPS_KAFKA_BOOTSTRAP" 3 "$KAFKA_REPLICATION_FACTOR" "$KAFKA_MIN_ISR" "${topics[@]}")"; then
    log_info "the platform's ${#topics[@]} topics are there (replication factor $KAFKA_REPLICATION_FACTOR," \
      "min.insync.replicas $KAFKA_MIN_ISR):"
    printf '%s\n' "$out" | sed 's/^/    /' >&2
  elif kafka_is_cluster; then
    die "could not create the platform's topics on the Kafka cluster at $COMMOPS_KAFKA_BOOTSTRAP"
  else
    log_warn "could not create the platform's topics at $COMMOPS_KAFKA_BOOTSTRAP; the services will rely on auto-creation"
  fi
}

# ---------------------------------------------------------------------------
# Nodes, for fault trials
# ---------------------------------------------------------------------------

# kafka_start_node N: starts node N again (after it was killed) and waits until it is a live broker
# and back in the ISR of every partition it replicates.
kafka_start_node() {
  local n=$1 name pid started=$SECONDS port behind deadline
  kafka_check_node_number "$n"
  name="$(kafka_node_name "$n")"
  if pid="$(read_live_pid "$name")"; then
    log_info "Kafka node $n is running already (pid $pid)"
    return 0
  fi
  port="$(kafka_node_port "$n")"
  if port_open "$KAFKA_HOST" "$port"; then
    die "port $port of Kafka node $n is used by another program"
  fi
  require_cmd java
  kafka_fetch_jars
  kafka_write_config
  kafka_format_storage
  log_info "starting Kafka node $n at $KAFKA_HOST:$port (log: $(kafka_node_log "$n"))"
  kafka_launch_node "$n"
  pid=$STARTED_PID
  deadline=$((SECONDS + COMMOPS_KAFKA_START_TIMEOUT))
  if ! wait_for_port "$KAFKA_HOST" "$port" "$COMMOPS_KAFKA_START_TIMEOUT" "$pid"; then
    show_log_tail "$(kafka_node_log "$n")"
    die "Kafka node $n (pid $pid) did not open port $port; see $(kafka_node_log "$n")"
  fi
  until [[ " $(kafka_live_broker_ids) " == *" $n "* ]]; do
    pid_alive "$pid" || die "Kafka node $n (pid $pid) exited; see $(kafka_node_log "$n")"
    ((SECONDS < deadline)) || die "Kafka node $n (pid $pid) did not register as a broker within ${COMMOPS_KAFKA_START_TIMEOUT}s"
    sleep 1
  done
  log_info "Kafka node $n is a live broker again (pid $pid), after $((SECONDS - started))s; waiting for it to catch up"
  if kafka_is_cluster; then
    until behind="$(kafka_admin out-of-sync "$COMMOPS_KAFKA_BOOTSTRAP" "$n" 2>/dev/null)" && [[ "$behind" == 0 ]]; do
      pid_alive "$pid" || die "Kafka node $n (pid $pid) exited; see $(kafka_node_log "$n")"
      ((SECONDS < deadline)) ||
        die "Kafka node $n is still out of the ISR of ${behind:-?} partitions after ${COMMOPS_KAFKA_START_TIMEOUT}s"
      sleep 1
    done
  fi
  log_info "Kafka node $n is back in the ISR of every partition it replicates (pid $pid), $((SECONDS - started))s after its start"
}

kafka_node_pid() {
  local n=$1 name
  kafka_check_node_number "$n"
  name="$(kafka_node_name "$n")"
  read_live_pid "$name" || {
    log_error "Kafka node $n ($name) from $COMMOPS_HOME is not running"
    return 1
  }
}

kafka_status() {
  local n name pid
  kafka_init
  for ((n = 1; n <= KAFKA_NODE_COUNT; n++)); do
    name="$(kafka_node_name "$n")"
    if pid="$(read_live_pid "$name")"; then
      log_info "Kafka $name from $COMMOPS_HOME is running (pid $pid, port $(kafka_node_port "$n"))"
    else
      log_info "no Kafka $name from $COMMOPS_HOME is running (port $(kafka_node_port "$n"))"
    fi
  done
  if kafka_answers; then
    log_info "a Kafka broker answers at $COMMOPS_KAFKA_BOOTSTRAP"
    if kafka_is_cluster; then
      log_info "live brokers: $(kafka_live_broker_ids); active controller: node $(kafka_admin controller "$KAFKA_CONTROLLERS" 2>/dev/null || echo '?');" \
        "under-replicated partitions: $(kafka_admin under-replicated "$COMMOPS_KAFKA_BOOTSTRAP" 2>/dev/null || echo '?')"
    fi
  else
    log_info "no Kafka broker answers at $COMMOPS_KAFKA_BOOTSTRAP"
    return 1
  fi
}

# Admin subcommands need the jars and the tools configuration, not a broker of ours.
kafka_tools_ready() {
  kafka_init
  kafka_fetch_jars
  kafka_write_config
}

kafka_main() {
  local cmd=${1:-}
  shift || true
  case "$cmd" in
    start) ensure_kafka ;;
    stop)
      kafka_init
      if kafka_any_live_pid >/dev/null; then
        kafka_stop_broker
      else
        log_info "no Kafka broker from $COMMOPS_HOME is running"
      fi
      ;;
    status) kafka_status ;;
    topics)
      kafka_tools_ready
      kafka_tool org.apache.kafka.tools.TopicCommand --bootstrap-server "$COMMOPS_KAFKA_BOOTSTRAP" "$@"
      ;;
    consume)
      [[ $# -ge 1 ]] || die "usage: $0 consume TOPIC [kafka-console-consumer options]"
      local topic=$1
      shift
      kafka_tools_ready
      kafka_tool org.apache.kafka.tools.consumer.ConsoleConsumer --bootstrap-server "$COMMOPS_KAFKA_BOOTSTRAP" \
        --topic "$topic" --from-beginning --property print.key=true --property print.timestamp=true "$@"
      ;;
    ensure-topics)
      kafka_init
      kafka_ensure_topics
      ;;
    describe-topics)
      kafka_init
      local -a topics=()
      mapfile -t topics < <(kafka_platform_topic_names)
      kafka_admin describe "$COMMOPS_KAFKA_BOOTSTRAP" "${topics[@]}"
      ;;
    node-pid)
      kafka_init
      kafka_node_pid "${1:-}"
      ;;
    start-node)
      kafka_init
      kafka_check_layout
      kafka_start_node "${1:-}"
      ;;
    controller)
      kafka_init
      kafka_admin controller "$KAFKA_CONTROLLERS"
      ;;
    under-replicated)
      kafka_init
      kafka_admin under-replicated "$COMMOPS_KAFKA_BOOTSTRAP"
      ;;
    *)
      echo "usage: $0 start|stop|status|topics ARGS...|consume TOPIC [ARGS...]|ensure-topics|describe-topics" >&2
      echo "       $0 node-pid N|start-node N|controller|under-replicated" >&2
      exit 2
      ;;
  esac
}

if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
  set -euo pipefail
  kafka_main "$@"
fi
