-- Issue 24, part 3: an answer passing its deadline unanswered is announced once (feedback-answer.overdue),
-- so that plan-service can tell the people of the feedback's unit.
alter table feedback_answer add column overdue_announced_at timestamptz;
create index feedback_answer_unannounced on feedback_answer (answer_by)
    where answered_at is null and overdue_announced_at is null;
