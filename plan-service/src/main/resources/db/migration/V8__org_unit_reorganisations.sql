-- Reorganisations are requests with an effective date. One dated in the future waits here as PENDING and
-- changes nothing until its day, when the reorganisation job applies it (APPLIED) or finds it can no longer
-- apply (FAILED, with the reason); until then it can be CANCELLED. One dated today or earlier is applied at
-- once and kept here as APPLIED, so every change of the hierarchy has its who, when and why.
create table org_unit_reorganisation (
    id             bigint generated always as identity primary key,
    kind           text        not null check (kind in ('UPDATE', 'MOVE', 'MERGE', 'SPLIT', 'CLOSE')),
    -- '/YB/LC/': every unit the change touches (a pending change blocks others on them); subject_codes the
    -- ones whose parent's managers may make or cancel it
    unit_codes     text        not null,
    subject_codes  text        not null,
    request        text        not null,
    effective_date date        not null,
    reason         text,
    status         text        not null check (status in ('PENDING', 'APPLIED', 'CANCELLED', 'FAILED')),
    requested_by   text        not null,
    requested_at   timestamptz not null,
    settled_by     text,
    settled_at     timestamptz,
    settle_note    text,
    version        int         not null default 0
);

create index org_unit_reorganisation_due on org_unit_reorganisation (effective_date, id) where status = 'PENDING';

-- Who made each change and why, and the reorganisation it belongs to (none for versions from before).
alter table org_unit_version
    add column recorded_by       text,
    add column reason            text,
    add column reorganisation_id bigint references org_unit_reorganisation (id);
