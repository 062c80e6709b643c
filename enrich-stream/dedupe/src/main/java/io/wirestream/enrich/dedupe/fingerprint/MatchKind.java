package io.wirestream.enrich.dedupe.fingerprint;

/** How two copies of one story matched. */
public enum MatchKind {
    /** Same canonical headline and body. */
    EXACT,
    /** A syndicated or lightly rewritten copy. */
    NEAR
}
