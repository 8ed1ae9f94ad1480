-- Offline clients sync feedback and crisis cases from a delta feed (GET /api/v1/feedback/changes,
-- /api/v1/crisis-cases/changes) on activity-service's contract: rows in the order of the transaction
-- that wrote them (write_xid), then change_seq, served only up to the oldest transaction still
-- running, so a change that commits late is served later, never skipped. The trigger stamps every
-- insert and update, the batch intake's included, so no writer can forget to; changed_at answers
-- updatedSince given as a date-time.
create sequence sync_change_seq;

create function sync_stamp_change() returns trigger language plpgsql as $$
begin
    new.change_seq := nextval('sync_change_seq');
    new.write_xid := pg_current_xact_id()::text::bigint;
    new.changed_at := now();
    return new;
end
$$;

-- Rows already there keep write_xid 0 and come first, each with a change_seq of its own.
alter table feedback add column change_seq bigint, add column write_xid bigint not null default 0,
    add column changed_at timestamptz;
update feedback set change_seq = nextval('sync_change_seq'), changed_at = created_at;
alter table feedback alter column change_seq set not null, alter column changed_at set not null;
create trigger feedback_sync_stamp before insert or update on feedback
    for each row execute function sync_stamp_change();
create index feedback_sync_order on feedback (write_xid, change_seq);

alter table crisis_case add column change_seq bigint, add column write_xid bigint not null default 0,
    add column changed_at timestamptz;
update crisis_case set change_seq = nextval('sync_change_seq'), changed_at = created_at;
alter table crisis_case alter column change_seq set not null, alter column changed_at set not null;
create trigger crisis_case_sync_stamp before insert or update on crisis_case
    for each row execute function sync_stamp_change();
create index crisis_case_sync_order on crisis_case (write_xid, change_seq);
