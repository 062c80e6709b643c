package io.wirestream.enrich.service.links;

import io.wirestream.enrich.service.GoldenBytes;
import org.junit.jupiter.api.Test;

/**
 * State written before issue 20 is read after it: the links stage's stores (index postings, parts, pending
 * bookkeeping, indexed keys) and its repartition topics hold exactly the bytes in {@code state-v1/links/}, written by
 * the codecs as they were. Each decodes to the value it was written from, and is written again the same.
 */
class LinkStateV1Test {

    @Test
    void indexPostings() {
        GoldenBytes.check("links/posting.hex", StateV1Cases.postings(), StateV1Codecs.postings());
    }

    @Test
    void messagesOnTheRepartitionTopics() {
        GoldenBytes.check("links/link-message.hex", StateV1Cases.messages(), StateV1Codecs.messages());
    }

    @Test
    void parts() {
        GoldenBytes.check("links/link-part.hex", StateV1Cases.parts(), StateV1Codecs.parts());
    }

    @Test
    void pendingBookkeeping() {
        GoldenBytes.check("links/pending-links.hex", StateV1Cases.pendingLinks(), StateV1Codecs.pendingLinks());
    }

    @Test
    void indexedKeys() {
        GoldenBytes.check("links/indexed-keys.hex", StateV1Cases.indexedKeys(), StateV1Codecs.indexedKeys());
    }
}
