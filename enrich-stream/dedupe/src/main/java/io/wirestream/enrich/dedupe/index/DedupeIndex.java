package io.wirestream.enrich.dedupe.index;

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
}
