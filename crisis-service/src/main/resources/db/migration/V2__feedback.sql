create table feedback (
    id              uuid        primary key,
    channel         text        not null,
    text            text        not null,
    search_text     text        not null,
    language        text        not null,
    org_unit_code   text,
    source_id       text,
    source_link     text,
    received_at     timestamptz not null,
    idempotency_key text        unique,
    created_at      timestamptz not null,
    version         int         not null default 0,
    -- a monitoring tool resending what it already sent is recognised by its own id
    unique (channel, source_id)
);

create index feedback_received on feedback (received_at desc);

-- Personal data lives apart, so lists, events and logs never reach it by accident.
create table feedback_contact (
    feedback_id uuid primary key references feedback (id),
    contact     text not null
);
