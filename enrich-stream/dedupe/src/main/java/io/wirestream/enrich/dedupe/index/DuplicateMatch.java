package io.wirestream.enrich.dedupe.index;

import io.wirestream.enrich.dedupe.fingerprint.MatchKind;

/** Another story found to be a copy of the one being judged. */
public record DuplicateMatch(IndexedStory other, MatchKind kind) {
}
