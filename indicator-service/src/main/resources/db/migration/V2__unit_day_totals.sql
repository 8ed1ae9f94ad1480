-- Activity totals per org unit and day, already rolled up: a unit's row counts its whole subtree,
-- so any period's value for any unit is one range sum over days.
create table unit_day_total (
    org_unit_code text   not null,
    day           date   not null,
    activities    bigint not null,
    attendance    bigint not null,
    primary key (org_unit_code, day)
);
