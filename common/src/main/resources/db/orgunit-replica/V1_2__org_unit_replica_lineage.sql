-- Reorganisation (merge, split, move, close) needs the replica to know where a unit hung, since when,
-- and who took it over. Every org-unit event carries the unit's whole state, so these fill in as
-- events arrive.
alter table org_unit_replica
    add column parent_code    text,
    add column valid_from     date,
    add column successor_code text;

create index org_unit_replica_successor on org_unit_replica (successor_code) where successor_code is not null;
