-- Seeds 001 and 003: feedback is answered promptly. An answer is owed by a deadline and recorded when given.
create table feedback_answer (
    id          uuid        primary key,
    feedback_id uuid        not null references feedback (id),
    answer_by   timestamptz not null,
    text        text,
    answered_at timestamptz,
    answered_by text,
    created_by  text        not null,
    created_at  timestamptz not null,
    version     int         not null default 0
);

create index feedback_answer_item on feedback_answer (feedback_id);
-- the open answers by deadline: what is pending and what is overdue
create index feedback_answer_open on feedback_answer (answer_by) where answered_at is null;
