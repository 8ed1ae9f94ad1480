-- The activity's identifiers (its org unit's code, the reporter scope and the reporter's own id, the
-- Idempotency-Key) are compared as bytes. Under a linguistic collation, and under glibc's C.UTF-8
-- too, every comparison in their B-trees copied both strings and called strcoll: about a tenth of
-- the database's work on a bulk COPY, most of it in the unique (reporter, external_id) index that
-- every new activity descends. Equality is the same in either collation, so idempotency is
-- unchanged; they also compare with the default collation's columns (org_unit_replica.code, query
-- parameters), which yield to this one. Only the indexes are rebuilt, not the table.
alter table activity
    alter column org_unit_code type text collate "C",
    alter column reporter type text collate "C",
    alter column external_id type text collate "C",
    alter column idempotency_key type text collate "C";
