-- What monitoring tools and offices report about a piece of feedback besides its text.
alter table feedback
    add column author_handle  text,
    add column reach          bigint not null default 0,
    add column engagement     bigint not null default 0,
    add column in_reply_to    text,
    -- the unit's path when received, so early warning rolls volumes up the hierarchy without a lookup
    add column org_unit_path  text,
    add column submitted_by   text;

update feedback f set org_unit_path = r.path from org_unit_replica r where r.code = f.org_unit_code;

create index feedback_unit_path on feedback (org_unit_path text_pattern_ops, received_at);

-- Every read of a person's contact is recorded: who, when, which item.
create table feedback_contact_access (
    id          bigint generated always as identity primary key,
    feedback_id uuid        not null references feedback (id),
    accessed_by text        not null,
    accessed_at timestamptz not null
);

create index feedback_contact_access_item on feedback_contact_access (feedback_id, accessed_at);
