-- Communication crises handled as cases: watch -> open -> responding -> resolved -> post-crisis review -> closed.
create table crisis_case (
    id                uuid        primary key,
    title             text        not null,
    description       text,
    severity          text        not null,
    status            text        not null,
    owner             text,
    topic_code        text references topic (code),
    org_unit_code     text        not null,
    org_unit_path     text        not null,
    signal_id         uuid references crisis_signal (id),
    -- when the rise was first seen: the signal's time, or the case's when opened by hand
    detected_at       timestamptz not null,
    created_at        timestamptz not null,
    acknowledged_at   timestamptz,
    first_response_at timestamptz,
    resolved_at       timestamptz,
    closed_at         timestamptz,
    created_by        text        not null,
    idempotency_key   text unique,
    version           int         not null default 0
);

-- a signal becomes at most one case
create unique index crisis_case_signal on crisis_case (signal_id) where signal_id is not null;
create index crisis_case_status on crisis_case (status, created_at desc);
create index crisis_case_path on crisis_case (org_unit_path text_pattern_ops);

create table crisis_case_feedback (
    case_id     uuid        not null references crisis_case (id),
    feedback_id uuid        not null references feedback (id),
    linked_at   timestamptz not null,
    linked_by   text        not null,
    primary key (case_id, feedback_id)
);

create table crisis_case_cluster (
    case_id    uuid        not null references crisis_case (id),
    cluster_id uuid        not null references feedback_cluster (id),
    linked_at  timestamptz not null,
    linked_by  text        not null,
    primary key (case_id, cluster_id)
);

create table crisis_response_action (
    id          uuid        primary key,
    case_id     uuid        not null references crisis_case (id),
    kind        text        not null,
    description text        not null,
    due_at      timestamptz not null,
    done_at     timestamptz,
    done_by     text,
    outcome     text,
    created_at  timestamptz not null,
    created_by  text        not null,
    version     int         not null default 0
);

create index crisis_response_action_case on crisis_response_action (case_id, due_at);

create table crisis_case_timeline (
    id      bigint generated always as identity primary key,
    case_id uuid        not null references crisis_case (id),
    at      timestamptz not null,
    kind    text        not null,
    actor   text        not null,
    detail  text        not null
);

create index crisis_case_timeline_case on crisis_case_timeline (case_id, id);

-- What plan-service turns into an assignment (topic crisis-cases); kept here for the case's record.
create table post_crisis_request (
    request_id      uuid        primary key,
    case_id         uuid        not null references crisis_case (id),
    org_unit_code   text        not null,
    title           text        not null,
    brief           text        not null,
    forms           jsonb       not null,
    quantity        int         not null,
    due_date        date        not null,
    requested_by    text        not null,
    requested_at    timestamptz not null,
    idempotency_key text unique
);

create index post_crisis_request_case on post_crisis_request (case_id, requested_at);
