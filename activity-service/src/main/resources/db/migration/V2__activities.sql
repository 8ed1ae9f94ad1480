create table activity (
    id              uuid        primary key,
    org_unit_code   text        not null references org_unit_replica (code),
    form            text        not null,
    title           text        not null,
    place           text,
    started_at      timestamptz not null,
    ended_at        timestamptz,
    attendance      int         check (attendance >= 0),
    reach           bigint      check (reach >= 0),
    idempotency_key text        unique,
    created_at      timestamptz not null,
    version         int         not null default 0
);

create index activity_org_unit on activity (org_unit_code, started_at);
