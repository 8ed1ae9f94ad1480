-- Reorganisation: units merge, split, close and move with effective dates, and other services
-- re-map history, so every state a unit has had is kept with the dates it held.
alter table org_unit add column successor_code text;

-- One row per state of a unit, in force from effective_from until the day before effective_to
-- (null: still in force). "As of" queries pick the row in force on the date asked.
create table org_unit_version (
    id             bigint generated always as identity primary key,
    code           text        not null,
    name           text        not null,
    search_name    text        not null,
    level_code     text        not null references org_level (code),
    parent_code    text,
    path           text        not null,
    valid_from     date        not null,
    valid_to       date,
    successor_code text,
    change         text        not null,
    effective_from date        not null,
    effective_to   date,
    recorded_at    timestamptz not null,
    check (effective_to is null or effective_from < effective_to)
);

create index org_unit_version_code on org_unit_version (code, effective_from);
create index org_unit_version_path on org_unit_version (path text_pattern_ops);

insert into org_unit_version (code, name, search_name, level_code, parent_code, path, valid_from, valid_to,
                              change, effective_from, recorded_at)
select u.code, u.name, u.search_name, u.level_code, p.code, u.path, u.valid_from, u.valid_to,
       'created', u.valid_from, u.created_at
from org_unit u left join org_unit p on p.id = u.parent_id;
