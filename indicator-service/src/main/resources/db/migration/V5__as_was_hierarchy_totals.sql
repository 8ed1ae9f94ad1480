-- Reports "as the hierarchy was": besides the totals re-mapped to today's hierarchy (a merged unit's whole
-- past counts toward its successor), a second pair of rolled-up tables attributes each activity to the unit
-- and ancestors it had on the activity's day, and is never re-mapped. Same shape and keys as the current
-- pair, so a scorecard asked "as was" reads as few rows as one asked on today's hierarchy.
create table unit_day_total_as_was (like unit_day_total including all);
create table unit_month_total_as_was (like unit_month_total including all);

-- Where each unit hung from each effective date on, from plan-service's org-unit events: what an activity's
-- day is looked up in to find the path it had then (the path on the event may be later, for a late report).
create table unit_path_history (
    code           text not null,
    effective_from date not null,
    path           text not null,
    primary key (code, effective_from)
);

-- The path an activity counts under "as was"; never re-mapped by later moves or merges.
alter table activity_state add column as_was_path text;

-- Activities applied before this: their re-mapped path is all that is known of where they hung.
update activity_state set as_was_path = org_unit_path;
alter table activity_state alter column as_was_path set not null;

insert into unit_day_total_as_was select * from unit_day_total;
insert into unit_month_total_as_was select * from unit_month_total;
