-- Month totals beside the day totals: a month-long or longer period reads one row per unit, form,
-- campaign and status per month instead of one per day, which is what keeps a nationwide scorecard fast
-- with years of activities. Kept in the same transaction as the day totals, so the two always agree.
create table unit_month_total (
    org_unit_code           text    not null,
    month                   date    not null,
    form                    text    not null,
    campaign_id             text    not null,
    verified                boolean not null,
    activities              bigint  not null,
    quantity                bigint  not null,
    attendance              bigint  not null,
    reach                   bigint  not null,
    plays                   bigint  not null,
    interactions            bigint  not null,
    new_social_insurance    bigint  not null,
    new_health_insurance    bigint  not null,
    app_installs            bigint  not null,
    non_cash_conversions    bigint  not null,
    books_and_cards_donated bigint  not null,
    cost_vnd                bigint  not null,
    primary key (org_unit_code, month, form, campaign_id, verified)
);

insert into unit_month_total
select org_unit_code, date_trunc('month', day)::date, form, campaign_id, verified, sum(activities), sum(quantity),
       sum(attendance), sum(reach), sum(plays), sum(interactions), sum(new_social_insurance),
       sum(new_health_insurance), sum(app_installs), sum(non_cash_conversions), sum(books_and_cards_donated),
       sum(cost_vnd)
from unit_day_total
group by org_unit_code, date_trunc('month', day)::date, form, campaign_id, verified;
