-- Webhook subscriptions: who wants which events at which URL, and the secret that signs them.
-- The secret is stored encrypted (AES-GCM with commops.webhooks.secret-key), never as typed: it must
-- sign, so it cannot be hashed like an API key.
create table webhook_subscription (
    id                uuid primary key,
    owner_kind        text not null check (owner_kind in ('PARTNER', 'INTEGRATOR')),
    owner_id          text not null,
    target_url        text not null,
    event_types       text[] not null,
    org_units         text[] not null default '{}',
    description       text,
    secret_ciphertext text not null,
    secret_rotated_at timestamptz not null,
    status            text not null check (status in ('ACTIVE', 'DISABLED')),
    created_by        text not null,
    created_at        timestamptz not null,
    updated_at        timestamptz not null,
    version           int not null default 0
);
create index webhook_subscription_owner on webhook_subscription (owner_kind, owner_id);

-- An event that matched at least one subscription, kept as received (the exact body that is signed)
-- for retries and replays until commops.webhooks.retention has passed.
create table webhook_event (
    event_id      uuid primary key,
    type          text not null,
    event_time    timestamptz not null,
    org_unit_path text collate "C",
    payload       text not null,
    received_at   timestamptz not null default now()
);
create index webhook_event_received on webhook_event (received_at);

-- One row per event and subscription (and per replay): its attempts and where it stands.
create table webhook_delivery (
    id               uuid primary key,
    subscription_id  uuid not null references webhook_subscription (id) on delete cascade,
    event_id         uuid not null references webhook_event (event_id) on delete cascade,
    replay_id        uuid,
    status           text not null check (status in ('PENDING', 'DELIVERED', 'DEAD_LETTERED', 'CANCELLED')),
    attempts         int not null default 0,
    next_attempt_at  timestamptz not null,
    lease_until      timestamptz,
    last_attempt_at  timestamptz,
    last_status_code int,
    last_error       text,
    delivered_at     timestamptz,
    created_at       timestamptz not null
);
-- At least once from Kafka, once in this table: a redelivered event finds its row.
create unique index webhook_delivery_once on webhook_delivery (subscription_id, event_id) where replay_id is null;
create unique index webhook_delivery_once_per_replay on webhook_delivery (replay_id, event_id)
    where replay_id is not null;
create index webhook_delivery_due on webhook_delivery (next_attempt_at) where status = 'PENDING';
create index webhook_delivery_of_subscription on webhook_delivery (subscription_id, status, created_at desc);
create index webhook_delivery_of_event on webhook_delivery (event_id);

create table webhook_replay (
    id              uuid primary key,
    subscription_id uuid not null references webhook_subscription (id) on delete cascade,
    replay_from     timestamptz not null,
    requested_by    text not null,
    requested_at    timestamptz not null,
    event_count     int not null
);
create index webhook_replay_of_subscription on webhook_replay (subscription_id, requested_at desc);
