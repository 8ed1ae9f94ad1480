-- Cost per outcome leaves activities without a reported cost out of both sides (issue 22, part 5): every
-- fact row says whether its activities reported a cost (costed), so an indicator over COST_VND sums the
-- costed rows only, and counts the others as left out.
--
-- Activities applied before this migration came from events that said 0 for a cost not reported: a cost of
-- 0 is taken as not reported (it almost always was), and every total is rebuilt from activity_state, as
-- POST /api/v1/indicators/recompute does, so the totals and the per-activity state agree.
alter table activity_state add column costed boolean not null default true;
update activity_state set costed = cost_vnd > 0;

do $$
declare
    t text;
    pk text;
begin
    foreach t in array array['unit_day_total', 'unit_month_total', 'unit_day_total_as_was', 'unit_month_total_as_was'] loop
        execute format('alter table %I add column costed boolean not null default true', t);
        select conname into pk from pg_constraint where conrelid = t::regclass and contype = 'p';
        execute format('alter table %I drop constraint %I', t, pk);
        execute format('alter table %I add primary key (org_unit_code, %s, form, campaign_id, verified, costed)', t,
                       case when t like 'unit_day_total%' then 'day' else 'month' end);
    end loop;
end;
$$;

delete from unit_day_total;
delete from unit_month_total;
delete from unit_day_total_as_was;
delete from unit_month_total_as_was;

insert into unit_day_total (org_unit_code, day, form, campaign_id, verified, costed, activities, quantity, attendance,
    reach, plays, interactions, new_social_insurance, new_health_insurance, app_installs, non_cash_conversions,
    books_and_cards_donated, cost_vnd)
select code, s.day, s.form, s.campaign_id, s.verified, s.costed, sum(s.activities), sum(s.quantity),
       sum(s.attendance), sum(s.reach), sum(s.plays), sum(s.interactions), sum(s.new_social_insurance),
       sum(s.new_health_insurance), sum(s.app_installs), sum(s.non_cash_conversions),
       sum(s.books_and_cards_donated), sum(s.cost_vnd)
from activity_state s cross join lateral unnest(string_to_array(s.org_unit_path, '/')) code
where s.counted and code <> ''
group by code, s.day, s.form, s.campaign_id, s.verified, s.costed;

insert into unit_day_total_as_was (org_unit_code, day, form, campaign_id, verified, costed, activities, quantity,
    attendance, reach, plays, interactions, new_social_insurance, new_health_insurance, app_installs,
    non_cash_conversions, books_and_cards_donated, cost_vnd)
select code, s.day, s.form, s.campaign_id, s.verified, s.costed, sum(s.activities), sum(s.quantity),
       sum(s.attendance), sum(s.reach), sum(s.plays), sum(s.interactions), sum(s.new_social_insurance),
       sum(s.new_health_insurance), sum(s.app_installs), sum(s.non_cash_conversions),
       sum(s.books_and_cards_donated), sum(s.cost_vnd)
from activity_state s cross join lateral unnest(string_to_array(s.as_was_path, '/')) code
where s.counted and code <> ''
group by code, s.day, s.form, s.campaign_id, s.verified, s.costed;

insert into unit_month_total (org_unit_code, month, form, campaign_id, verified, costed, activities, quantity,
    attendance, reach, plays, interactions, new_social_insurance, new_health_insurance, app_installs,
    non_cash_conversions, books_and_cards_donated, cost_vnd)
select org_unit_code, date_trunc('month', day)::date, form, campaign_id, verified, costed, sum(activities),
       sum(quantity), sum(attendance), sum(reach), sum(plays), sum(interactions), sum(new_social_insurance),
       sum(new_health_insurance), sum(app_installs), sum(non_cash_conversions), sum(books_and_cards_donated),
       sum(cost_vnd)
from unit_day_total
group by org_unit_code, date_trunc('month', day)::date, form, campaign_id, verified, costed;

insert into unit_month_total_as_was (org_unit_code, month, form, campaign_id, verified, costed, activities, quantity,
    attendance, reach, plays, interactions, new_social_insurance, new_health_insurance, app_installs,
    non_cash_conversions, books_and_cards_donated, cost_vnd)
select org_unit_code, date_trunc('month', day)::date, form, campaign_id, verified, costed, sum(activities),
       sum(quantity), sum(attendance), sum(reach), sum(plays), sum(interactions), sum(new_social_insurance),
       sum(new_health_insurance), sum(app_installs), sum(non_cash_conversions), sum(books_and_cards_donated),
       sum(cost_vnd)
from unit_day_total_as_was
group by org_unit_code, date_trunc('month', day)::date, form, campaign_id, verified, costed;
