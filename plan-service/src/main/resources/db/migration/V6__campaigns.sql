-- Target groups are a managed vocabulary: new audiences are rows, not releases.
create table target_group (
    code     text primary key,
    name     text not null,
    position int  not null
);

insert into target_group (code, name, position) values
    ('FREELANCE_WORKERS',  'Người lao động tự do', 1),
    ('STUDENTS',           'Học sinh, sinh viên', 2),
    ('HOUSEHOLDS',         'Hộ gia đình', 3),
    ('EMPLOYERS',          'Người sử dụng lao động', 4),
    ('EMPLOYEES',          'Người lao động trong doanh nghiệp', 5),
    ('ELDERLY',            'Người cao tuổi', 6),
    ('PEOPLE_IN_HARDSHIP', 'Người có hoàn cảnh khó khăn', 7),
    ('FARMERS',            'Nông dân', 8),
    ('ETHNIC_MINORITIES',  'Đồng bào dân tộc thiểu số', 9),
    ('PENSIONERS',         'Người hưởng lương hưu, trợ cấp BHXH', 10);

create table campaign (
    id          uuid        primary key,
    plan_id     uuid        not null references plan (id),
    theme       text        not null,
    search_theme text       not null,
    start_date  date        not null,
    end_date    date        not null,
    created_at  timestamptz not null,
    updated_at  timestamptz not null,
    version     int         not null default 0,
    check (start_date <= end_date)
);

create index campaign_plan on campaign (plan_id);
create index campaign_window on campaign (start_date, end_date);

create table campaign_key_message (
    campaign_id uuid not null references campaign (id) on delete cascade,
    position    int  not null,
    text        text not null,
    primary key (campaign_id, position)
);

create table campaign_emphasis (
    campaign_id uuid not null references campaign (id) on delete cascade,
    position    int  not null,
    text        text not null,
    primary key (campaign_id, position)
);

create table campaign_target_group (
    campaign_id       uuid not null references campaign (id) on delete cascade,
    target_group_code text not null references target_group (code),
    primary key (campaign_id, target_group_code)
);

create table campaign_form (
    campaign_id  uuid not null references campaign (id) on delete cascade,
    position     int  not null,
    channel      text not null,
    kind         text not null,
    description  text,
    window_start date,
    window_end   date,
    primary key (campaign_id, position)
);

create table campaign_budget_line (
    campaign_id uuid           not null references campaign (id) on delete cascade,
    position    int            not null,
    item        text           not null,
    amount_vnd  numeric(18, 0) not null check (amount_vnd >= 0),
    primary key (campaign_id, position)
);
