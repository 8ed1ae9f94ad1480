-- The change feed paged by change_seq alone could skip a change: a transaction draws its change_seq
-- when it writes, not when it commits, so one that commits late shows a value below a cursor that
-- has already passed it. The feed now orders by the writing transaction's id, then change_seq, and
-- only serves rows whose transaction is older than every transaction still running
-- (pg_snapshot_xmin): whatever commits later has a larger transaction id and sorts after the cursor.
--
-- write_xid is the top-level transaction id (xid8, epoch included, so it never wraps) as a bigint,
-- which the index and the query compare as a plain number. Rows written before this migration keep
-- 0 and come first, in their change_seq order; adding the column with a constant default rewrites
-- nothing, the function default applies to rows inserted from now on (the bulk COPY included).
alter table activity add column write_xid bigint not null default 0;
alter table activity alter column write_xid set default pg_current_xact_id()::text::bigint;

-- Every change draws a new change_seq (the workflow's single changes, bulk corrections); the trigger
-- stamps the transaction that drew it, so no writer can forget to.
create function activity_stamp_write_xid() returns trigger language plpgsql as $$
begin
    new.write_xid := pg_current_xact_id()::text::bigint;
    return new;
end
$$;
create trigger activity_stamp_write_xid before update of change_seq on activity
    for each row when (new.change_seq is distinct from old.change_seq)
    execute function activity_stamp_write_xid();

create index activity_feed_order on activity (write_xid, change_seq);
drop index activity_change_seq_order;
