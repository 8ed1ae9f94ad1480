#!/usr/bin/env bash
# Creates the platform's login role and its four databases, each owned by that
# role (the services then create their own tables with Flyway at start).
#
# The postgres image runs the files of /docker-entrypoint-initdb.d once, when it
# initialises an EMPTY data volume; on a volume that already holds a cluster
# nothing here runs again. To change the password afterwards, either run
#   ALTER ROLE commops PASSWORD '...';
# through `docker compose exec postgres psql -U postgres`, or drop the volume
# (`docker compose down -v`, which deletes all data) and start again.
#
# Input (environment of the postgres container, set by compose.yaml):
#   COMMOPS_DB_USER       the role (default commops)
#   COMMOPS_DB_PASSWORD   its password (required)
#   COMMOPS_DATABASES     space-separated database names (default: the four)
#
# Works whether the entrypoint executes this file or sources it (it sources
# files without the executable bit): it neither calls exit nor sets -u.
set -eo pipefail

: "${COMMOPS_DB_USER:=commops}"
: "${COMMOPS_DB_PASSWORD:?COMMOPS_DB_PASSWORD must be set for the postgres container}"
: "${COMMOPS_DATABASES:=commops_plan commops_activity commops_indicator commops_crisis}"

# Quotes a value for psql's \set: backslashes doubled, single quotes doubled.
commops_psql_quote() {
  local v=${1//\\/\\\\}
  printf "'%s'" "${v//\'/\'\'}"
}

# The SQL goes through stdin, so the password never appears on a command line.
{
  printf '\\set role_name %s\n' "$(commops_psql_quote "$COMMOPS_DB_USER")"
  printf '\\set role_password %s\n' "$(commops_psql_quote "$COMMOPS_DB_PASSWORD")"
  cat <<'SQL'
SELECT format('CREATE ROLE %I', :'role_name')
 WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'role_name') \gexec
SELECT format('ALTER ROLE %I WITH LOGIN NOSUPERUSER NOCREATEROLE PASSWORD %L', :'role_name', :'role_password') \gexec
SQL
  for commops_db in $COMMOPS_DATABASES; do
    printf '\\set db_name %s\n' "$(commops_psql_quote "$commops_db")"
    cat <<'SQL'
SELECT format('CREATE DATABASE %I OWNER %I ENCODING ''UTF8'' TEMPLATE template0', :'db_name', :'role_name')
 WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = :'db_name') \gexec
SQL
  done
} | psql -v ON_ERROR_STOP=1 --no-psqlrc --quiet --username "${POSTGRES_USER:-postgres}" --dbname postgres

echo "commops: role ${COMMOPS_DB_USER} and databases ${COMMOPS_DATABASES} created"
