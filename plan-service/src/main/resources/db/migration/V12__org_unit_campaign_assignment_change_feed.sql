-- Offline clients sync org units, campaigns and assignments from delta feeds
-- (GET /api/v1/org-units/changes, /campaigns/changes, /assignments/changes) on activity-service's
-- contract: rows in the order of the transaction that wrote them (write_xid), then change_seq,
-- served only up to the oldest transaction still running, so a change that commits late is served
-- later, never skipped. The trigger stamps every insert and update (imports, reorganisations and
-- takeovers included), so no writer can forget to; changed_at answers updatedSince as a date-time.
-- An assignment's progress lives in assignment_rollup and is read live: it does not make a change.
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
alter table org_unit add column change_seq bigint, add column write_xid bigint not null default 0,
    add column changed_at timestamptz;
update org_unit set change_seq = nextval('sync_change_seq'), changed_at = created_at;
alter table org_unit alter column change_seq set not null, alter column changed_at set not null;
create trigger org_unit_sync_stamp before insert or update on org_unit
    for each row execute function sync_stamp_change();
create index org_unit_sync_order on org_unit (write_xid, change_seq);

alter table campaign add column change_seq bigint, add column write_xid bigint not null default 0,
    add column changed_at timestamptz;
update campaign set change_seq = nextval('sync_change_seq'), changed_at = created_at;
alter table campaign alter column change_seq set not null, alter column changed_at set not null;
create trigger campaign_sync_stamp before insert or update on campaign
    for each row execute function sync_stamp_change();
create index campaign_sync_order on campaign (write_xid, change_seq);

alter table assignment add column change_seq bigint, add column write_xid bigint not null default 0,
    add column changed_at timestamptz;
update assignment set change_seq = nextval('sync_change_seq'), changed_at = created_at;
alter table assignment alter column change_seq set not null, alter column changed_at set not null;
create trigger assignment_sync_stamp before insert or update on assignment
    for each row execute function sync_stamp_change();
create index assignment_sync_order on assignment (write_xid, change_seq);
