-- Issue 24, part 3: people told by email of what concerns them. Users come from tokens; this directory
-- only says who receives which kinds of notification, in which language, and when an analyst is on duty.
create table notification_recipient (
    username      text        primary key,
    language      text        not null check (language in ('vi', 'en')),
    org_unit_code text        not null,
    -- what the person answers for: ASSIGNMENT, BEHIND_TARGET, CRISIS_SIGNAL, OVERDUE_ANSWER
    kinds         text[]      not null,
    created_by    text        not null,
    updated_at    timestamptz not null,
    version       int         not null default 0
);
create index notification_recipient_unit on notification_recipient (org_unit_code);

-- Personal data kept apart: only the sender reads it, never an event or a log line.
create table notification_recipient_email (
    username text primary key references notification_recipient (username) on delete cascade,
    email    text not null
);

create table notification_duty_window (
    id        bigserial   primary key,
    username  text        not null references notification_recipient (username) on delete cascade,
    starts_at timestamptz not null,
    ends_at   timestamptz not null,
    check (ends_at > starts_at)
);
create index notification_duty_window_person on notification_duty_window (username);
create index notification_duty_window_time on notification_duty_window (starts_at, ends_at);

-- The person's own choices: email on or off, and the kinds they do not want.
create table notification_preference (
    username      text    primary key references notification_recipient (username) on delete cascade,
    email_enabled boolean not null default true,
    muted_kinds   text[]  not null default '{}',
    version       int     not null default 0
);

-- One row per (event, person): a redelivered event finds its row and sends nothing twice. The sender
-- works through PENDING rows with retries, so an SMTP outage delays mail but loses none.
create table notification (
    id              uuid        primary key,
    event_id        uuid        not null,
    username        text        not null,
    kind            text        not null,
    language        text        not null,
    subject         text        not null,
    body_text       text        not null,
    body_html       text        not null,
    status          text        not null check (status in ('PENDING', 'SENT', 'FAILED', 'DROPPED')),
    attempts        int         not null default 0,
    next_attempt_at timestamptz not null,
    last_error      text,
    created_at      timestamptz not null,
    sent_at         timestamptz,
    unique (event_id, username)
);
create index notification_due on notification (next_attempt_at) where status = 'PENDING';
