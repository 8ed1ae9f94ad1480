-- Offline clients sync communicators from a delta feed (GET /api/v1/communicators/changes) on the
-- activity feed's contract: rows in the order of the transaction that wrote them (write_xid), then
-- change_seq, served only up to the oldest transaction still running, so a change that commits late
-- is served later, never skipped. The trigger stamps every insert and update, so no writer can
-- forget to; changed_at answers updatedSince as a date-time. Contacts live in their own table and
-- never reach the feed.
create sequence communicator_change_seq;

create function communicator_stamp_change() returns trigger language plpgsql as $$
begin
    new.change_seq := nextval('communicator_change_seq');
    new.write_xid := pg_current_xact_id()::text::bigint;
    new.changed_at := now();
    return new;
end
$$;

-- Rows already there keep write_xid 0 and come first, each with a change_seq of its own.
alter table communicator add column change_seq bigint, add column write_xid bigint not null default 0,
    add column changed_at timestamptz;
update communicator set change_seq = nextval('communicator_change_seq'), changed_at = created_at;
alter table communicator alter column change_seq set not null, alter column changed_at set not null;
create trigger communicator_stamp_change before insert or update on communicator
    for each row execute function communicator_stamp_change();
create index communicator_feed_order on communicator (write_xid, change_seq);
