-- Who was reached, rolled up: attendance and new participants by sex, age band and target group, under every
-- unit of the activity's path, by day and by month, with the same form, campaign and verification dimensions as
-- unit_day_total (no cost dimension: a cost per head of a category is not asked for). One row per element,
-- dimension and category, so a formula reading ATTENDANCE{group:STUDENTS} is one range scan of the primary key
-- (unit, element, dimension, category, then the period), as fast as a plain element.
create table unit_day_breakdown (
    org_unit_code text    not null,
    element       text    not null,
    dimension     text    not null,
    category      text    not null,
    day           date    not null,
    form          text    not null,
    campaign_id   text    not null,
    verified      boolean not null,
    value         bigint  not null,
    primary key (org_unit_code, element, dimension, category, day, form, campaign_id, verified)
);
create table unit_month_breakdown (like unit_day_breakdown including all);
alter table unit_month_breakdown rename column day to month;
create table unit_day_breakdown_as_was (like unit_day_breakdown including all);
create table unit_month_breakdown_as_was (like unit_month_breakdown including all);

-- The breakdown counts of each activity's last applied revision ({"ATTENDANCE|group|STUDENTS": 40}): what a
-- correction or withdrawal takes back, and what a recompute sums.
alter table activity_state add column breakdowns jsonb;

-- plan-service's target-group vocabulary, as of this migration: what a formula's {group:…} may name. Codes that
-- campaigns name later join it from the campaigns events.
create table target_group (
    code text primary key
);
insert into target_group (code) values
    ('FREELANCE_WORKERS'), ('STUDENTS'), ('HOUSEHOLDS'), ('EMPLOYERS'), ('EMPLOYEES'), ('ELDERLY'),
    ('PEOPLE_IN_HARDSHIP'), ('FARMERS'), ('ETHNIC_MINORITIES'), ('PENSIONERS');
