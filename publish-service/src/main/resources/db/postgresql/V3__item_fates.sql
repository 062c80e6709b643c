-- What became of each ingested item, by its ingest receipt id: published (story, version), held, merged into a
-- story, dropped (stale or after a kill) or rejected (stage, reason). Written in the same transaction as the
-- articles, audits and rejections it comes from. rank orders fates so a later, weaker record cannot overwrite a
-- stronger one read from another topic (a merge found after publication stays a merge).
CREATE TABLE item_fates (
    item_id          text        PRIMARY KEY,
    fate             text        NOT NULL,
    fate_rank        integer     NOT NULL,
    story_uri        text,
    version          bigint,
    status           text,
    embargoed_until  timestamptz,
    survivor_uri     text,
    cluster_id       text,
    stage            text,
    reason           text,
    detail           text,
    decided_at       timestamptz,
    updated_at       timestamptz NOT NULL
);
