-- What a subscriber's product looks at in the stored version (agency, Media Topics, language, urgency, places,
-- keywords, editorial state), as JSON, so a changed subscribers file can be applied to stories already stored.
ALTER TABLE articles ADD COLUMN facets text;

-- A subscriber may read a story through the read API: granted, in the same transaction as the version, when a
-- version one of its products admits was written (or when its products changed and the stored version is admitted).
-- Never taken back: later versions, corrections and the kill stay readable to it, as the fan-out sends them.
CREATE TABLE read_grants (
    story_uri       text        NOT NULL,
    subscriber_id   text        NOT NULL,
    granted_version bigint      NOT NULL,
    granted_at      timestamptz NOT NULL,
    PRIMARY KEY (story_uri, subscriber_id)
);
CREATE INDEX read_grants_subscriber_idx ON read_grants (subscriber_id, story_uri);

-- The products each subscriber had when the store last decided its grants (a digest): a subscriber whose digest
-- differs from the file in force (or is absent: a new subscriber) has the stored stories looked at again.
CREATE TABLE read_rules (
    subscriber_id text        PRIMARY KEY,
    rules_digest  text        NOT NULL,
    updated_at    timestamptz NOT NULL
);
