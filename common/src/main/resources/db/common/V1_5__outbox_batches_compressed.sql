-- A bulk write's events arrive compressed by the service, as one LZ4 frame of the same text that
-- `events` holds (OutboxBatch): PostgreSQL's TOAST compression of an 8 MB batch, and the copies of
-- it on the way in and out, cost more than the batch's activity rows. The frame is stored as it
-- comes (storage external: no second compression). Rows already holding `events` stay readable.
alter table outbox_event add column events_lz4 bytea;
alter table outbox_event alter column events_lz4 set storage external;

alter table outbox_event drop constraint outbox_event_one_or_many;
alter table outbox_event add constraint outbox_event_one_or_many check (
    (payload is not null and events is null and events_lz4 is null and event_id is not null
        and event_type is not null and message_key is not null and event_count = 1)
    or (payload is null and num_nonnulls(events, events_lz4) = 1 and event_count >= 1));

-- One row per single event and per event of a text batch, as before; compressed batches cannot be
-- opened in SQL and are listed by outbox_batch instead.
create or replace view outbox_envelope as
select o.id, o.topic, o.message_key, o.payload, o.created_at, o.published_at
from outbox_event o
where o.payload is not null
union all
select o.id, o.topic, split_part(line, E'\t', 1), split_part(line, E'\t', 2)::json, o.created_at, o.published_at
from outbox_event o
cross join lateral regexp_split_to_table(o.events, E'\n') as line
where o.events is not null;

-- Every bulk row, with how many events it holds and how it is stored.
create view outbox_batch as
select o.id, o.topic, o.event_count, o.events_lz4 is not null as compressed,
       coalesce(octet_length(o.events_lz4), octet_length(o.events)) as stored_bytes, o.created_at, o.published_at
from outbox_event o
where o.payload is null;
