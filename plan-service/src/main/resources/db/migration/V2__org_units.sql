-- Levels are data: the 2025 reform removed districts without a code change.
create table org_level (
    code  text primary key,
    name  text not null,
    depth int  not null unique check (depth >= 0)
);

insert into org_level (code, name, depth) values
    ('NATIONAL', 'National', 0),
    ('PROVINCE', 'Province', 1),
    ('DISTRICT', 'District', 2),
    ('COMMUNE',  'Commune',  3);

create table org_unit (
    id          bigint generated always as identity primary key,
    code        text        not null unique,
    name        text        not null,
    -- name without diacritics, lower case: "Lào Cai" is found by "lao cai"
    search_name text        not null,
    level_code  text        not null references org_level (code),
    parent_id   bigint      references org_unit (id),
    -- '/VN/LC/LC-HOPHAI/': a subtree is a prefix, which roll-ups and grants rely on
    path        text        not null unique,
    valid_from  date        not null,
    valid_to    date,
    created_at  timestamptz not null,
    version     int         not null default 0
);

create index org_unit_parent on org_unit (parent_id);
create index org_unit_path on org_unit (path text_pattern_ops);
