-- Near-duplicate feedback (a rumour copied and reposted) is grouped by trigram similarity of the folded text.
-- pg_trgm ships with PostgreSQL (postgresql-contrib; Debian's postgresql package includes it) and is a
-- trusted extension, so the database owner may create it.
create extension if not exists pg_trgm;

create table feedback_cluster (
    id             uuid        primary key,
    -- the folded text of the first item, which later items are compared with
    representative text        not null,
    sample_text    text        not null,
    topic_code     text,
    item_count     int         not null,
    first_seen     timestamptz not null,
    last_seen      timestamptz not null,
    created_at     timestamptz not null
);

create index feedback_cluster_representative on feedback_cluster using gin (representative gin_trgm_ops);
create index feedback_cluster_last_seen on feedback_cluster (last_seen desc);

alter table feedback add column cluster_id uuid references feedback_cluster (id);
create index feedback_cluster_items on feedback (cluster_id, received_at);
