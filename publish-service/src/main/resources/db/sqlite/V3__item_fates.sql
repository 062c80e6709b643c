-- What became of each ingested item, by its ingest receipt id (see the PostgreSQL migration for the columns).
CREATE TABLE item_fates (
    item_id          TEXT    PRIMARY KEY,
    fate             TEXT    NOT NULL,
    fate_rank        INTEGER NOT NULL,
    story_uri        TEXT,
    version          INTEGER,
    status           TEXT,
    embargoed_until  INTEGER,
    survivor_uri     TEXT,
    cluster_id       TEXT,
    stage            TEXT,
    reason           TEXT,
    detail           TEXT,
    decided_at       INTEGER,
    updated_at       INTEGER NOT NULL
);
