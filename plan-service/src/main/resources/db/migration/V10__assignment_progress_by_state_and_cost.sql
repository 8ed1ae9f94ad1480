-- Progress that can be trusted and budget versus actual (issue 22, parts 4 and 5): each applied activity
-- keeps its verification status and its cost, and the rollup of an assignment is kept per verification
-- state (REPORTED, which includes NEEDS_INFORMATION; VERIFIED; REJECTED), with the cost of its activities
-- and how many of them reported one. Progress counts REPORTED and VERIFIED (or VERIFIED only); spent is the
-- cost of the same activities.
--
-- Revisions applied before this migration did not keep their status or cost: they stay REPORTED without a
-- cost until the activity's next revision arrives (a verification decision is one), which moves them exactly.
alter table assignment_activity
    add column verification_status text    not null default 'REPORTED',
    add column cost_vnd            bigint  not null default 0,
    add column cost_reported       boolean not null default false;
alter table assignment_activity alter column verification_status drop default;
alter table assignment_activity alter column cost_reported drop default;

alter table assignment_rollup
    add column state    text   not null default 'REPORTED',
    add column cost_vnd bigint not null default 0,
    -- activities whose cost was reported (the others are left out of cost figures, and counted as such)
    add column costed   bigint not null default 0;
alter table assignment_rollup alter column state drop default;
alter table assignment_rollup drop constraint assignment_rollup_pkey;
alter table assignment_rollup add primary key (assignment_id, state);
alter table assignment_rollup add constraint assignment_rollup_state check (state in ('REPORTED', 'VERIFIED', 'REJECTED'));

-- Campaign and plan budgets sum their top-level assignments' rollups.
create index assignment_top_level_campaign on assignment (campaign_id) where parent_assignment_id is null;
create index assignment_top_level_plan on assignment (plan_id) where parent_assignment_id is null;
