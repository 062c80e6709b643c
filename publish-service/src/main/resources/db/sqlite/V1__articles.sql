-- Instants are epoch milliseconds; booleans are 0/1.
CREATE TABLE articles (
    uri              TEXT    PRIMARY KEY,
    version          INTEGER NOT NULL,
    status           TEXT    NOT NULL CHECK (status IN ('usable', 'withheld', 'withdrawn', 'deleted')),
    embargoed_until  INTEGER,
    awaiting_release INTEGER NOT NULL DEFAULT 0,
    change_seq       INTEGER,
    headline         TEXT,
    body_text        TEXT,
    language         TEXT,
    agency           TEXT,
    versioncreated   INTEGER,
    document         TEXT,
    source_topic     TEXT    NOT NULL,
    source_partition INTEGER NOT NULL,
    source_offset    INTEGER NOT NULL,
    updated_at       INTEGER NOT NULL
);

CREATE UNIQUE INDEX articles_change_seq_idx ON articles (change_seq) WHERE change_seq IS NOT NULL;
CREATE INDEX articles_awaiting_release_idx ON articles (embargoed_until) WHERE awaiting_release = 1;

-- Full text over headline and body; the FTS rowid is the articles rowid, which an upsert keeps stable.
CREATE VIRTUAL TABLE articles_fts USING fts5(headline, body, tokenize = 'unicode61 remove_diacritics 2');

-- SQLite has no sequences: the change cursor is a counter row bumped inside the writing transaction.
CREATE TABLE counters (
    name  TEXT    PRIMARY KEY,
    value INTEGER NOT NULL
);
INSERT INTO counters (name, value) VALUES ('change_seq', 0);

CREATE TABLE consumer_offsets (
    topic        TEXT    NOT NULL,
    partition_id INTEGER NOT NULL,
    next_offset  INTEGER NOT NULL,
    updated_at   INTEGER NOT NULL,
    PRIMARY KEY (topic, partition_id)
);
