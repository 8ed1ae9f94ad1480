-- Activities get the whole field report (audience, outcomes, cost, evidence), a revision and a
-- verification status, and the identities that make ingestion idempotent.
alter table activity
    add column latitude                double precision check (latitude between -90 and 90),
    add column longitude               double precision check (longitude between -180 and 180),
    add column campaign_id             uuid,
    add column assignment_id           uuid,
    add column plays                   bigint check (plays >= 0),
    add column interactions            bigint check (interactions >= 0),
    add column quantity                int    check (quantity >= 0),
    add column quantity_unit           text,
    add column duration_minutes        int    check (duration_minutes >= 0),
    add column link                    text,
    add column new_social_insurance    int    check (new_social_insurance >= 0),
    add column new_health_insurance    int    check (new_health_insurance >= 0),
    add column app_installs            int    check (app_installs >= 0),
    add column non_cash_conversions    int    check (non_cash_conversions >= 0),
    add column books_and_cards_donated int    check (books_and_cards_donated >= 0),
    add column cost_vnd                bigint check (cost_vnd >= 0),
    add column communicator_ids        jsonb,
    add column evidence                jsonb,
    add column partner_id              text,
    -- the scope of external ids: 'partner:<id>' for a partner's records, 'unit:<code>' for an office's
    add column reporter                text,
    add column external_id             text,
    add column client_id               uuid,
    -- SHA-256 of the reported content: a replayed record is recognised without comparing columns
    add column content_hash            text,
    add column revision                int    not null default 1,
    add column verification_status     text   not null default 'REPORTED',
    add column withdrawn               boolean not null default false,
    add column last_change             text   not null default 'RECORDED',
    add column change_reason           text,
    add column changed_by              text,
    add column updated_at              timestamptz,
    -- position in the change feed; every write takes the next value
    add column change_seq              bigint;

create sequence activity_change_seq;
update activity set change_seq = nextval('activity_change_seq'), updated_at = created_at;
alter table activity alter column change_seq set not null;

create unique index activity_external_id on activity (reporter, external_id) where external_id is not null;
create unique index activity_client_id on activity (client_id) where client_id is not null;
create index activity_change_seq_order on activity (change_seq);
create index activity_communicators on activity using gin (communicator_ids jsonb_path_ops);

-- Superseded revisions, as the activity row was just before the change that replaced it.
create table activity_revision (
    activity_id  uuid        not null references activity (id),
    revision     int         not null,
    snapshot     jsonb       not null,
    primary key (activity_id, revision)
);

-- Partner organisations, what they may report on, and their API keys (only hashes are kept).
create table partner (
    id          text        primary key,
    name        text        not null,
    kind        text        not null,
    org_units   text[]      not null,
    forms       text[]      not null,
    created_at  timestamptz not null,
    updated_at  timestamptz not null,
    version     int         not null default 0
);

create table partner_key (
    id          text        primary key,
    partner_id  text        not null references partner (id),
    prefix      text        not null,
    hash        text        not null unique,
    created_at  timestamptz not null,
    -- set on rotation (end of the grace period) or revocation: the key no longer opens anything after it
    expires_at  timestamptz,
    revoked_at  timestamptz
);

create index partner_key_partner on partner_key (partner_id);

-- Asynchronous imports: the upload, progress, and per-record results in chunks.
create table import_job (
    id          uuid        primary key,
    owner       text        not null,
    reporter    jsonb       not null,
    format      text        not null,
    mode        text        not null,
    status      text        not null,
    upload      bytea,
    total       int         not null default 0,
    processed   int         not null default 0,
    created     int         not null default 0,
    unchanged   int         not null default 0,
    corrected   int         not null default 0,
    conflicts   int         not null default 0,
    rejected    int         not null default 0,
    failure     text,
    submitted_at timestamptz not null,
    started_at  timestamptz,
    finished_at timestamptz,
    version     int         not null default 0
);

create index import_job_queued on import_job (submitted_at) where status = 'QUEUED';

create table import_job_result (
    job_id      uuid        not null references import_job (id),
    chunk       int         not null,
    results     text        not null,
    primary key (job_id, chunk)
);

-- Communicators and collaborators; their contact details live apart so that no list, event or log
-- picks them up by accident.
create table communicator (
    id            uuid        primary key,
    full_name     text        not null,
    kind          text        not null,
    org_unit_code text        not null references org_unit_replica (code),
    role          text,
    created_at    timestamptz not null,
    version       int         not null default 0
);

create index communicator_unit on communicator (org_unit_code);

create table communicator_contact (
    communicator_id uuid primary key references communicator (id),
    phone           text,
    email           text
);

create table training (
    id            uuid        primary key,
    topic         text        not null,
    trainer       text        not null,
    org_unit_code text        not null references org_unit_replica (code),
    held_on       date        not null,
    created_at    timestamptz not null
);

create table training_attendee (
    training_id     uuid not null references training (id),
    communicator_id uuid not null references communicator (id),
    primary key (training_id, communicator_id)
);
