-- Only single POSTs carry an Idempotency-Key; a partial index keeps the NULLs of bulk rows out of it.
alter table activity drop constraint activity_idempotency_key_key;
create unique index activity_idempotency_key on activity (idempotency_key) where idempotency_key is not null;
