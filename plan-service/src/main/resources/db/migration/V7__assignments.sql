create table assignment (
    id                   uuid           primary key,
    plan_id              uuid           references plan (id),
    campaign_id          uuid           references campaign (id),
    parent_assignment_id uuid           references assignment (id),
    -- '/<root id>/<child id>/': a parent's progress sums every assignment under this prefix
    lineage              text           not null,
    org_unit_code        text           not null references org_unit (code),
    title                text           not null,
    description          text,
    form                 text,
    quantity             int            not null check (quantity >= 0),
    budget_vnd           numeric(18, 0) not null default 0 check (budget_vnd >= 0),
    start_date           date           not null,
    due_date             date           not null,
    responsible          text,
    status               text           not null,
    transferred_from     text,
    source_case_id       uuid,
    -- crisis-service's request id: one request makes one assignment however often it is delivered
    source_request_id    uuid           unique,
    idempotency_key      text           unique,
    created_by           text           not null,
    created_at           timestamptz    not null,
    updated_at           timestamptz    not null,
    version              int            not null default 0,
    check (start_date <= due_date)
);

create index assignment_plan on assignment (plan_id);
create index assignment_campaign on assignment (campaign_id);
create index assignment_parent on assignment (parent_assignment_id);
create index assignment_unit on assignment (org_unit_code);
create index assignment_lineage on assignment (lineage text_pattern_ops);

create table assignment_target (
    assignment_id uuid   not null references assignment (id) on delete cascade,
    metric        text   not null,
    target        bigint not null check (target >= 0),
    primary key (assignment_id, metric)
);

-- The last applied revision of each activity reported against one of our assignments: a new
-- revision replaces the row, so sums move by exactly new minus old.
create table assignment_activity (
    activity_id             uuid        primary key,
    assignment_id           uuid        references assignment (id),
    revision                int         not null,
    withdrawn               boolean     not null,
    quantity                bigint      not null,
    attendance              bigint      not null,
    reach                   bigint      not null,
    plays                   bigint      not null,
    interactions            bigint      not null,
    new_social_insurance    bigint      not null,
    new_health_insurance    bigint      not null,
    app_installs            bigint      not null,
    non_cash_conversions    bigint      not null,
    books_and_cards_donated bigint      not null,
    applied_at              timestamptz not null
);

create index assignment_activity_assignment on assignment_activity (assignment_id);
