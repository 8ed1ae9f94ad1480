-- What this service knows of plan-service's hierarchy, built from org-unit events only.
create table org_unit_replica (
    code       text        primary key,
    name       text        not null,
    level_code text        not null,
    path       text        not null,
    valid_to   date,
    updated_at timestamptz not null
);
