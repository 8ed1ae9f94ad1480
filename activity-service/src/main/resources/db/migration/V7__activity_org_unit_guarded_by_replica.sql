-- Every activity's org unit is looked up, in the writing transaction, before the row is written
-- (ActivityWriter rejects an unknown one by field), and a replicated org unit is never deleted:
-- closing, merging or splitting one sets valid_to and successor_code. The foreign key re-checked
-- each row with a locking lookup of its own, about 12 µs a row in a bulk COPY, a third of the
-- database's work for an activity. What it guaranteed is kept by refusing deletion instead, on the
-- side that changes a few times a year.
alter table activity drop constraint activity_org_unit_code_fkey;

create function org_unit_replica_refuse_deletion() returns trigger language plpgsql as $$
begin
    raise exception 'org units are closed (valid_to, successor_code), never deleted: activities refer to them'
        using errcode = 'restrict_violation';
end;
$$;

create trigger org_unit_replica_never_deleted before delete on org_unit_replica
    for each row execute function org_unit_replica_refuse_deletion();
create trigger org_unit_replica_never_truncated before truncate on org_unit_replica
    for each statement execute function org_unit_replica_refuse_deletion();
