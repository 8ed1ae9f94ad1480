-- Evidence files, stored once per content (sha256) whoever uploads them and however often.
create table evidence_file (
    sha256       char(64) collate "C" primary key check (sha256 ~ '^[0-9a-f]{64}$'),
    media_type   text not null,
    size_bytes   bigint not null check (size_bytes > 0),
    -- where the bytes are: POSTGRES (evidence_chunk) or S3 (the configured bucket)
    stored_in    text not null check (stored_in in ('POSTGRES', 'S3')),
    captured_at  timestamptz,
    latitude     double precision check (latitude between -90 and 90),
    longitude    double precision check (longitude between -180 and 180),
    uploaded_by  text not null,
    uploaded_at  timestamptz not null,
    -- a JPEG of the image, made on the first request for it
    thumbnail    bytea
);
-- bytea of compressed media gains nothing from TOAST compression
alter table evidence_file alter column thumbnail set storage external;

-- The bytes of files kept in PostgreSQL, in chunks so that neither an upload nor a download holds a
-- whole video in memory.
create table evidence_chunk (
    sha256 char(64) collate "C" not null,
    seq    integer not null check (seq >= 0),
    data   bytea not null,
    primary key (sha256, seq)
);
alter table evidence_chunk alter column data set storage external;

-- Which files an activity carries, by whom they were attached.
create table activity_evidence_file (
    activity_id uuid not null references activity (id),
    sha256      char(64) collate "C" not null references evidence_file (sha256),
    attached_by text not null,
    attached_at timestamptz not null,
    primary key (activity_id, sha256)
);
