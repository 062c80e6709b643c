package io.wirestream.enrich.dedupe.version;

/** What to do with an incoming version of a story. */
public enum VersionVerdict {
    /** A newer version (or the first one): publish it. */
    PUBLISH,
    /** Older than or equal to a version already let through: record it, do not publish. */
    DROP_STALE,
    /** A kill (canceled, withdrawn, agency kill advisory): publish it as the kill of the story. */
    PUBLISH_KILL,
    /** The story was killed before: nothing of it is published again. */
    DROP_AFTER_KILL;

    public boolean publishes() {
        return this == PUBLISH || this == PUBLISH_KILL;
    }
}
