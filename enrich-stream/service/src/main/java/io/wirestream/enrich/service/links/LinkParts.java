package io.wirestream.enrich.service.links;

import io.wirestream.enrich.tagging.related.KeyHits;
import io.wirestream.enrich.tagging.related.StoryProfile;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * What has arrived for one waiting version of a story, one store entry per part: the tagged article with its profile
 * under {@code uri NUL version NUL "a"}, and the n-th key answer under {@code uri NUL version NUL "h" n}. The NUL after
 * the version keeps version 12's parts apart from version 123's in a prefix scan.
 */
final class LinkParts {

    static final String STORE = "related-links-parts";

    /** The article part: Avro single-object bytes of the tagged article, and its linking profile. */
    record ArticlePart(byte[] article, StoryProfile profile) {
    }

    /** A part: exactly one of the two is set. */
    record Part(ArticlePart article, KeyHits hits) {
    }

    private static final StringSerializer KEYS = new StringSerializer();

    private final KeyValueStore<String, Part> store;

    LinkParts(KeyValueStore<String, Part> store) {
        this.store = store;
    }

    private static String prefix(String uri, long version) {
        return uri + '\u0000' + version + '\u0000';
    }

    void putArticle(String uri, long version, ArticlePart article) {
        store.put(prefix(uri, version) + "a", new Part(article, null));
    }

    void putHits(String uri, long version, int ordinal, KeyHits hits) {
        store.put(prefix(uri, version) + "h" + ordinal, new Part(null, hits));
    }

    /** Everything received for the version; null article when it has not arrived. */
    Collected collect(String uri, long version) {
        ArticlePart article = null;
        List<KeyHits> hits = new ArrayList<>();
        try (KeyValueIterator<String, Part> it = store.prefixScan(prefix(uri, version), KEYS)) {
            while (it.hasNext()) {
                Part part = it.next().value;
                if (part.article() != null) {
                    article = part.article();
                } else if (part.hits() != null) {
                    hits.add(part.hits());
                }
            }
        }
        return new Collected(article, hits);
    }

    void delete(String uri, long version) {
        List<String> keys = new ArrayList<>();
        try (KeyValueIterator<String, Part> it = store.prefixScan(prefix(uri, version), KEYS)) {
            it.forEachRemaining((KeyValue<String, Part> kv) -> keys.add(kv.key));
        }
        keys.forEach(store::delete);
    }

    record Collected(ArticlePart article, List<KeyHits> hits) {
    }
}
