-- Search: text folded as SearchText.fold does (Vietnamese diacritics off, đ → d, lower case, single spaces),
-- matched with LIKE '%…%' on trigram indexes over the folding expression, so that nothing in the write paths
-- (the bulk writer copies activity rows) has to fold. unaccent() is not IMMUTABLE and cannot back an index;
-- NFD plus dropping the combining marks is, and folds every Vietnamese letter (đ is a letter, not d + mark).
create extension if not exists pg_trgm;

create or replace function search_fold(t text) returns text
    language sql immutable strict parallel safe as
$$ select btrim(regexp_replace(lower(translate(regexp_replace(normalize(t, NFD), '[\u0300-\u036f]', '', 'g'),
                                               'đĐ', 'dD')), '\s+', ' ', 'g')) $$;

create or replace function activity_search_text(title text, place text) returns text
    language sql immutable parallel safe as
$$ select search_fold(title || ' ' || coalesce(place, '')) $$;

create or replace function communicator_search_text(full_name text, role text) returns text
    language sql immutable parallel safe as
$$ select search_fold(full_name || ' ' || coalesce(role, '')) $$;

create index activity_search_text on activity using gin (activity_search_text(title, place) gin_trgm_ops);
create index communicator_search_text on communicator
    using gin (communicator_search_text(full_name, role) gin_trgm_ops);

-- Personal data under Decree 13/2023/ND-CP: why a communicator's contact is kept, since when, and its erasure.
alter table communicator_contact
    -- the phone number and e-mail address in one spelling, to find one person's contacts
    add column identifiers          text[]      not null default '{}',
    -- null only for contacts taken before the basis was recorded
    add column lawful_basis         text,
    add column consent_text_version text,
    add column consent_given_at     timestamptz,
    -- the retention period runs from here
    add column recorded_at          timestamptz,
    -- once erased or anonymised, phone, email and identifiers are emptied
    add column erased_at            timestamptz,
    add column erasure_id           uuid;

update communicator_contact c set recorded_at = m.created_at from communicator m where m.id = c.communicator_id;
alter table communicator_contact alter column recorded_at set not null;

-- the identifiers of contacts taken before, by the rules of ContactIdentifiers
update communicator_contact set identifiers = array_remove(array[
    lower(email),
    (select case when d like '84%' and length(d) = 11 then '0' || substr(d, 3) else d end
       from (select regexp_replace(phone, '[^0-9]', '', 'g') as d) as digits where length(d) >= 8)], null);

create index communicator_contact_identifiers on communicator_contact using gin (identifiers);
create index communicator_contact_retained on communicator_contact (recorded_at) where erased_at is null;

-- Every read, export and erasure of a communicator's contact: who, when, which communicator.
create table communicator_contact_access (
    id              bigint generated always as identity primary key,
    communicator_id uuid        not null references communicator (id),
    accessed_by     text        not null,
    accessed_at     timestamptz not null,
    action          text        not null,
    erasure_id      uuid
);

create index communicator_contact_access_item on communicator_contact_access (communicator_id, accessed_at);

-- One erasure: on a person's request (by identifier or by communicator) or by the retention job. It keeps no
-- personal data: the identifier only as a keyed hash, to match a later request from the same person.
create table privacy_erasure (
    id               uuid        primary key,
    cause            text        not null,
    subject_hash     text,
    communicator_id  uuid        references communicator (id),
    reason           text        not null,
    requested_by     text        not null,
    erased_at        timestamptz not null,
    contacts_erased  int         not null
);

create index privacy_erasure_subject on privacy_erasure (subject_hash) where subject_hash is not null;
create index privacy_erasure_time on privacy_erasure (erased_at desc);
