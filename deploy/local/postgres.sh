#!/usr/bin/env bash
# Makes sure a PostgreSQL server is reachable and prepared for the platform:
#   - uses a server that already answers at COMMOPS_DB_HOST:COMMOPS_DB_PORT;
#   - else starts an installed Debian cluster, or installs PostgreSQL with apt;
#   - with COMMOPS_PG_CLUSTER=<name>, uses that Debian cluster on COMMOPS_DB_PORT instead,
#     creating it if missing (pg_createcluster <newest version> <name> -p COMMOPS_DB_PORT --start):
#     a server of the platform's own, which fault trials may stop without touching anyone else's;
#   - creates/updates the login role COMMOPS_DB_USER (password, CREATEDB) and
#     the databases commops_plan, commops_activity, commops_indicator,
#     commops_crisis owned by it;
#   - checks that the role can log in with its password over TCP.
#
# Standalone:
#   deploy/local/postgres.sh [ensure]          all of the above
#   deploy/local/postgres.sh status
#   deploy/local/postgres.sh start             start the server if it is down, then as ensure
#   deploy/local/postgres.sh stop [MODE]       stop the COMMOPS_PG_CLUSTER server (pg_ctlcluster;
#                                              MODE fast, the default, or immediate: a crash)
#   deploy/local/postgres.sh restart [MODE]    stop, then start
# Sourced:     source deploy/local/postgres.sh; ensure_postgres
#
# stop and restart act only on the cluster named by COMMOPS_PG_CLUSTER: the machine's default
# server is shared infrastructure, which these scripts never stop.

# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

COMMOPS_DATABASES=(commops_plan commops_activity commops_indicator commops_crisis)

# The admin psql command, chosen by pg_choose_admin.
PG_ADMIN_PSQL=()

pg_host_is_local() {
  case "$COMMOPS_DB_HOST" in
    127.0.0.1 | localhost | ::1) return 0 ;;
    *) return 1 ;;
  esac
}

pg_server_answers() {
  port_open "$COMMOPS_DB_HOST" "$COMMOPS_DB_PORT"
}

# Prints "<version> <cluster>" of the Debian cluster listening on our port,
# else of the first cluster named main, else of the first cluster at all.
pg_find_debian_cluster() {
  local ver name port _rest chosen='' main='' first=''
  command -v pg_lsclusters >/dev/null 2>&1 || return 1
  while read -r ver name port _rest; do
    [[ "$ver" =~ ^[0-9]+$ ]] || continue
    [[ -z "$first" ]] && first="$ver $name"
    [[ "$name" == main && -z "$main" ]] && main="$ver $name"
    [[ "$port" == "$COMMOPS_DB_PORT" && -z "$chosen" ]] && chosen="$ver $name"
  done < <(pg_lsclusters --no-header 2>/dev/null || true)
  chosen="${chosen:-${main:-$first}}"
  [[ -n "$chosen" ]] || return 1
  printf '%s\n' "$chosen"
}

pg_start_debian_cluster() {
  local ver=$1 name=$2 port status
  read -r port status < <(pg_lsclusters --no-header 2>/dev/null |
    awk -v v="$ver" -v n="$name" '$1==v && $2==n {print $3, $4}') || true
  if [[ -n "$port" && "$port" != "$COMMOPS_DB_PORT" ]]; then
    log_warn "cluster $ver/$name listens on port $port, not COMMOPS_DB_PORT=$COMMOPS_DB_PORT;" \
      "set COMMOPS_DB_PORT=$port to use it"
  fi
  if [[ "${status:-}" == online* ]]; then
    return 0 # e.g. just started by the package's own install script
  fi
  log_info "starting PostgreSQL cluster $ver/$name"
  # --skip-systemctl-redirect: works with and without systemd (containers, WSL, CI).
  as_root pg_ctlcluster --skip-systemctl-redirect "$ver" "$name" start ||
    die "could not start PostgreSQL cluster $ver/$name; see /var/log/postgresql/postgresql-$ver-$name.log"
}

pg_install() {
  command -v apt-get >/dev/null 2>&1 ||
    die "no PostgreSQL server answers at $COMMOPS_DB_HOST:$COMMOPS_DB_PORT and apt-get is not available to install one;" \
      "install PostgreSQL yourself or point COMMOPS_DB_HOST/COMMOPS_DB_PORT at a server"
  log_info "installing PostgreSQL with apt-get (this happens once)"
  as_root apt-get update
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y postgresql
}

# Gets a server answering at COMMOPS_DB_HOST:COMMOPS_DB_PORT, starting or
# installing a local one when needed.
pg_ensure_server() {
  local cluster
  if [[ -n "$COMMOPS_PG_CLUSTER" ]]; then
    pg_ensure_dedicated_cluster
    return
  fi
  if pg_server_answers; then
    log_info "PostgreSQL answers at $COMMOPS_DB_HOST:$COMMOPS_DB_PORT"
    return 0
  fi
  pg_host_is_local ||
    die "no PostgreSQL server answers at $COMMOPS_DB_HOST:$COMMOPS_DB_PORT (a remote host is not started or installed by this script)"

  if ! cluster="$(pg_find_debian_cluster)"; then
    pg_install
    cluster="$(pg_find_debian_cluster)" ||
      die "PostgreSQL was installed but no cluster exists (see pg_lsclusters; create one with: pg_createcluster <version> main)"
  fi
  # shellcheck disable=SC2086 # "<version> <name>" splits into two arguments on purpose
  pg_start_debian_cluster $cluster
  wait_for_port "$COMMOPS_DB_HOST" "$COMMOPS_DB_PORT" 60 ||
    die "PostgreSQL cluster $cluster started but nothing answers at $COMMOPS_DB_HOST:$COMMOPS_DB_PORT after 60s"
  log_info "PostgreSQL answers at $COMMOPS_DB_HOST:$COMMOPS_DB_PORT"
}

# ---------------------------------------------------------------------------
# A dedicated cluster (COMMOPS_PG_CLUSTER)
# ---------------------------------------------------------------------------

# Prints "<version> <port> <status>" of the Debian cluster named COMMOPS_PG_CLUSTER (the one on
# COMMOPS_DB_PORT when several versions have one of that name); fails when there is none.
pg_dedicated_cluster() {
  local ver name port status _rest found=''
  command -v pg_lsclusters >/dev/null 2>&1 || return 1
  while read -r ver name port status _rest; do
    [[ "$ver" =~ ^[0-9]+$ && "$name" == "$COMMOPS_PG_CLUSTER" ]] || continue
    if [[ -z "$found" || "$port" == "$COMMOPS_DB_PORT" ]]; then
      found="$ver $port $status"
    fi
  done < <(pg_lsclusters --no-header 2>/dev/null || true)
  [[ -n "$found" ]] || return 1
  printf '%s\n' "$found"
}

# The newest PostgreSQL version installed (a folder of /usr/lib/postgresql).
pg_newest_version() {
  local dir ver newest=0
  for dir in /usr/lib/postgresql/*/bin/postgres; do
    [[ -x "$dir" ]] || continue
    ver=${dir#/usr/lib/postgresql/}
    ver=${ver%%/*}
    [[ "$ver" =~ ^[0-9]+$ ]] && ((ver > newest)) && newest=$ver
  done
  ((newest > 0)) || return 1
  printf '%s\n' "$newest"
}

pg_check_dedicated_settings() {
  pg_host_is_local ||
    die "COMMOPS_PG_CLUSTER=$COMMOPS_PG_CLUSTER needs COMMOPS_DB_HOST on this machine (got $COMMOPS_DB_HOST)"
  [[ "$COMMOPS_PG_CLUSTER" =~ ^[A-Za-z0-9][A-Za-z0-9_.-]*$ ]] ||
    die "COMMOPS_PG_CLUSTER must be a Debian cluster name (letters, digits, ., _ and -; got '$COMMOPS_PG_CLUSTER')"
}

# Uses the cluster COMMOPS_PG_CLUSTER on COMMOPS_DB_PORT: created if missing, started if down.
pg_ensure_dedicated_cluster() {
  local ver port status
  pg_check_dedicated_settings
  if ! read -r ver port status < <(pg_dedicated_cluster); then
    command -v pg_createcluster >/dev/null 2>&1 || pg_install
    ver="$(pg_newest_version)" || die "no PostgreSQL server is installed under /usr/lib/postgresql"
    if pg_server_answers; then
      die "port $COMMOPS_DB_PORT is used by another server; choose a free COMMOPS_DB_PORT for the cluster $COMMOPS_PG_CLUSTER"
    fi
    log_info "creating the PostgreSQL cluster $ver/$COMMOPS_PG_CLUSTER on port $COMMOPS_DB_PORT"
    # Room for every instance's pool: 16 connections a service instance at most, several instances.
    as_root pg_createcluster "$ver" "$COMMOPS_PG_CLUSTER" -p "$COMMOPS_DB_PORT" --start \
      -o max_connections=300 >&2 ||
      die "could not create the PostgreSQL cluster $ver/$COMMOPS_PG_CLUSTER"
    read -r ver port status < <(pg_dedicated_cluster) ||
      die "pg_createcluster ran but pg_lsclusters does not list $COMMOPS_PG_CLUSTER"
  fi
  if [[ "$port" != "$COMMOPS_DB_PORT" ]]; then
    die "the PostgreSQL cluster $ver/$COMMOPS_PG_CLUSTER listens on port $port, not COMMOPS_DB_PORT=$COMMOPS_DB_PORT;" \
      "set COMMOPS_DB_PORT=$port"
  fi
  if [[ "$status" != online* ]]; then
    if pg_server_answers; then
      die "port $COMMOPS_DB_PORT is used by another server while the cluster $ver/$COMMOPS_PG_CLUSTER is down"
    fi
    pg_start_debian_cluster "$ver" "$COMMOPS_PG_CLUSTER"
  fi
  wait_for_port "$COMMOPS_DB_HOST" "$COMMOPS_DB_PORT" 60 ||
    die "PostgreSQL cluster $ver/$COMMOPS_PG_CLUSTER started but nothing answers at $COMMOPS_DB_HOST:$COMMOPS_DB_PORT after 60s"
  log_info "PostgreSQL cluster $ver/$COMMOPS_PG_CLUSTER answers at $COMMOPS_DB_HOST:$COMMOPS_DB_PORT"
}

# pg_stop_dedicated_cluster [fast|immediate]: stops the COMMOPS_PG_CLUSTER server. "immediate" is
# a crash as far as the services can tell (no checkpoint; the next start recovers from the WAL).
pg_stop_dedicated_cluster() {
  local mode=${1:-fast} ver port status
  [[ "$mode" == fast || "$mode" == immediate || "$mode" == smart ]] ||
    die "unknown stop mode '$mode' (fast, immediate or smart)"
  [[ -n "$COMMOPS_PG_CLUSTER" ]] ||
    die "set COMMOPS_PG_CLUSTER to the platform's own Debian cluster: the default server is shared and never stopped here"
  pg_check_dedicated_settings
  read -r ver port status < <(pg_dedicated_cluster) ||
    die "there is no PostgreSQL cluster named $COMMOPS_PG_CLUSTER (pg_lsclusters)"
  if [[ "$status" != online* ]]; then
    log_info "PostgreSQL cluster $ver/$COMMOPS_PG_CLUSTER (port $port) is not running"
    return 0
  fi
  log_info "stopping PostgreSQL cluster $ver/$COMMOPS_PG_CLUSTER (port $port, mode $mode)"
  as_root pg_ctlcluster --skip-systemctl-redirect "$ver" "$COMMOPS_PG_CLUSTER" stop -m "$mode" ||
    die "could not stop PostgreSQL cluster $ver/$COMMOPS_PG_CLUSTER; see /var/log/postgresql/postgresql-$ver-$COMMOPS_PG_CLUSTER.log"
}

# Picks how to administer the server: as the postgres OS user over the local
# socket (no password needed on a Debian install), else over TCP as
# COMMOPS_PG_ADMIN_USER with the optional COMMOPS_PG_ADMIN_PASSWORD.
pg_choose_admin() {
  local candidate=()
  if pg_host_is_local && id postgres >/dev/null 2>&1; then
    if [[ $(id -u) -eq 0 ]] && command -v runuser >/dev/null 2>&1; then
      candidate=(runuser -u postgres -- psql -X -q -v ON_ERROR_STOP=1 -p "$COMMOPS_DB_PORT" -d postgres)
    elif [[ $(id -u) -ne 0 ]] && command -v sudo >/dev/null 2>&1 && sudo -n -u postgres true 2>/dev/null; then
      candidate=(sudo -n -u postgres psql -X -q -v ON_ERROR_STOP=1 -p "$COMMOPS_DB_PORT" -d postgres)
    fi
    if ((${#candidate[@]})) && "${candidate[@]}" -Atc 'select 1' >/dev/null 2>&1; then
      PG_ADMIN_PSQL=("${candidate[@]}")
      log_info "administering PostgreSQL as the postgres OS user over the local socket"
      return 0
    fi
  fi
  local envs=(PGCONNECT_TIMEOUT=10)
  if [[ -n "${COMMOPS_PG_ADMIN_PASSWORD:-}" ]]; then
    envs+=(PGPASSWORD="$COMMOPS_PG_ADMIN_PASSWORD")
  fi
  # -w: never prompt for a password (it would hang a CI run).
  candidate=(env "${envs[@]}" psql -X -q -w -v ON_ERROR_STOP=1
    -h "$COMMOPS_DB_HOST" -p "$COMMOPS_DB_PORT" -U "$COMMOPS_PG_ADMIN_USER" -d postgres)
  if "${candidate[@]}" -Atc 'select 1' >/dev/null 2>&1; then
    PG_ADMIN_PSQL=("${candidate[@]}")
    log_info "administering PostgreSQL over TCP as $COMMOPS_PG_ADMIN_USER"
    return 0
  fi
  return 1
}

# Quotes a value for psql's \set (single quotes doubled, backslashes escaped).
pg_quote_psql_var() {
  local v=${1//\\/\\\\}
  printf "'%s'" "${v//\'/\'\'}"
}

# Creates or updates the role and the databases. The SQL goes through stdin so
# that the password never appears on a command line.
pg_setup_role_and_databases() {
  local db
  {
    printf '\\set role_name %s\n' "$(pg_quote_psql_var "$COMMOPS_DB_USER")"
    printf '\\set role_password %s\n' "$(pg_quote_psql_var "$COMMOPS_DB_PASSWORD")"
    cat <<'SQL'
SELECT format('CREATE ROLE %I', :'role_name')
 WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'role_name') \gexec
-- Password auth over TCP for the services; CREATEDB for the test harness's <db>_test databases.
SELECT format('ALTER ROLE %I WITH LOGIN CREATEDB PASSWORD %L', :'role_name', :'role_password') \gexec
SQL
    for db in "${COMMOPS_DATABASES[@]}"; do
      printf '\\set db_name %s\n' "$(pg_quote_psql_var "$db")"
      cat <<'SQL'
SELECT format('CREATE DATABASE %I OWNER %I ENCODING ''UTF8'' TEMPLATE template0', :'db_name', :'role_name')
 WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = :'db_name') \gexec
-- A database created earlier by hand may belong to someone else: the role must own it.
SELECT format('ALTER DATABASE %I OWNER TO %I', :'db_name', :'role_name')
  FROM pg_database d JOIN pg_roles r ON r.oid = d.datdba
 WHERE d.datname = :'db_name' AND r.rolname <> :'role_name' \gexec
SQL
    done
  } | "${PG_ADMIN_PSQL[@]}" >/dev/null ||
    die "could not create the role $COMMOPS_DB_USER or its databases"
  log_info "role $COMMOPS_DB_USER and databases ${COMMOPS_DATABASES[*]} are ready"
}

# True when the role logs in with its password over TCP.
pg_role_can_login() {
  local db=${1:-${COMMOPS_DATABASES[0]}}
  PGPASSWORD="$COMMOPS_DB_PASSWORD" PGCONNECT_TIMEOUT=10 \
    psql -X -w -q -h "$COMMOPS_DB_HOST" -p "$COMMOPS_DB_PORT" -U "$COMMOPS_DB_USER" -d "$db" \
    -Atc 'select 1' >/dev/null 2>"$COMMOPS_RUN_DIR/pg-login.err"
}

# When password login over TCP is refused by pg_hba.conf (for instance a
# hand-made "host ... reject" or "ident" rule), adds scram rules for our role
# on the loopback addresses at the top of the file and reloads the server.
pg_fix_hba() {
  local hba
  ((${#PG_ADMIN_PSQL[@]})) || return 1
  [[ "${PG_ADMIN_PSQL[0]}" == runuser || "${PG_ADMIN_PSQL[0]}" == sudo ]] || return 1
  hba="$("${PG_ADMIN_PSQL[@]}" -Atc 'show hba_file')" || return 1
  grep -q "^host[[:space:]]\+all[[:space:]]\+${COMMOPS_DB_USER}[[:space:]]\+127.0.0.1/32" "$hba" 2>/dev/null && return 1
  log_warn "password login over TCP was refused; adding loopback scram-sha-256 rules for $COMMOPS_DB_USER to $hba"
  as_root cp -p "$hba" "$hba.commops-backup"
  as_root sed -i "1i host all $COMMOPS_DB_USER 127.0.0.1/32 scram-sha-256\nhost all $COMMOPS_DB_USER ::1/128 scram-sha-256" "$hba"
  "${PG_ADMIN_PSQL[@]}" -Atc 'select pg_reload_conf()' >/dev/null
  sleep 1
}

pg_verify_role_login() {
  local db
  for db in "${COMMOPS_DATABASES[@]}"; do
    if ! pg_role_can_login "$db"; then
      if [[ "$db" == "${COMMOPS_DATABASES[0]}" ]] && pg_fix_hba && pg_role_can_login "$db"; then
        continue
      fi
      cat "$COMMOPS_RUN_DIR/pg-login.err" >&2 || true
      die "role $COMMOPS_DB_USER cannot log in to $db at $COMMOPS_DB_HOST:$COMMOPS_DB_PORT with its password;" \
        "check pg_hba.conf allows 'host all $COMMOPS_DB_USER 127.0.0.1/32 scram-sha-256'"
    fi
  done
  rm -f "$COMMOPS_RUN_DIR/pg-login.err"
  log_info "verified: $COMMOPS_DB_USER logs in with its password over TCP at $COMMOPS_DB_HOST:$COMMOPS_DB_PORT"
}

# The entry point: server up, role and databases ready, password login verified.
ensure_postgres() {
  commops_load_config
  require_cmd psql
  pg_ensure_server
  if pg_choose_admin; then
    pg_setup_role_and_databases
  elif pg_role_can_login; then
    # A server we cannot administer (e.g. managed), where the role already exists.
    log_warn "cannot administer PostgreSQL (neither as the postgres OS user nor as $COMMOPS_PG_ADMIN_USER over TCP);" \
      "assuming role $COMMOPS_DB_USER and its databases were prepared by hand"
  else
    die "cannot administer PostgreSQL at $COMMOPS_DB_HOST:$COMMOPS_DB_PORT: run as root or a sudoer on the database machine," \
      "or set COMMOPS_PG_ADMIN_USER / COMMOPS_PG_ADMIN_PASSWORD for an account allowed to create roles and databases"
  fi
  pg_verify_role_login
}

postgres_status() {
  commops_load_config
  if pg_server_answers; then
    log_info "PostgreSQL answers at $COMMOPS_DB_HOST:$COMMOPS_DB_PORT"
  else
    log_info "no PostgreSQL answers at $COMMOPS_DB_HOST:$COMMOPS_DB_PORT"
    return 1
  fi
  if pg_role_can_login; then
    log_info "role $COMMOPS_DB_USER logs in to ${COMMOPS_DATABASES[0]} with its password"
  else
    log_info "role $COMMOPS_DB_USER cannot log in to ${COMMOPS_DATABASES[0]} (run: deploy/local/postgres.sh)"
    return 1
  fi
}

postgres_main() {
  local cmd=${1:-ensure} started=$SECONDS
  shift || true
  case "$cmd" in
    ensure | start)
      ensure_postgres
      [[ "$cmd" == ensure ]] || log_info "started and ready after $((SECONDS - started))s"
      ;;
    stop)
      commops_load_config
      pg_stop_dedicated_cluster "$@"
      ;;
    restart)
      commops_load_config
      pg_stop_dedicated_cluster "$@"
      ensure_postgres
      log_info "restarted and ready after $((SECONDS - started))s"
      ;;
    status) postgres_status ;;
    *)
      echo "usage: $0 [ensure|status|start|stop [fast|immediate]|restart [fast|immediate]]" >&2
      exit 2
      ;;
  esac
}

if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
  set -euo pipefail
  postgres_main "$@"
fi
