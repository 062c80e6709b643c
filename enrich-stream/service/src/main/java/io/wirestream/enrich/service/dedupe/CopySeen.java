package io.wirestream.enrich.service.dedupe;

import io.wirestream.enrich.dedupe.fingerprint.MatchKind;
import io.wirestream.enrich.dedupe.fingerprint.StorySignature;
import io.wirestream.enrich.dedupe.index.IndexedStory;
import java.time.Instant;

/** A copy of a story found in the index, as reported back to the story's own task: who, when, and how it matched. */
record CopySeen(String uri, String agency, long receivedAtMillis, MatchKind kind) {

    private static final StorySignature NO_SIGNATURE = new StorySignature("", 0, new int[0]);

    static CopySeen of(IndexedStory story, MatchKind kind) {
        return new CopySeen(story.uri(), story.agency(), story.receivedAt().toEpochMilli(), kind);
    }

    /** For the wire-order rule, which needs no signature. */
    IndexedStory asIndexedStory() {
        return new IndexedStory(uri, agency, Instant.ofEpochMilli(receivedAtMillis), NO_SIGNATURE);
    }
}
