package io.wirestream.quality.dedupe;

/** The ways the report rewrites a story, as syndication and rewriting desks do. */
public enum RewriteKind {
    /** Same words, other whitespace and Unicode forms (non-breaking spaces, full-width digits, ligatures). */
    VERBATIM_NOISE(true),
    /** A new dateline and a credit line: exact once furniture is stripped. */
    NEW_DATELINE_AND_CREDIT(true),
    HEADLINE_CHANGED(false),
    PARAGRAPH_ADDED(false),
    PARAGRAPH_DROPPED(false),
    PARAGRAPHS_REORDERED(false),
    TRUNCATED(false),
    /** New dateline, new headline, one paragraph dropped and one added. */
    COMBINED(false);

    private final boolean exact;

    RewriteKind(boolean exact) {
        this.exact = exact;
    }

    /** Whether the rewrite has the same normalised text as the original. */
    public boolean exact() {
        return exact;
    }
}
