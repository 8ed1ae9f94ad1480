-- Loads the indicator-service benchmark data set straight into indicator-service's database, with
-- generate_series: N activities of one year (2024) spread over ~10,000 communes of 63 provinces under
-- the root :root, into
--   * bench_raw_activity  a bare table (no index, no key) with one row per activity: the baseline a
--                         naive report would GROUP BY;
--   * activity_state      the service's per-activity fact table (what a recompute sums), same rows;
--   * unit_day_total,     the service's rolled-up day and month totals, aggregated from the same rows
--     unit_month_total    exactly as the live consumer would have left them.
-- Why not through the event path: 10 million activities through activity-service, Kafka and the consumer
-- take hours on a laptop and measure the write path, not the read path this part is about. The write
-- path is measured on its own by the freshness part of bench/indicator-scorecard.sh.
--
-- psql variables: activities, communes, provinces, root (the national root code, created through the
-- API beforehand with its provinces BP01..BPnn). Re-running replaces the previous bench rows only.
\set ON_ERROR_STOP on
\timing on

-- Forget an earlier load: only rows of the bench hierarchy are touched.
delete from unit_day_total where org_unit_code = :'root' or org_unit_code ~ '^B[PC][0-9]+$';
delete from unit_month_total where org_unit_code = :'root' or org_unit_code ~ '^B[PC][0-9]+$';
delete from activity_state where org_unit_path like '/' || :'root' || '/%';
drop table if exists bench_raw_activity;

create unlogged table bench_raw_activity (
    activity_id             uuid,
    org_unit_code           text,
    org_unit_path           text,
    day                     date,
    form                    text,
    campaign_id             text,
    verification_status     text,
    quantity                bigint,
    attendance              bigint,
    reach                   bigint,
    plays                   bigint,
    interactions            bigint,
    new_social_insurance    bigint,
    new_health_insurance    bigint,
    app_installs            bigint,
    non_cash_conversions    bigint,
    books_and_cards_donated bigint,
    cost_vnd                bigint
);

-- Deterministic: activity i falls in commune i mod communes, on day (37 i) mod 366 of 2024, in one of
-- twelve common forms; every third is verified, every tenth serves the May campaign.
insert into bench_raw_activity
select md5('bench-activity-' || i)::uuid,
       'BC' || lpad(c::text, 5, '0'),
       '/' || :'root' || '/BP' || lpad((c % :provinces + 1)::text, 2, '0') || '/BC' || lpad(c::text, 5, '0') || '/',
       date '2024-01-01' + (i * 37 % 366),
       (array['CONFERENCE', 'SMALL_GROUP', 'DIALOGUE', 'ADVISORY_BOOTH', 'BANNER', 'LEAFLET', 'NEWS_ARTICLE',
              'LOUDSPEAKER_BROADCAST', 'SOCIAL_POST', 'LIVESTREAM', 'ART_PERFORMANCE', 'BOOK_AND_CARD_DONATION'])
              [1 + (i * 13 % 12)],
       case when i % 10 = 0 then '6f1c0e52-8a47-4b0a-9d3e-1f0b7a51c0de' else '' end,
       case when i % 3 = 0 then 'VERIFIED' else 'REPORTED' end,
       1 + i % 3,
       i % 60,
       i * 7 % 200,
       case when i * 13 % 12 = 9 then i % 5000 else 0 end,
       i * 11 % 300,
       i % 3,
       i % 7,
       i % 4,
       i % 2,
       case when i * 13 % 12 = 11 then 1 + i % 5 else 0 end,
       (i % 20) * 100000
from generate_series(1, :activities) as i,
     lateral (select i % :communes as c) commune;

insert into activity_state (activity_id, revision, org_unit_code, org_unit_path, day, form, campaign_id,
    verification_status, counted, verified, activities, quantity, attendance, reach, plays, interactions,
    new_social_insurance, new_health_insurance, app_installs, non_cash_conversions, books_and_cards_donated,
    cost_vnd, applied_at)
select activity_id, 1, org_unit_code, org_unit_path, day, form, campaign_id, verification_status, true,
       verification_status = 'VERIFIED', 1, quantity, attendance, reach, plays, interactions, new_social_insurance,
       new_health_insurance, app_installs, non_cash_conversions, books_and_cards_donated, cost_vnd, now()
from bench_raw_activity;

-- Every activity counts under each unit of its path, as ActivityRollup adds it.
insert into unit_day_total (org_unit_code, day, form, campaign_id, verified, activities, quantity, attendance,
    reach, plays, interactions, new_social_insurance, new_health_insurance, app_installs, non_cash_conversions,
    books_and_cards_donated, cost_vnd)
select code, day, form, campaign_id, verification_status = 'VERIFIED', count(*), sum(quantity), sum(attendance),
       sum(reach), sum(plays), sum(interactions), sum(new_social_insurance), sum(new_health_insurance),
       sum(app_installs), sum(non_cash_conversions), sum(books_and_cards_donated), sum(cost_vnd)
from bench_raw_activity
     cross join lateral unnest(string_to_array(trim(both '/' from org_unit_path), '/')) code
group by code, day, form, campaign_id, verification_status = 'VERIFIED';

insert into unit_month_total (org_unit_code, month, form, campaign_id, verified, activities, quantity, attendance,
    reach, plays, interactions, new_social_insurance, new_health_insurance, app_installs, non_cash_conversions,
    books_and_cards_donated, cost_vnd)
select org_unit_code, date_trunc('month', day)::date, form, campaign_id, verified, sum(activities), sum(quantity),
       sum(attendance), sum(reach), sum(plays), sum(interactions), sum(new_social_insurance),
       sum(new_health_insurance), sum(app_installs), sum(non_cash_conversions), sum(books_and_cards_donated),
       sum(cost_vnd)
from unit_day_total
where org_unit_code = :'root' or org_unit_code ~ '^B[PC][0-9]+$'
group by org_unit_code, date_trunc('month', day)::date, form, campaign_id, verified;

analyze bench_raw_activity;
analyze activity_state;
analyze unit_day_total;
analyze unit_month_total;
select count(*) as raw_activities from bench_raw_activity;
