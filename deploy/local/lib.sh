# shellcheck shell=bash
# Shared helpers for the local (no Docker) run scripts in deploy/local/.
#
# Sourced, never executed:   source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
#
# State lives outside the repository, in COMMOPS_HOME (default ~/.commops):
#   logs/         one log file per process (kafka.log or kafka-<n>.log, plan-service.log,
#                 plan-service-2.log, ...)
#   run/          pid files of the processes these scripts started; instances (name and port of
#                 every service instance the running start.sh started)
#   kafka/        broker jars (kafka/<version>/libs), config and KRaft data (data/ for the single
#                 broker, node-<n>/ for each node of a cluster)
#   secrets.env   generated database password (chmod 600)

# Sourcing twice (start.sh sources postgres.sh and kafka.sh, which source this) is harmless.
if [[ -n "${COMMOPS_LIB_LOADED:-}" ]]; then
  return 0
fi
COMMOPS_LIB_LOADED=1
# Set by start_daemon for its caller.
STARTED_PID=''

COMMOPS_SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
COMMOPS_REPO_ROOT="$(cd "$COMMOPS_SCRIPT_DIR/../.." && pwd)"

# ---------------------------------------------------------------------------
# Logging (to stderr, so that functions can still return values on stdout)
# ---------------------------------------------------------------------------

# Logging never fails a script: when stderr is a pipe whose reader is gone (start.sh | tee, then
# Ctrl-C), cleanup must still run to the end. The time comes from bash's own strftime: no fork, and
# no command substitution (see "Signals and command substitutions" below).
log_info() { printf '%(%H:%M:%S)T [commops] %s\n' -1 "$*" >&2 2>/dev/null || true; }
log_warn() { printf '%(%H:%M:%S)T [commops] WARNING: %s\n' -1 "$*" >&2 2>/dev/null || true; }
log_error() { printf '%(%H:%M:%S)T [commops] ERROR: %s\n' -1 "$*" >&2 2>/dev/null || true; }
die() {
  log_error "$*"
  exit 1
}

# Prints the last lines of a log file, indented, to help diagnose a failed start.
show_log_tail() {
  local file=$1 lines=${2:-40}
  if [[ -s "$file" ]]; then
    printf -- '----- last %s lines of %s -----\n' "$lines" "$file" >&2
    tail -n "$lines" "$file" | sed 's/^/    /' >&2
    printf -- '----- end of %s -----\n' "$file" >&2
  else
    log_warn "log file $file is empty or missing"
  fi
}

require_cmd() {
  local cmd
  for cmd in "$@"; do
    command -v "$cmd" >/dev/null 2>&1 || die "'$cmd' is required but not installed (not found on PATH)"
  done
}

# Runs a command as root: directly when we are root, else through sudo.
as_root() {
  if [[ $(id -u) -eq 0 ]]; then
    "$@"
  elif command -v sudo >/dev/null 2>&1; then
    sudo "$@"
  else
    die "need root for: $* (not root and sudo is not installed)"
  fi
}

# ---------------------------------------------------------------------------
# Configuration
# ---------------------------------------------------------------------------

# Sets every COMMOPS_* default, creates the state folders and exports the
# variables the services and the test harness read. Safe to call repeatedly.
commops_load_config() {
  : "${COMMOPS_HOME:=$HOME/.commops}"
  COMMOPS_LOG_DIR="$COMMOPS_HOME/logs"
  COMMOPS_RUN_DIR="$COMMOPS_HOME/run"
  COMMOPS_KAFKA_DIR="$COMMOPS_HOME/kafka"
  COMMOPS_SECRETS_FILE="$COMMOPS_HOME/secrets.env"

  : "${COMMOPS_DB_HOST:=127.0.0.1}"
  : "${COMMOPS_DB_PORT:=5432}"
  : "${COMMOPS_DB_USER:=commops}"
  : "${COMMOPS_PG_ADMIN_USER:=postgres}"
  : "${COMMOPS_PG_CLUSTER:=}"
  : "${COMMOPS_KAFKA_VERSION:=4.1.2}"
  commops_load_kafka_layout
  : "${COMMOPS_HTTP_PORT_BASE:=8080}"
  : "${COMMOPS_INSTANCES:=1}"
  if [[ ! "$COMMOPS_HTTP_PORT_BASE" =~ ^[1-9][0-9]*$ ]] || ((COMMOPS_HTTP_PORT_BASE > 65000)); then
    die "COMMOPS_HTTP_PORT_BASE must be a port number up to 65000 (got '$COMMOPS_HTTP_PORT_BASE')"
  fi
  [[ "$COMMOPS_INSTANCES" =~ ^[1-9]$ ]] ||
    die "COMMOPS_INSTANCES must be a number of instances from 1 to 9 (got '$COMMOPS_INSTANCES')"

  mkdir -p "$COMMOPS_LOG_DIR" "$COMMOPS_RUN_DIR" "$COMMOPS_KAFKA_DIR"
  commops_load_db_password
  commops_load_generated_secret COMMOPS_WEBHOOKS_SECRET_KEY
  commops_load_generated_secret COMMOPS_PRIVACY_SUBJECT_KEY

  export COMMOPS_HOME COMMOPS_DB_HOST COMMOPS_DB_PORT COMMOPS_DB_USER COMMOPS_DB_PASSWORD \
    COMMOPS_KAFKA_BOOTSTRAP COMMOPS_KAFKA_VERSION COMMOPS_WEBHOOKS_SECRET_KEY COMMOPS_PRIVACY_SUBJECT_KEY
}

# The Kafka nodes' addresses. COMMOPS_KAFKA_BROKERS nodes (1, or 3 for a cluster) listen for
# clients on COMMOPS_KAFKA_PORT and the ports after it, and for the controller quorum on
# COMMOPS_KAFKA_CONTROLLER_PORT and the ports after it, by default just above the client ports
# (9093 for the single broker, as before). Without COMMOPS_KAFKA_PORT, the first address of a
# given COMMOPS_KAFKA_BOOTSTRAP names the (first) node. A cluster's COMMOPS_KAFKA_BOOTSTRAP is the
# list of all its nodes.
commops_load_kafka_layout() {
  local first='' host='' port='' n
  : "${COMMOPS_KAFKA_BROKERS:=1}"
  [[ "$COMMOPS_KAFKA_BROKERS" == 1 || "$COMMOPS_KAFKA_BROKERS" == 3 ]] ||
    die "COMMOPS_KAFKA_BROKERS must be 1 (a single broker) or 3 (a cluster) (got '$COMMOPS_KAFKA_BROKERS')"
  if [[ -n "${COMMOPS_KAFKA_BOOTSTRAP:-}" ]]; then
    first=${COMMOPS_KAFKA_BOOTSTRAP%%,*}
    host=${first%:*}
    port=${first##*:}
    [[ "$port" =~ ^[0-9]+$ && -n "$host" && "$first" == *:* ]] ||
      die "COMMOPS_KAFKA_BOOTSTRAP must look like host:port (got '$COMMOPS_KAFKA_BOOTSTRAP')"
  fi
  COMMOPS_KAFKA_HOST=${host:-127.0.0.1}
  : "${COMMOPS_KAFKA_PORT:=${port:-9092}}"
  [[ "$COMMOPS_KAFKA_PORT" =~ ^[1-9][0-9]*$ ]] ||
    die "COMMOPS_KAFKA_PORT must be a port number (got '$COMMOPS_KAFKA_PORT')"
  if [[ -n "$port" && "$port" != "$COMMOPS_KAFKA_PORT" ]]; then
    die "COMMOPS_KAFKA_PORT=$COMMOPS_KAFKA_PORT and COMMOPS_KAFKA_BOOTSTRAP=$COMMOPS_KAFKA_BOOTSTRAP name different ports; set only one"
  fi
  if ((COMMOPS_KAFKA_BROKERS == 1)); then
    : "${COMMOPS_KAFKA_BOOTSTRAP:=$COMMOPS_KAFKA_HOST:$COMMOPS_KAFKA_PORT}"
  else
    COMMOPS_KAFKA_BOOTSTRAP=''
    for ((n = 0; n < COMMOPS_KAFKA_BROKERS; n++)); do
      COMMOPS_KAFKA_BOOTSTRAP+="${COMMOPS_KAFKA_BOOTSTRAP:+,}$COMMOPS_KAFKA_HOST:$((COMMOPS_KAFKA_PORT + n))"
    done
  fi
  : "${COMMOPS_KAFKA_CONTROLLER_PORT:=$((COMMOPS_KAFKA_PORT + COMMOPS_KAFKA_BROKERS))}"
  if ((COMMOPS_KAFKA_CONTROLLER_PORT + COMMOPS_KAFKA_BROKERS > COMMOPS_KAFKA_PORT &&
    COMMOPS_KAFKA_CONTROLLER_PORT < COMMOPS_KAFKA_PORT + COMMOPS_KAFKA_BROKERS)); then
    die "the Kafka controller ports (COMMOPS_KAFKA_CONTROLLER_PORT=$COMMOPS_KAFKA_CONTROLLER_PORT and up) overlap the client ports" \
      "($COMMOPS_KAFKA_PORT and up)"
  fi
}

# COMMOPS_DB_PASSWORD: from the environment if set, else from secrets.env,
# else a random one generated into secrets.env (never a password in the repo).
commops_load_db_password() {
  if [[ -n "${COMMOPS_DB_PASSWORD:-}" ]]; then
    return 0
  fi
  if [[ -f "$COMMOPS_SECRETS_FILE" ]]; then
    COMMOPS_DB_PASSWORD="$(sed -n 's/^COMMOPS_DB_PASSWORD=//p' "$COMMOPS_SECRETS_FILE" | tail -n 1)"
    # Tolerate a hand-edited value in quotes.
    COMMOPS_DB_PASSWORD="${COMMOPS_DB_PASSWORD#[\"\']}"
    COMMOPS_DB_PASSWORD="${COMMOPS_DB_PASSWORD%[\"\']}"
  fi
  if [[ -z "${COMMOPS_DB_PASSWORD:-}" ]]; then
    # od reads exactly 24 bytes: no early-closed pipe (which would trip pipefail).
    COMMOPS_DB_PASSWORD="$(od -An -N24 -tx1 /dev/urandom | tr -d ' \n')"
    (
      umask 077
      printf '# Generated by deploy/local on %s. Local development secret; keep it out of git.\nCOMMOPS_DB_PASSWORD=%s\n' \
        "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$COMMOPS_DB_PASSWORD" >>"$COMMOPS_SECRETS_FILE"
    )
    log_info "generated a database password in $COMMOPS_SECRETS_FILE"
  fi
  chmod 600 "$COMMOPS_SECRETS_FILE" 2>/dev/null || true
}

# Keys the services need that a developer's machine makes itself: from the environment, else from
# secrets.env, else 32 random bytes (Base64) generated into it. COMMOPS_WEBHOOKS_SECRET_KEY is the AES key
# activity-service encrypts webhook signing secrets with; COMMOPS_PRIVACY_SUBJECT_KEY keys the HMAC an
# erasure keeps of a person's identifier (activity-service and crisis-service).
commops_load_generated_secret() { # NAME
  local name=$1 value=${!1:-}
  if [[ -z "$value" && -f "$COMMOPS_SECRETS_FILE" ]]; then
    value="$(sed -n "s/^$name=//p" "$COMMOPS_SECRETS_FILE" | tail -n 1)"
  fi
  if [[ -z "$value" ]]; then
    value="$(head -c 32 /dev/urandom | base64 | tr -d '\n')"
    (
      umask 077
      printf '# Generated by deploy/local on %s. Local development secret; keep it out of git.\n%s=%s\n' \
        "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$name" "$value" >>"$COMMOPS_SECRETS_FILE"
    )
    log_info "generated $name in $COMMOPS_SECRETS_FILE"
  fi
  printf -v "$name" '%s' "$value"
}

# Maven launcher: the repo's wrapper when present, else mvn from PATH.
mvn_cmd() {
  if [[ -x "$COMMOPS_REPO_ROOT/mvnw" ]]; then
    printf '%s\n' "$COMMOPS_REPO_ROOT/mvnw"
  elif command -v mvn >/dev/null 2>&1; then
    printf 'mvn\n'
  else
    die "neither $COMMOPS_REPO_ROOT/mvnw nor mvn is available"
  fi
}

# ---------------------------------------------------------------------------
# Network waits
# ---------------------------------------------------------------------------

# True when something accepts TCP connections on host:port (bash /dev/tcp, no nc needed).
port_open() {
  local host=$1 port=$2
  # shellcheck disable=SC2016 # $0/$1 are expanded by the inner bash
  timeout 2 bash -c 'exec 3<>"/dev/tcp/$0/$1"' "$host" "$port" >/dev/null 2>&1
}

# wait_for_port HOST PORT TIMEOUT_SECONDS [PID]: waits until the port accepts
# connections; fails early if PID (the process expected to open it) dies.
wait_for_port() {
  local host=$1 port=$2 timeout_s=$3 pid=${4:-}
  local deadline=$((SECONDS + timeout_s))
  until port_open "$host" "$port"; do
    if [[ -n "$pid" ]] && ! pid_alive "$pid"; then
      return 1
    fi
    if ((SECONDS >= deadline)); then
      return 1
    fi
    sleep 1
  done
}

# True when a GET answers 2xx. Its exit status, not its output: no command substitution, for the
# loops that poll while waiting for a signal (see "Signals and command substitutions").
http_ready() { curl -fs -o /dev/null -m 5 "$1" 2>/dev/null; }

# HTTP status code of a GET (000 when nothing answers).
http_status() {
  local code
  code="$(curl -s -o /dev/null -m 5 -w '%{http_code}' "$1" 2>/dev/null)" || true
  printf '%s\n' "${code:-000}"
}

# wait_for_http_200 URL TIMEOUT_SECONDS [PID]: like wait_for_port, for an HTTP 200.
wait_for_http_200() {
  local url=$1 timeout_s=$2 pid=${3:-}
  local deadline=$((SECONDS + timeout_s))
  until http_ready "$url"; do
    if [[ -n "$pid" ]] && ! pid_alive "$pid"; then
      return 1
    fi
    if ((SECONDS >= deadline)); then
      return 1
    fi
    sleep 1
  done
}

# ---------------------------------------------------------------------------
# Processes and pid files
#
# Every process these scripts start carries "-Dcommops.process=<name>" on its
# command line, so that a pid file left behind by a crash is never trusted
# when the pid has since been reused by an unrelated program.
#
# Signals and command substitutions: bash 5.2 parses the text of a $(...) again
# when it runs it, and runs a trap that falls due meanwhile with that parse
# still open. The trap's own text then fails to parse ("trap: line 2:
# unexpected EOF while looking for matching `)'"): its "exit 143" never runs,
# and the script ends on the syntax error (status 2; the EXIT trap still
# runs). A loop like start.sh's supervisor, calling read_live_pid and
# "$(hold_file ...)", got it for 18 SIGTERMs in 60; without $(...), 0 in 150.
# So the helpers start.sh calls in its loops take an optional VAR to set
# instead of printing (which also saves a fork each), and those loops use no
# $(...) at all.
# ---------------------------------------------------------------------------

# pid_file NAME [VAR]: the pid file of our process NAME, printed or put in VAR.
pid_file() {
  if (($# > 1)); then
    printf -v "$2" '%s/%s.pid' "$COMMOPS_RUN_DIR" "$1"
  else
    printf '%s/%s.pid\n' "$COMMOPS_RUN_DIR" "$1"
  fi
}

# True when PID runs (a zombie, dead but not yet reaped, counts as dead). Where /proc is there, this
# and process_cmdline read it with bash builtins: start.sh checks every service every few seconds, and
# on a small virtual machine each helper program started (sed, cut, tr, head) cost milliseconds of CPU.
pid_alive() {
  local pid=${1:-} stat='' state=''
  [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null || return 1
  if [[ -r "/proc/$pid/stat" ]]; then
    read -r stat <"/proc/$pid/stat" 2>/dev/null || true
    stat=${stat##*) }
    state=${stat:0:1}
  else
    state="$(ps -o stat= -p "$pid" 2>/dev/null | cut -c1)" || true
  fi
  [[ "$state" != Z ]]
}

# process_cmdline PID [VAR]: its command line, arguments separated by spaces, printed or put in VAR.
# (Locals start with _pc_ so that VAR may be any caller's name.)
process_cmdline() {
  local _pc_pid=$1 IFS=' ' _pc_line=''
  local -a _pc_args=()
  if [[ -r "/proc/$_pc_pid/cmdline" ]]; then
    mapfile -d '' _pc_args <"/proc/$_pc_pid/cmdline" 2>/dev/null || true
    _pc_line="${_pc_args[*]}"
  else
    _pc_line="$(ps -o args= -p "$_pc_pid" 2>/dev/null)" || true
  fi
  if (($# > 1)); then
    printf -v "$2" '%s' "$_pc_line"
  else
    printf '%s\n' "$_pc_line"
  fi
}

# process_marker NAME [VAR]: the command-line flag identifying our process NAME, printed or put in VAR.
process_marker() {
  if (($# > 1)); then
    printf -v "$2" -- '-Dcommops.process=%s' "$1"
  else
    printf -- '-Dcommops.process=%s\n' "$1"
  fi
}

# read_live_pid NAME [VAR]: the pid of our live process NAME, printed or put in VAR; removes a
# stale pid file (dead pid, or pid reused by another program) and fails when there is none.
# (Locals start with _rl_ so that VAR may be any caller's name, "pid" included.)
read_live_pid() {
  local _rl_name=$1 _rl_file _rl_pid='' _rl_cmdline _rl_marker
  (($# > 1)) && printf -v "$2" '%s' ''
  pid_file "$_rl_name" _rl_file
  [[ -f "$_rl_file" ]] || return 1
  read -r _rl_pid <"$_rl_file" 2>/dev/null || true
  _rl_pid=${_rl_pid//[^0-9]/}
  if pid_alive "$_rl_pid"; then
    process_cmdline "$_rl_pid" _rl_cmdline
    process_marker "$_rl_name" _rl_marker
    # the marker as a whole argument: followed by a space, or by the end of the line
    if [[ "$_rl_cmdline " == *"$_rl_marker "* ]]; then
      if (($# > 1)); then
        printf -v "$2" '%s' "$_rl_pid"
      else
        printf '%s\n' "$_rl_pid"
      fi
      return 0
    fi
  fi
  rm -f "$_rl_file"
  return 1
}

# start_daemon NAME LOGFILE WORKDIR COMMAND...: starts COMMAND detached (own
# session, so a Ctrl-C in the terminal reaches only the script, which then
# stops things in order), stdout+stderr to LOGFILE (the previous log is kept as
# LOGFILE.1), pid in run/NAME.pid and in STARTED_PID. COMMAND must contain
# "$(process_marker NAME)". Not to be called in $(...): the process must stay
# a child of the calling script.
start_daemon() {
  local name=$1 logfile=$2 workdir=$3
  shift 3
  local file pid='' i
  STARTED_PID=''
  pid_file "$name" file
  rm -f "$file"
  if [[ -f "$logfile" ]]; then
    mv -f "$logfile" "$logfile.1"
  fi
  printf '=== %s started by %s at %(%Y-%m-%d %H:%M:%S %z)T\n' "$name" "${0##*/}" -1 >"$logfile"
  # The inner shell writes its own pid, then exec keeps that pid for COMMAND;
  # this stays right whether or not setsid had to fork.
  local launcher=()
  if command -v setsid >/dev/null 2>&1; then
    launcher=(setsid)
  fi
  # shellcheck disable=SC2016 # $$, $0 and $@ belong to the inner bash
  (cd "$workdir" && exec "${launcher[@]}" bash -c 'echo $$ >"$0"; exec "$@"' "$file" "$@") \
    >>"$logfile" 2>&1 </dev/null &
  for ((i = 0; i < 50; i++)); do
    if [[ -s "$file" ]]; then
      read -r pid <"$file" || true # an empty read while the inner shell writes it: tried again
      pid=${pid//[^0-9]/}
      [[ -n "$pid" ]] && break
    fi
    sleep 0.1
  done
  [[ -n "$pid" ]] || die "could not start $name (no pid file written); see $logfile"
  # shellcheck disable=SC2034 # read by the caller
  STARTED_PID=$pid
}

# stop_pid NAME PID [GRACE_SECONDS]: SIGTERM, then SIGKILL after the grace period.
stop_pid() {
  local name=$1 pid=$2 grace=${3:-20}
  local deadline=$((SECONDS + grace))
  pid_alive "$pid" || return 0
  log_info "stopping $name (pid $pid)"
  kill -TERM "$pid" 2>/dev/null || true
  while pid_alive "$pid"; do
    if ((SECONDS >= deadline)); then
      log_warn "$name (pid $pid) did not stop within ${grace}s; killing it"
      kill -KILL "$pid" 2>/dev/null || true
      sleep 0.5
      break
    fi
    sleep 0.2
  done
  # Reap it if it is our child, so no zombie is left behind.
  wait "$pid" 2>/dev/null || true
}

# stop_named NAME [GRACE_SECONDS]: stops our process NAME found via its pid file.
stop_named() {
  local name=$1 grace=${2:-20} pid file
  if read_live_pid "$name" pid; then
    stop_pid "$name" "$pid" "$grace"
  fi
  pid_file "$name" file
  rm -f "$file"
}

# stop_named_together GRACE_SECONDS NAME...: stops our processes NAME... at once: SIGTERM to each,
# then SIGKILL to those still running after the grace period.
stop_named_together() {
  local grace=$1 name pid deadline file
  shift
  local -A stopping=()
  for name in "$@"; do
    if read_live_pid "$name" pid; then
      stopping[$name]=$pid
      log_info "stopping $name (pid $pid)"
      kill -TERM "$pid" 2>/dev/null || true
    fi
  done
  deadline=$((SECONDS + grace))
  for name in "${!stopping[@]}"; do
    pid=${stopping[$name]}
    while pid_alive "$pid" && ((SECONDS < deadline)); do
      sleep 0.2
    done
    if pid_alive "$pid"; then
      log_warn "$name (pid $pid) did not stop within ${grace}s; killing it"
      kill -KILL "$pid" 2>/dev/null || true
      sleep 0.5
    fi
    wait "$pid" 2>/dev/null || true # reap it if it is our child
  done
  for name in "$@"; do
    pid_file "$name" file
    rm -f "$file"
  done
}

# ---------------------------------------------------------------------------
# The platform's processes: services, their instances, the gateway
#
# Ports from COMMOPS_HTTP_PORT_BASE (B): the gateway at B, plan-service B+1, activity-service B+2,
# indicator-service B+3, crisis-service B+4; instance k of a service 10*(k-1) above its first, so
# that the instances of one service end in the same digit. Instance 1 is named after its service
# (plan-service, as with one instance); instance k>=2 is named plan-service-k, for its pid file,
# log and process marker alike.
# ---------------------------------------------------------------------------

# service:port-offset:database (the gateway owns no database), in start order; stopped in reverse.
COMMOPS_SERVICE_LAYOUT=(
  plan-service:1:commops_plan
  activity-service:2:commops_activity
  indicator-service:3:commops_indicator
  crisis-service:4:commops_crisis
  gateway:0:
)

# instance_name SERVICE K: the name of instance K of SERVICE.
instance_name() {
  if (($2 == 1)); then
    printf '%s\n' "$1"
  else
    printf '%s-%s\n' "$1" "$2"
  fi
}

# instance_port PORT_OFFSET K: the HTTP port of instance K of the service at PORT_OFFSET.
instance_port() { printf '%s\n' "$((COMMOPS_HTTP_PORT_BASE + $1 + 10 * ($2 - 1)))"; }

# True when NAME is a platform process (a service instance or the gateway), not a Kafka node.
is_platform_process() {
  [[ "$1" == gateway || "$1" =~ ^(plan|activity|indicator|crisis)-service(-[1-9][0-9]*)?$ ]]
}

# Prints the names of the platform processes that have a live pid file in this COMMOPS_HOME, in
# stopping order: the gateway, then each service in reverse start order, its last instance first.
# Found from the pid files rather than from COMMOPS_INSTANCES, which may have changed since.
live_platform_processes() {
  local i service file name k
  local -a by_instance=()
  for ((i = ${#COMMOPS_SERVICE_LAYOUT[@]} - 1; i >= 0; i--)); do
    service=${COMMOPS_SERVICE_LAYOUT[i]%%:*}
    by_instance=()
    for file in "$COMMOPS_RUN_DIR/$service".pid "$COMMOPS_RUN_DIR/$service"-*.pid; do
      [[ -f "$file" ]] || continue
      name=${file##*/}
      name=${name%.pid}
      is_platform_process "$name" || continue
      k=1
      [[ "$name" == "$service" ]] || k=${name##*-}
      by_instance[k]=$name
    done
    # by instance number, highest first (plan-service-10 before plan-service-9)
    for ((k = ${#by_instance[@]} ? 99 : 0; k >= 1; k--)); do
      name=${by_instance[k]:-}
      if [[ -n "$name" ]] && read_live_pid "$name" >/dev/null; then
        printf '%s\n' "$name"
      fi
    done
  done
}

# The list of every instance the running start.sh started: "name port" lines.
instances_file() { printf '%s/instances\n' "$COMMOPS_RUN_DIR"; }

# instance_port_of NAME: the HTTP port of the running instance NAME (from the instances file).
instance_port_of() {
  local name port file
  file="$(instances_file)"
  [[ -f "$file" ]] || return 1
  while read -r name port; do
    if [[ "$name" == "$1" ]]; then
      printf '%s\n' "$port"
      return 0
    fi
  done <"$file"
  return 1
}

# ---------------------------------------------------------------------------
# The running start.sh (one per COMMOPS_HOME)
# ---------------------------------------------------------------------------

start_pid_file() { printf '%s/start.pid\n' "$COMMOPS_RUN_DIR"; }

# Prints the pid of a start.sh (other than this script) running for this COMMOPS_HOME.
running_start_pid() {
  local pid=''
  read -r pid 2>/dev/null <"$(start_pid_file)" || true
  pid=${pid//[^0-9]/}
  [[ -n "$pid" && "$pid" != "$$" ]] && pid_alive "$pid" &&
    [[ "$(process_cmdline "$pid")" == *start.sh* ]] || return 1
  printf '%s\n' "$pid"
}

# An instance stopped with "stop.sh NAME" carries a hold: the supervisor leaves it stopped until
# "restart.sh NAME" removes it.
# hold_file NAME [VAR]: printed or put in VAR.
hold_file() {
  if (($# > 1)); then
    printf -v "$2" '%s/%s.held' "$COMMOPS_RUN_DIR" "$1"
  else
    printf '%s/%s.held\n' "$COMMOPS_RUN_DIR" "$1"
  fi
}
