-- Four-eyes verification: who recorded an activity, and whether their own unit reported for itself,
-- kept on the row so that a decision and the review queue can refuse the reporter and the unit's own
-- managers without reading the revision history.
alter table activity
    add column reported_by     text,
    add column own_unit_report boolean not null default false;

-- Rows recorded before: the reporter is whoever wrote revision 1. Whether their unit reported for
-- itself was not kept, so every staff record counts as its own unit's: a manager of a unit above
-- decides it, never one of the unit itself (the safe side of a control). change_seq is untouched,
-- so the change feed's trigger (V10) does not serve these rows again.
update activity a set
    reported_by = coalesce((select r.snapshot ->> 'changed_by' from activity_revision r
                            where r.activity_id = a.id and r.revision = 1),
                           case when a.revision = 1 then a.changed_by end),
    own_unit_report = a.partner_id is null;

-- What evidence a verification needs, per form. Forms are keyed by their code as text: forms are
-- becoming data, and a rule may name a form this build does not list yet.
create table verification_rule (
    form                      text        primary key,
    min_evidence              int         not null check (min_evidence between 0 and 100),
    photo_required            boolean     not null,
    position_required         boolean     not null,
    capture_time_required     boolean     not null,
    max_distance_metres       int         check (max_distance_metres > 0),
    max_minutes_from_activity int         check (max_minutes_from_activity > 0),
    updated_by                text        not null,
    updated_at                timestamptz not null,
    version                   int         not null default 0
);

-- Direct forms happen somewhere people gather: one photo taken there shows it happened.
insert into verification_rule (form, min_evidence, photo_required, position_required, capture_time_required,
        updated_by, updated_at)
select form, 1, true, true, false, 'migration', now()
from unnest(array['LAUNCH_CEREMONY', 'CONFERENCE', 'DIALOGUE', 'SMALL_GROUP', 'ADVISORY_BOOTH',
                  'ART_PERFORMANCE', 'MOBILE_CAMPAIGN']) as f(form);

-- A sampled review of a partner's batch: the partner's activities recorded in [recorded_from,
-- recorded_to) under an org unit, n % of them drawn by the order of md5(seed:id).
create table review_sample (
    id                   uuid          primary key,
    partner_id           text          not null references partner (id),
    org_unit_code        text          not null references org_unit_replica (code),
    recorded_from        timestamptz   not null,
    recorded_to          timestamptz   not null check (recorded_to > recorded_from),
    percent              numeric(5, 2) not null check (percent > 0 and percent <= 100),
    seed                 bigint        not null,
    batch_size           int           not null,
    sample_size          int           not null,
    max_rejected_percent numeric(5, 2) not null,
    status               text          not null,
    drawn_by             text          not null,
    drawn_at             timestamptz   not null,
    rejected             int,
    extended             int,
    outcome_reason       text,
    decided_by           text,
    decided_at           timestamptz,
    idempotency_key      text          unique,
    version              int           not null default 0
);

create index review_sample_partner on review_sample (partner_id, drawn_at);

create table review_sample_member (
    sample_id   uuid not null references review_sample (id),
    activity_id uuid not null references activity (id),
    position    int  not null,
    primary key (sample_id, activity_id)
);

-- A decision asks whether its activity is in a sample still open.
create index review_sample_member_activity on review_sample_member (activity_id);
