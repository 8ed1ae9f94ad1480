-- The plan cascade (issue 22, part 2). A plan names the indicators it tracks; null means it tracks
-- its parent's (inherited), an array (even empty) is its own list. Objectives were already nullable:
-- null is inherited from the nearest ancestor that states them.
alter table plan add column indicator_codes text[];
alter table plan_revision add column indicator_codes text[];

-- A provincial campaign names the national campaign it implements (a campaign of a higher plan or unit).
alter table campaign add column implements_campaign_id uuid references campaign (id);
create index campaign_implements on campaign (implements_campaign_id);
