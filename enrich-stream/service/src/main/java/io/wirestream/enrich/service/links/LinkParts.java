package io.wirestream.enrich.service.links;

import io.wirestream.enrich.tagging.related.KeyHits;
import io.wirestream.enrich.tagging.related.StoryProfile;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * What has arrived for one waiting version of a story, one store entry per part: the tagged article with its profile
 * under {@code uri NUL version NUL "a"}, and the n-th answer message (the answers of the keys of one probe message;
 * one key's answer before issue 16) under {@code uri NUL version NUL "h" n}. The waiting
 * version's bookkeeping says how many answers there are, so parts are read and forgotten by key, never scanned.
 */
final class LinkParts {

    static final String STORE = "related-links-parts";

    /** The article part: Avro single-object bytes of the tagged article, and its linking profile. */
    record ArticlePart(byte[] article, StoryProfile profile) {
    }

    /**
     * A part: exactly one of the three is set. {@code hits} is one key's answer (one message per key, before
     * issue 16), {@code answers} the answers of every key of one probe message.
     */
    record Part(ArticlePart article, KeyHits hits, List<KeyHits> answers) {
    }

    /** Parts kept decoded in memory; beyond this many the memory copy is dropped and the store read instead. */
    static final int REMEMBERED_PARTS = 20_000;

    private final KeyValueStore<String, Part> store;
    /**
     * The parts written since this instance was made, decoded (issue 16: most answer messages are stored and read
     * back once, and decoding them again was a large share of the collector's time). The store stays the truth; an
     * instance lives from one processor init to the next, so a store restored after an aborted transaction is read
     * afresh.
     */
    private final Map<String, Part> remembered = new HashMap<>();

    LinkParts(KeyValueStore<String, Part> store) {
        this.store = store;
    }

    private void put(String key, Part part) {
        store.put(key, part);
        if (part == null) {
            remembered.remove(key);
            return;
        }
        if (remembered.size() >= REMEMBERED_PARTS) {
            remembered.clear();
        }
        remembered.put(key, part);
    }

    private Part get(String key) {
        Part part = remembered.get(key);
        return part != null ? part : store.get(key);
    }

    private static String prefix(String uri, long version) {
        return uri + '\u0000' + version + '\u0000';
    }

    void putArticle(String uri, long version, ArticlePart article) {
        put(prefix(uri, version) + "a", new Part(article, null, null));
    }

    void putHits(String uri, long version, int ordinal, KeyHits hits) {
        put(prefix(uri, version) + "h" + ordinal, new Part(null, hits, null));
    }

    /** The n-th answer message of the version: the answers of all the keys of one probe message. */
    void putAnswers(String uri, long version, int ordinal, List<KeyHits> answers) {
        put(prefix(uri, version) + "h" + ordinal, new Part(null, null, answers));
    }

    /**
     * Everything received for the version (the article, null if it has not arrived or is not to be read, and its
     * answers so far, in a list the caller may add to).
     *
     * @param readArticle false when the caller has the article from hand
     * @param unstoredOrdinal the answer the caller has from hand, not stored (-1: none)
     */
    Collected collect(String uri, long version, int hitsReceived, boolean readArticle, int unstoredOrdinal) {
        String prefix = prefix(uri, version);
        Part article = readArticle ? get(prefix + "a") : null;
        List<KeyHits> hits = new ArrayList<>(hitsReceived);
        for (int i = 0; i < hitsReceived; i++) {
            if (i == unstoredOrdinal) {
                continue;
            }
            Part part = get(prefix + "h" + i);
            if (part != null && part.hits() != null) {
                hits.add(part.hits());
            }
            if (part != null && part.answers() != null) {
                hits.addAll(part.answers());
            }
        }
        return new Collected(article == null ? null : article.article(), hits);
    }

    /**
     * Forgets the version's parts; put(null) rather than delete, which would decode each old value to return it.
     * What was never stored is not deleted either: on a cached store that would still write a tombstone.
     */
    void delete(String uri, long version, int hitsReceived, boolean articleStored, int unstoredOrdinal) {
        String prefix = prefix(uri, version);
        if (articleStored) {
            put(prefix + "a", null);
        }
        for (int i = 0; i < hitsReceived; i++) {
            if (i != unstoredOrdinal) {
                put(prefix + "h" + i, null);
            }
        }
    }

    record Collected(ArticlePart article, List<KeyHits> hits) {
    }
}
