-- The relay reads the payload back as text and nothing in the services queries inside it: json keeps
-- the text as written, without jsonb's conversion on every insert and back on every relay read.
alter table outbox_event alter column payload type json using payload::json;

-- Event ids are random UUIDs made by the publisher and nothing looks an outbox row up by one; the
-- unique index cost a random B-tree insert per event, and another per relay update.
alter table outbox_event drop constraint outbox_event_event_id_key;
