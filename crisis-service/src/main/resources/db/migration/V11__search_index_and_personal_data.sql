-- Search: text folded as SearchText.fold does (Vietnamese diacritics off, đ → d, lower case, single spaces),
-- matched with LIKE '%…%' on a trigram index. unaccent() is not IMMUTABLE and cannot back an index; NFD plus
-- dropping the combining marks is, and folds every Vietnamese letter (đ is a letter of its own, not d + mark).
create extension if not exists pg_trgm;

create or replace function search_fold(t text) returns text
    language sql immutable strict parallel safe as
$$ select btrim(regexp_replace(lower(translate(regexp_replace(normalize(t, NFD), '[\u0300-\u036f]', '', 'g'),
                                               'đĐ', 'dD')), '\s+', ' ', 'g')) $$;

-- feedback.search_text is folded by the service when stored (clustering compares it too)
create index feedback_search_text on feedback using gin (search_text gin_trgm_ops);

create or replace function crisis_case_search_text(title text, description text) returns text
    language sql immutable parallel safe as
$$ select search_fold(title || ' ' || coalesce(description, '')) $$;

create index crisis_case_search_text on crisis_case using gin (crisis_case_search_text(title, description) gin_trgm_ops);

-- Personal data under Decree 13/2023/ND-CP: why a contact is kept, since when, and its erasure.
alter table feedback_contact
    -- the phone numbers and e-mail addresses the contact names, in one spelling, to find one person's contacts
    add column identifiers          text[]      not null default '{}',
    -- null only for contacts taken before the basis was recorded
    add column lawful_basis         text,
    add column consent_text_version text,
    add column consent_given_at     timestamptz,
    -- the retention period runs from here
    add column recorded_at          timestamptz,
    -- once erased or anonymised, contact holds a tombstone and identifiers is empty
    add column erased_at            timestamptz,
    add column erasure_id           uuid;

update feedback_contact c set recorded_at = f.created_at from feedback f where f.id = c.feedback_id;
alter table feedback_contact alter column recorded_at set not null;

-- the identifiers of contacts taken before, by the rules of ContactIdentifiers
update feedback_contact c set identifiers = coalesce((
    select array_agg(distinct i order by i) from (
        select lower(m[1]) as i
          from regexp_matches(c.contact, '([[:alnum:]._%+-]+@[[:alnum:].-]+\.[[:alpha:]]{2,})', 'g') as m
        union
        select case when d like '84%' and length(d) = 11 then '0' || substr(d, 3) else d end
          from (select regexp_replace(m[1], '[^0-9]', '', 'g') as d
                  from regexp_matches(regexp_replace(c.contact, '[[:alnum:]._%+-]+@[[:alnum:].-]+\.[[:alpha:]]{2,}', ' ', 'g'),
                                      '(\+?[0-9][0-9 .()-]{6,}[0-9])', 'g') as m) as phones
         where length(d) >= 8) as found), '{}');

create index feedback_contact_identifiers on feedback_contact using gin (identifiers);
create index feedback_contact_retained on feedback_contact (recorded_at) where erased_at is null;

-- One erasure: on a person's request (by identifier or by item) or by the retention job. It keeps no personal
-- data: the identifier only as a keyed hash, to match a later request from the same person.
create table privacy_erasure (
    id               uuid        primary key,
    cause            text        not null,
    subject_hash     text,
    feedback_id      uuid        references feedback (id),
    reason           text        not null,
    requested_by     text        not null,
    erased_at        timestamptz not null,
    contacts_erased  int         not null
);

create index privacy_erasure_subject on privacy_erasure (subject_hash) where subject_hash is not null;
create index privacy_erasure_time on privacy_erasure (erased_at desc);

-- The audit of contact reads records exports and erasures as well.
alter table feedback_contact_access
    add column action     text not null default 'READ',
    add column erasure_id uuid;
