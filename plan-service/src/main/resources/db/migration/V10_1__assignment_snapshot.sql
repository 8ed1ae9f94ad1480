-- activity-service starts a replica of the assignments from the `assignments` topic, whose events are kept seven
-- days: assignments made before then would be unknown to it and every activity reported against them refused.
-- AssignmentSnapshot publishes each assignment's whole state once (assignment.snapshot) and marks the request done;
-- a later release that needs the same asks again with a row of its own.
create table assignment_snapshot_request (
    id           text        primary key,
    reason       text        not null,
    requested_at timestamptz not null,
    published_at timestamptz,
    assignments  int
);

insert into assignment_snapshot_request (id, reason, requested_at)
values ('assignment-replica', 'activity-service checks activities against its replica of the assignments', now());
