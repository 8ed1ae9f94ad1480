-- A replica of plan-service's assignments, from its `assignments` events: what an activity reported against
-- an assignment is checked against (its unit's subtree, its form, its period). start_date is null for an
-- assignment known only from events older than the field; only the due date bounds such an activity.
create table assignment_replica (
    id            uuid        primary key,
    org_unit_code text        not null,
    form          text,
    start_date    date,
    due_date      date        not null,
    status        text        not null,
    campaign_id   uuid,
    updated_at    timestamptz not null
);
