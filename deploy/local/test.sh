#!/usr/bin/env bash
# Runs the project's tests against a real PostgreSQL and a real Kafka broker:
# with no arguments, first shellcheck on every script; then makes sure both
# servers are there (see postgres.sh and kafka.sh), exports the COMMOPS_*
# settings the test harness reads, runs "./mvnw -B verify" and,
# when that passed and no Maven arguments were given, the fault suite's small
# subset (faults/run.sh: one instance killed under load, one PostgreSQL
# restart, two instances of each service on one broker, on ports and a
# PostgreSQL cluster of its own). Extra arguments go to Maven, e.g.:
#
#   deploy/local/test.sh
#   deploy/local/test.sh -pl plan-service -am -Dtest=PlanResourceTest
#   COMMOPS_TEST_FAULTS=0 deploy/local/test.sh      without the fault subset
#   COMMOPS_TEST_SHELLCHECK=0 deploy/local/test.sh  without shellcheck
#
# The test harness creates its own fresh <db>_test databases. Kafka and
# PostgreSQL are left running for the next run (deploy/local/kafka.sh stop). The exit
# status is Maven's, or the fault subset's when Maven passed.
set -euo pipefail

# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
# shellcheck source=postgres.sh
source "$COMMOPS_SCRIPT_DIR/postgres.sh"
# shellcheck source=kafka.sh
source "$COMMOPS_SCRIPT_DIR/kafka.sh"

# Every test JVM publishes to its own test.<run-id>.* topics; drop them so the broker does not
# collect them run after run. Only possible with the broker's tools, i.e. once kafka.sh fetched them.
drop_test_topics() {
  [[ -d "${KAFKA_LIBS:-}" ]] || return 0
  kafka_tool org.apache.kafka.tools.TopicCommand --bootstrap-server "$COMMOPS_KAFKA_BOOTSTRAP" \
    --delete --if-exists --topic 'test\..*' >/dev/null 2>&1 || log_warn "could not delete this run's test topics"
}

# The api-clients module lints the merged OpenAPI document and compiles the TypeScript client
# with tools from the npm registry: Node.js must be there (Debian's package is enough).
ensure_node() {
  if command -v node >/dev/null 2>&1 && command -v npx >/dev/null 2>&1; then
    return 0
  fi
  log_info "installing Node.js and npm from Debian's packages (needed by api-clients)"
  as_root apt-get update -qq >/dev/null || true
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null ||
    die "cannot install Node.js; install Node.js 18+ with npm, or skip the module with -pl '!api-clients'"
}

# Every shell script of the repository, checked by shellcheck (settings in .shellcheckrc) before
# Maven runs, so that a script broken on a branch fails the run that would use it.
lint_scripts() {
  local -a scripts
  if ! command -v shellcheck >/dev/null 2>&1; then
    log_info "installing shellcheck from Debian's packages"
    as_root apt-get update -qq >/dev/null || true
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq shellcheck >/dev/null ||
      die "cannot install shellcheck; install it, or run with COMMOPS_TEST_SHELLCHECK=0"
  fi
  cd "$COMMOPS_REPO_ROOT"
  mapfile -t scripts < <(git ls-files '*.sh' .ci/run 2>/dev/null || find . -name '*.sh' -not -path '*/node_modules/*')
  log_info "shellcheck: ${#scripts[@]} scripts"
  shellcheck -x "${scripts[@]}" || die "shellcheck found problems in the scripts (above)"
}

main() {
  local mvn status
  trap 'exit 130' INT
  trap 'exit 143' TERM

  if (($# == 0)) && [[ "${COMMOPS_TEST_SHELLCHECK:-1}" == 1 ]]; then
    lint_scripts
  fi
  ensure_postgres
  ensure_kafka
  ensure_node
  # commops_load_config (called by both) exported COMMOPS_HOME, COMMOPS_DB_HOST,
  # COMMOPS_DB_PORT, COMMOPS_DB_USER, COMMOPS_DB_PASSWORD, COMMOPS_KAFKA_BOOTSTRAP.

  mvn="$(mvn_cmd)"
  log_info "running: $mvn -B verify $*"
  cd "$COMMOPS_REPO_ROOT"
  status=0
  "$mvn" -B verify "$@" || status=$?
  drop_test_topics
  if ((status != 0)); then
    log_error "the build or the tests failed (Maven exit status $status)"
    return "$status"
  fi
  if (($# == 0)) && [[ "${COMMOPS_TEST_FAULTS:-1}" == 1 ]]; then
    run_fault_subset || status=$?
  fi
  return "$status"
}

# The subset of the fault suite that proves, on every run, that an instance killed with requests in flight and a
# PostgreSQL restart lose and duplicate nothing and heal without a hand, on one broker to keep it to minutes.
# Its own environment, so that nothing of this script's broker, database or COMMOPS_HOME leaks into it.
run_fault_subset() {
  log_info "running the fault subset: faults/run.sh with COMMOPS_FAULTS=kill-instance,postgres-restart"
  env -u COMMOPS_HOME -u COMMOPS_KAFKA_BOOTSTRAP -u COMMOPS_DB_PORT -u COMMOPS_DB_PASSWORD \
    COMMOPS_SKIP_BUILD=1 COMMOPS_FAULTS=kill-instance,postgres-restart COMMOPS_KAFKA_BROKERS=1 COMMOPS_INSTANCES=2 \
    FAULTS_STEADY_SECONDS="${FAULTS_STEADY_SECONDS:-15}" \
    "$COMMOPS_REPO_ROOT/faults/run.sh" || {
    local status=$?
    log_error "the fault subset failed (exit status $status; its table and findings are above)"
    return "$status"
  }
}

main "$@"
