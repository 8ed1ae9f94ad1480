-- Who was reached: attendance and new participants split by sex, age band and target group, optional per
-- activity. A jsonb column rather than a child table: the bulk path copies it in the same COPY as the row,
-- the revision snapshot (to_jsonb of the row) keeps it with no change, and this service never queries by
-- category; indicator-service rolls the counts up into its own facts from the events.
alter table activity add column breakdowns jsonb;

-- plan-service's target-group vocabulary (V6 there) as of this migration; codes that campaigns name later are
-- added from the campaigns events, so a code plan-service adds reaches this service with its first campaign.
create table target_group_replica (
    code text primary key
);
insert into target_group_replica (code) values
    ('FREELANCE_WORKERS'), ('STUDENTS'), ('HOUSEHOLDS'), ('EMPLOYERS'), ('EMPLOYEES'), ('ELDERLY'),
    ('PEOPLE_IN_HARDSHIP'), ('FARMERS'), ('ETHNIC_MINORITIES'), ('PENSIONERS');

-- The target groups of plan-service's campaigns, from its campaigns events: a breakdown by target group of an
-- activity serving a campaign may name only these.
create table campaign_replica (
    id            uuid        primary key,
    target_groups text[]      not null,
    updated_at    timestamptz not null
);
