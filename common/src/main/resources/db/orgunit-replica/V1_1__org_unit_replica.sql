-- A replica of plan-service's org units, built from its org-unit events only (services that replicate
-- add db/orgunit-replica to their Flyway locations).
create table org_unit_replica (
    code       text        primary key,
    name       text        not null,
    level_code text        not null,
    path       text        not null,
    valid_to   date,
    updated_at timestamptz not null
);
