package io.wirestream.enrich.dedupe.index;

import java.util.ArrayList;
import java.util.List;

/**
 * The store behind dedupe: stories filed under index keys (exact digest, LSH band keys). Kafka Streams backs it by a
 * RocksDB window store with retention, tests by a map. Implementations may forget entries older than their window.
 */
public interface DedupeIndex {

    /** At most {@code limit} stories filed under the key, oldest first. */
    List<IndexedStory> postings(String key, int limit);

    /** Files the story under the key. */
    void add(String key, IndexedStory story);

    /**
     * The postings of several keys, in the order of the keys. Stores with a per-call overhead (RocksDB through JNI)
     * answer all keys of a story in one round trip.
     */
    default List<List<IndexedStory>> postings(List<String> keys, int limit) {
        List<List<IndexedStory>> all = new ArrayList<>(keys.size());
        for (String key : keys) {
            all.add(postings(key, limit));
        }
        return all;
    }

    /** Files the story under several keys at once. */
    default void add(List<String> keys, IndexedStory story) {
        for (String key : keys) {
            add(key, story);
        }
    }
}
