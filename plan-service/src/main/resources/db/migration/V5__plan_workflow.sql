-- Who moved a plan through its workflow, when and why.
create table plan_transition (
    id          bigint generated always as identity primary key,
    plan_id     uuid        not null references plan (id),
    action      text        not null,
    from_status text        not null,
    to_status   text        not null,
    actor       text        not null,
    reason      text,
    at          timestamptz not null
);

create index plan_transition_plan on plan_transition (plan_id, id);

-- Content revisions: revision 1 is the plan as created, each content change adds one.
alter table plan add column revision int not null default 1;

create table plan_revision (
    plan_id         uuid        not null references plan (id),
    revision        int         not null,
    type            text        not null,
    title           text        not null,
    objectives      text,
    owner_unit_code text        not null,
    period_start    date        not null,
    period_end      date        not null,
    parent_plan_id  uuid,
    changed_by      text        not null,
    changed_at      timestamptz not null,
    primary key (plan_id, revision)
);

insert into plan_revision (plan_id, revision, type, title, objectives, owner_unit_code, period_start, period_end,
                           parent_plan_id, changed_by, changed_at)
select id, 1, type, title, objectives, owner_unit_code, period_start, period_end, parent_plan_id, 'unknown', created_at
from plan;

create index plan_period on plan (period_start, period_end);
