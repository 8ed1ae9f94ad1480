-- Approval that means something (issue 22, part 3). Once a plan is approved, a change of the amounts of
-- its campaigns (budget lines) or assignments (quantity, budget, targets) waits here for the plan's
-- decider; the live values stay as approved until then. One pending amendment per campaign or assignment.
create table plan_amendment (
    id           uuid        primary key,
    plan_id      uuid        not null references plan (id),
    subject_type text        not null,
    subject_id   uuid        not null,
    -- the held fields as they were when proposed, and as proposed
    before       jsonb       not null,
    after        jsonb       not null,
    status       text        not null,
    proposed_by  text        not null,
    proposed_at  timestamptz not null,
    decided_by   text,
    decided_at   timestamptz,
    reason       text,
    version      int         not null default 0
);

create index plan_amendment_plan on plan_amendment (plan_id, proposed_at);
create unique index plan_amendment_one_pending on plan_amendment (subject_id) where status = 'PENDING';

-- What was approved and what changed after: a snapshot of the plan, each campaign and each assignment at
-- every approval, then every change to them (applied at once, proposed, approved or returned), with who,
-- when, and the content before and after. Never changed once written.
create table plan_content_revision (
    id           bigint      generated always as identity primary key,
    plan_id      uuid        not null references plan (id),
    kind         text        not null,
    subject_type text        not null,
    subject_id   uuid        not null,
    amendment_id uuid        references plan_amendment (id),
    fields       text[]      not null,
    before       jsonb,
    after        jsonb,
    actor        text        not null,
    at           timestamptz not null
);

create index plan_content_revision_plan on plan_content_revision (plan_id, id);
