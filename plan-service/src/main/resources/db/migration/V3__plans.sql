create table plan (
    id              uuid        primary key,
    type            text        not null,
    title           text        not null,
    search_title    text        not null,
    objectives      text,
    owner_unit_code text        not null references org_unit (code),
    period_start    date        not null,
    period_end      date        not null,
    parent_plan_id  uuid        references plan (id),
    status          text        not null,
    idempotency_key text        unique,
    created_at      timestamptz not null,
    updated_at      timestamptz not null,
    version         int         not null default 0,
    check (period_start <= period_end)
);

create index plan_owner on plan (owner_unit_code);
create index plan_parent on plan (parent_plan_id);
