-- Who may read what through the per-subscriber read API (see the PostgreSQL migration for the meaning).
ALTER TABLE articles ADD COLUMN facets TEXT;

CREATE TABLE read_grants (
    story_uri       TEXT    NOT NULL,
    subscriber_id   TEXT    NOT NULL,
    granted_version INTEGER NOT NULL,
    granted_at      INTEGER NOT NULL,
    PRIMARY KEY (story_uri, subscriber_id)
);
CREATE INDEX read_grants_subscriber_idx ON read_grants (subscriber_id, story_uri);

CREATE TABLE read_rules (
    subscriber_id TEXT    PRIMARY KEY,
    rules_digest  TEXT    NOT NULL,
    updated_at    INTEGER NOT NULL
);
