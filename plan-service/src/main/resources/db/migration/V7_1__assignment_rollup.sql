-- The figures of an assignment and every share under it, kept by the activity consumer as it applies each
-- revision (a delta on each row of the lineage), so that progress is one row to read instead of a sum over every
-- activity of the lineage: a national assignment's lineage holds the whole country's activities, and the sum ran
-- once per event for every assignment above the one reported against.
create table assignment_rollup (
    assignment_id           uuid   primary key references assignment (id),
    activities              bigint not null default 0,
    quantity                bigint not null default 0,
    attendance              bigint not null default 0,
    reach                   bigint not null default 0,
    plays                   bigint not null default 0,
    interactions            bigint not null default 0,
    new_social_insurance    bigint not null default 0,
    new_health_insurance    bigint not null default 0,
    app_installs            bigint not null default 0,
    non_cash_conversions    bigint not null default 0,
    books_and_cards_donated bigint not null default 0
);

insert into assignment_rollup (assignment_id, activities, quantity, attendance, reach, plays, interactions,
    new_social_insurance, new_health_insurance, app_installs, non_cash_conversions, books_and_cards_donated)
select x.id, count(*), sum(a.quantity), sum(a.attendance), sum(a.reach), sum(a.plays), sum(a.interactions),
    sum(a.new_social_insurance), sum(a.new_health_insurance), sum(a.app_installs), sum(a.non_cash_conversions),
    sum(a.books_and_cards_donated)
from assignment x
join assignment y on y.lineage like x.lineage || '%'
join assignment_activity a on a.assignment_id = y.id and not a.withdrawn
group by x.id;
