-- The communicator network (issue 23): communicators are updated and deactivated, never deleted, so
-- the activities that name them keep pointing somewhere; a deactivated one may not be named on an
-- activity that took place after the deactivation.
alter table communicator
    add column deactivated_at      timestamptz,
    add column deactivation_reason text,
    add column deactivation_note   text;

create index communicator_active_unit on communicator (org_unit_code) where deactivated_at is null;

-- A training names its lecturer, a registered key lecturer, by id. Trainings recorded before kept the
-- trainer as free text: it stays, read-only, as lecturer_name, so no row loses who trained it.
alter table training rename column trainer to lecturer_name;
alter table training alter column lecturer_name drop not null;
alter table training
    add column lecturer_id uuid references communicator (id),
    add column kind        text not null default 'INITIAL',
    add column hours       numeric(5, 1),
    add column client_id   uuid;
alter table training alter column kind drop default;
create unique index training_client_id on training (client_id) where client_id is not null;
create index training_lecturer on training (lecturer_id) where lecturer_id is not null;

-- Participants: who attended (earlier rows were attendees, so attended) and the certificate each got,
-- with its expiry fixed when issued from the validity configured for the training's kind.
alter table training_attendee
    add column attended               boolean not null default true,
    add column certificate_number     text,
    add column certificate_issued_on  date,
    add column certificate_valid_until date;
create unique index training_certificate_number on training_attendee (certificate_number)
    where certificate_number is not null;
-- Who needs retraining reads one communicator's participations at a time.
create index training_attendee_communicator on training_attendee (communicator_id, training_id);
