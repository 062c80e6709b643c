package io.wirestream.enrich.dedupe.index;

import io.wirestream.enrich.dedupe.fingerprint.StorySignature;
import java.time.Instant;
import java.util.Comparator;

/**
 * A story as the dedupe index keeps it: its id, who wired it and when, and its signature. No text.
 */
public record IndexedStory(String uri, String agency, Instant receivedAt, StorySignature signature) {

    /**
     * The order in which copies of one story count as "first to wire": earliest receipt, then story id so that two
     * copies received in the same millisecond still have one winner wherever they are compared.
     */
    public static final Comparator<IndexedStory> WIRE_ORDER =
            Comparator.comparing(IndexedStory::receivedAt).thenComparing(IndexedStory::uri);

    public boolean precedes(IndexedStory other) {
        return WIRE_ORDER.compare(this, other) < 0;
    }
}
