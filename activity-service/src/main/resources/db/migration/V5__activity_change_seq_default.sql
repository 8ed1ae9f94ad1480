-- Bulk inserts COPY activities straight into the table; the change feed's sequence then comes from the default.
alter table activity alter column change_seq set default nextval('activity_change_seq');
