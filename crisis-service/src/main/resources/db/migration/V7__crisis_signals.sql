-- Early warning: a topic's feedback volume in a unit (or its subtree) unusual against its own seasonal baseline.
create table crisis_signal (
    id              uuid             primary key,
    topic_code      text             not null references topic (code),
    org_unit_code   text             not null,
    org_unit_path   text             not null,
    window_start    timestamptz      not null,
    window_end      timestamptz      not null,
    volume          int              not null,
    baseline        double precision not null,
    score           double precision not null,
    explanation     text             not null,
    raised_at       timestamptz      not null,
    case_id         uuid
);

create index crisis_signal_series on crisis_signal (topic_code, org_unit_code, window_end desc);
create index crisis_signal_raised on crisis_signal (raised_at desc);
create index crisis_signal_path on crisis_signal (org_unit_path text_pattern_ops);
