-- One row per story: its current version and status, the whole article as JSONB (ninjs with the pipeline extension).
CREATE TABLE articles (
    uri              text        PRIMARY KEY,
    version          bigint      NOT NULL,
    status           text        NOT NULL CHECK (status IN ('usable', 'withheld', 'withdrawn', 'deleted')),
    -- visible only from this instant; a version held back is written with awaiting_release and no change cursor
    embargoed_until  timestamptz,
    awaiting_release boolean     NOT NULL DEFAULT false,
    change_seq       bigint,
    headline         text,
    body_text        text,
    language         text,
    agency           text,
    versioncreated   timestamptz,
    document         jsonb,
    -- 'simple' rather than a language configuration: the wire carries many languages and no stemmer fits all
    search_vector    tsvector GENERATED ALWAYS AS (
                         setweight(to_tsvector('simple', coalesce(headline, '')), 'A') ||
                         setweight(to_tsvector('simple', coalesce(body_text, '')), 'B')) STORED,
    source_topic     text        NOT NULL,
    source_partition integer     NOT NULL,
    source_offset    bigint      NOT NULL,
    updated_at       timestamptz NOT NULL DEFAULT now()
);

CREATE SEQUENCE article_change_seq;

CREATE UNIQUE INDEX articles_change_seq_idx ON articles (change_seq) WHERE change_seq IS NOT NULL;
CREATE INDEX articles_awaiting_release_idx ON articles (embargoed_until) WHERE awaiting_release;
CREATE INDEX articles_search_idx ON articles USING gin (search_vector);

-- The consumer's position, committed in the same transaction as the articles it covers.
CREATE TABLE consumer_offsets (
    topic        text        NOT NULL,
    partition_id integer     NOT NULL,
    next_offset  bigint      NOT NULL,
    updated_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (topic, partition_id)
);
