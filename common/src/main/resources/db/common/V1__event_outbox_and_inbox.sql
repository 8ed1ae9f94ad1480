-- Shared by every service: the transactional outbox and the consumer inbox.
-- Services keep their own migrations in db/migration, numbered from V2.

create table outbox_event (
    id           bigint generated always as identity primary key,
    event_id     uuid        not null unique,
    event_type   text        not null,
    topic        text        not null,
    message_key  text        not null,
    payload      jsonb       not null,
    created_at   timestamptz not null,
    published_at timestamptz
);

-- The relay only ever looks for what is still to be sent.
create index outbox_event_pending on outbox_event (id) where published_at is null;

create table processed_event (
    consumer     text        not null,
    event_id     uuid        not null,
    processed_at timestamptz not null default now(),
    primary key (consumer, event_id)
);
