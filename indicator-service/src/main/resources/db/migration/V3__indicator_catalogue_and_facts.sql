-- Data elements, reported statistics, indicators, targets and alerts; the per-activity state the live
-- values are computed from, and the day totals extended to every data element and dimension.

-- ------------------------------------------------------------------ catalogue
create table data_element (
    code        text primary key,
    name        text        not null,
    kind        text        not null check (kind in ('ACTIVITY', 'STATISTIC')),
    description text,
    created_at  timestamptz not null default now()
);

insert into data_element (code, name, kind, description) values
  ('ACTIVITY_COUNT', 'Số hoạt động', 'ACTIVITY', 'Activities held; ACTIVITY_COUNT[CONFERENCE] counts one form'),
  ('QUANTITY', 'Số lượng sản phẩm, buổi, lượt', 'ACTIVITY', 'Items delivered (banners, leaflets, sessions, broadcasts)'),
  ('ATTENDANCE', 'Số người tham dự', 'ACTIVITY', 'People present at direct activities'),
  ('REACH', 'Số người được tiếp cận', 'ACTIVITY', 'People reached by media and products'),
  ('PLAYS', 'Lượt xem', 'ACTIVITY', 'Plays of livestreams and videos'),
  ('INTERACTIONS', 'Lượt tương tác', 'ACTIVITY', 'Likes, comments, shares, questions'),
  ('NEW_SOCIAL_INSURANCE', 'Người tham gia BHXH tự nguyện mới', 'ACTIVITY', 'New voluntary social-insurance participants'),
  ('NEW_HEALTH_INSURANCE', 'Người tham gia BHYT mới', 'ACTIVITY', 'New health-insurance participants'),
  ('APP_INSTALLS', 'Lượt cài đặt VssID', 'ACTIVITY', 'People guided to install the VssID application'),
  ('NON_CASH_CONVERSIONS', 'Người chuyển sang nhận không dùng tiền mặt', 'ACTIVITY', 'People moved to non-cash payment of pensions and benefits'),
  ('BOOKS_AND_CARDS_DONATED', 'Sổ BHXH, thẻ BHYT được trao tặng', 'ACTIVITY', 'Insurance books and cards donated'),
  ('COST_VND', 'Chi phí (đồng)', 'ACTIVITY', 'Cost of the activity in VND'),
  ('LABOUR_FORCE', 'Lực lượng lao động trong độ tuổi', 'STATISTIC', 'People of working age in the labour force'),
  ('POPULATION', 'Dân số', 'STATISTIC', 'Total population'),
  ('SOCIAL_INSURANCE_PARTICIPANTS', 'Người tham gia BHXH', 'STATISTIC', 'Social-insurance participants (compulsory and voluntary)'),
  ('VOLUNTARY_SOCIAL_INSURANCE_PARTICIPANTS', 'Người tham gia BHXH tự nguyện', 'STATISTIC', 'Voluntary social-insurance participants'),
  ('HEALTH_INSURANCE_PARTICIPANTS', 'Người tham gia BHYT', 'STATISTIC', 'Health-insurance participants'),
  ('UNEMPLOYMENT_INSURANCE_PARTICIPANTS', 'Người tham gia BH thất nghiệp', 'STATISTIC', 'Unemployment-insurance participants'),
  ('HOUSEHOLDS', 'Số hộ gia đình', 'STATISTIC', 'Households');

create table reported_statistic (
    org_unit_code     text           not null,
    data_element_code text           not null references data_element (code),
    period_id         text           not null,
    period_start      date           not null,
    period_end        date           not null,
    org_unit_path     text           not null,
    value             numeric(24, 4) not null,
    updated_at        timestamptz    not null,
    updated_by        text           not null,
    primary key (org_unit_code, data_element_code, period_id)
);
create index reported_statistic_subtree on reported_statistic (data_element_code, period_id, org_unit_path text_pattern_ops);

create table indicator (
    code             text primary key,
    name             text           not null,
    description      text,
    unit             text           not null,
    numerator        text           not null,
    denominator      text,
    factor           numeric(24, 6) not null,
    aggregation_type text           not null,
    period_type      text           not null,
    version          int            not null,
    updated_at       timestamptz    not null
);

insert into indicator (code, name, description, unit, numerator, denominator, factor, aggregation_type, period_type, version, updated_at) values
  ('SI_COVERAGE_LABOUR_FORCE', 'Tỷ lệ người tham gia BHXH so với lực lượng lao động trong độ tuổi',
   'Social-insurance participants as a share of the labour force of working age (2022: 38.08 %)',
   '%', 'SOCIAL_INSURANCE_PARTICIPANTS', 'LABOUR_FORCE', 100, 'LAST', 'YEAR', 1, now()),
  ('HI_COVERAGE_POPULATION', 'Tỷ lệ bao phủ BHYT trên dân số',
   'Health-insurance participants as a share of the population (2022: 94.04 %)',
   '%', 'HEALTH_INSURANCE_PARTICIPANTS', 'POPULATION', 100, 'LAST', 'YEAR', 1, now()),
  ('ACTIVITIES_HELD', 'Số hoạt động truyền thông', 'Communication activities of every form',
   'hoạt động', 'ACTIVITY_COUNT', null, 1, 'SUM', 'MONTH', 1, now()),
  ('CONFERENCES_HELD', 'Số hội nghị tuyên truyền, đối thoại, tập huấn', 'Conferences held',
   'hội nghị', 'ACTIVITY_COUNT[CONFERENCE]', null, 1, 'SUM', 'MONTH', 1, now()),
  ('CONFERENCE_ATTENDANCE', 'Số người dự hội nghị', 'People attending conferences',
   'người', 'ATTENDANCE[CONFERENCE]', null, 1, 'SUM', 'MONTH', 1, now()),
  ('AVERAGE_CONFERENCE_ATTENDANCE', 'Số người dự bình quân mỗi hội nghị', 'Attendance per conference held',
   'người/hội nghị', 'ATTENDANCE[CONFERENCE]', 'ACTIVITY_COUNT[CONFERENCE]', 1, 'AVERAGE', 'MONTH', 1, now()),
  ('SMALL_GROUP_SESSIONS', 'Số buổi truyền thông nhóm nhỏ', 'Small-group sessions held',
   'buổi', 'ACTIVITY_COUNT[SMALL_GROUP]', null, 1, 'SUM', 'MONTH', 1, now()),
  ('PRESS_ITEMS', 'Số tin, bài, phóng sự', 'News items, articles and reports published',
   'tin bài', 'ACTIVITY_COUNT[NEWS_ARTICLE]', null, 1, 'SUM', 'MONTH', 1, now()),
  ('LOUDSPEAKER_BROADCASTS', 'Số lượt phát thanh trên loa truyền thanh', 'Loudspeaker broadcasts',
   'lượt', 'QUANTITY[LOUDSPEAKER_BROADCAST]', null, 1, 'SUM', 'MONTH', 1, now()),
  ('PEOPLE_REACHED', 'Số lượt người được tiếp cận', 'People present plus people reached by media',
   'lượt người', 'ATTENDANCE + REACH', null, 1, 'SUM', 'MONTH', 1, now()),
  ('NEW_VOLUNTARY_SI_PARTICIPANTS', 'Số người tham gia BHXH tự nguyện mới', 'New voluntary social-insurance participants',
   'người', 'NEW_SOCIAL_INSURANCE', null, 1, 'SUM', 'MONTH', 1, now()),
  ('NEW_HI_PARTICIPANTS', 'Số người tham gia BHYT mới', 'New health-insurance participants',
   'người', 'NEW_HEALTH_INSURANCE', null, 1, 'SUM', 'MONTH', 1, now()),
  ('NEW_PARTICIPANTS_PER_MILLION_VND', 'Số người tham gia mới trên một triệu đồng chi phí',
   'New social- and health-insurance participants per million VND spent',
   'người/triệu đồng', 'NEW_SOCIAL_INSURANCE + NEW_HEALTH_INSURANCE', 'COST_VND', 1000000, 'AVERAGE', 'MONTH', 1, now()),
  ('COST_PER_NEW_PARTICIPANT', 'Chi phí bình quân cho một người tham gia mới', 'VND spent per new participant',
   'đồng/người', 'COST_VND', 'NEW_SOCIAL_INSURANCE + NEW_HEALTH_INSURANCE', 1, 'AVERAGE', 'MONTH', 1, now()),
  ('LIVESTREAM_PLAYS', 'Lượt xem livestream', 'Plays of livestreams',
   'lượt xem', 'PLAYS[LIVESTREAM]', null, 1, 'SUM', 'MONTH', 1, now()),
  ('ONLINE_INTERACTIONS', 'Lượt tương tác trực tuyến', 'Interactions on every internet form',
   'lượt', 'INTERACTIONS', null, 1, 'SUM', 'MONTH', 1, now()),
  ('APP_INSTALLS', 'Số người được hướng dẫn cài đặt VssID', 'VssID installs guided',
   'người', 'APP_INSTALLS', null, 1, 'SUM', 'MONTH', 1, now()),
  ('NON_CASH_CONVERSIONS', 'Số người chuyển sang nhận lương hưu, trợ cấp không dùng tiền mặt',
   'People moved to non-cash payment', 'người', 'NON_CASH_CONVERSIONS', null, 1, 'SUM', 'MONTH', 1, now()),
  ('BOOKS_AND_CARDS_DONATED', 'Số sổ BHXH, thẻ BHYT trao tặng', 'Insurance books and cards donated',
   'sổ, thẻ', 'BOOKS_AND_CARDS_DONATED', null, 1, 'SUM', 'YEAR', 1, now()),
  ('BOOTH_VISITORS', 'Số người đến quầy tư vấn', 'Visitors of advisory booths',
   'người', 'ATTENDANCE[ADVISORY_BOOTH]', null, 1, 'SUM', 'MONTH', 1, now());

-- ------------------------------------------------------------------ live facts
-- What was last applied of each activity: the live totals are the sum of these, so a correction
-- applies new minus old and a full recompute rebuilds the totals from this table alone.
create table activity_state (
    activity_id             uuid        primary key,
    revision                int         not null,
    org_unit_code           text        not null,
    org_unit_path           text        not null,
    day                     date        not null,
    form                    text        not null,
    campaign_id             text        not null,
    verification_status     text        not null,
    counted                 boolean     not null,
    verified                boolean     not null,
    activities              bigint      not null,
    quantity                bigint      not null,
    attendance              bigint      not null,
    reach                   bigint      not null,
    plays                   bigint      not null,
    interactions            bigint      not null,
    new_social_insurance    bigint      not null,
    new_health_insurance    bigint      not null,
    app_installs            bigint      not null,
    non_cash_conversions    bigint      not null,
    books_and_cards_donated bigint      not null,
    cost_vnd                bigint      not null,
    applied_at              timestamptz not null
);
create index activity_state_path on activity_state (org_unit_path text_pattern_ops);

-- The day totals gain every data element and the dimensions queries filter on. Rows from before
-- this migration keep form '' and no campaign: they still count in unfiltered totals.
alter table unit_day_total
    add column form                    text    not null default '',
    add column campaign_id             text    not null default '',
    add column verified                boolean not null default false,
    add column quantity                bigint  not null default 0,
    add column reach                   bigint  not null default 0,
    add column plays                   bigint  not null default 0,
    add column interactions            bigint  not null default 0,
    add column new_social_insurance    bigint  not null default 0,
    add column new_health_insurance    bigint  not null default 0,
    add column app_installs            bigint  not null default 0,
    add column non_cash_conversions    bigint  not null default 0,
    add column books_and_cards_donated bigint  not null default 0,
    add column cost_vnd                bigint  not null default 0;
alter table unit_day_total drop constraint unit_day_total_pkey;
alter table unit_day_total add primary key (org_unit_code, day, form, campaign_id, verified);

-- Where each unit's history rolls up to now: the path its facts count under. Moves and merges
-- re-map it (a merged unit is placed under its successor), so redelivered org-unit events find it
-- already in place and change nothing.
create table unit_placement (
    code           text primary key,
    path           text        not null,
    successor_code text,
    effective_date date,
    updated_at     timestamptz not null
);

create table campaign_window (
    campaign_id     text primary key,
    theme           text,
    owner_unit_code text,
    owner_unit_path text,
    start_date      date        not null,
    end_date        date        not null,
    updated_at      timestamptz not null
);

-- ------------------------------------------------------------------ targets and alerts
create table target (
    id               uuid primary key,
    indicator_code   text           not null references indicator (code),
    org_unit_code    text           not null,
    org_unit_path    text           not null,
    period_id        text           not null,
    period_start     date           not null,
    period_end       date           not null,
    value            numeric(24, 4) not null,
    effective_from   date           not null,
    version          int            not null,
    parent_target_id uuid references target (id),
    created_by       text           not null,
    created_at       timestamptz    not null,
    unique (indicator_code, org_unit_code, period_id, effective_from),
    unique (indicator_code, org_unit_code, period_id, version)
);
create index target_by_period on target (period_start, period_end);

create table indicator_alert (
    indicator_code  text           not null,
    org_unit_code   text           not null,
    period_id       text           not null,
    value           numeric(24, 4),
    target          numeric(24, 4) not null,
    expected_by_now numeric(24, 4) not null,
    achievement     numeric(12, 4),
    raised_at       timestamptz    not null,
    resolved_at     timestamptz,
    primary key (indicator_code, org_unit_code, period_id)
);
