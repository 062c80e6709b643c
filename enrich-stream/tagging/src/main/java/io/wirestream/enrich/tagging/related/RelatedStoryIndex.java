package io.wirestream.enrich.tagging.related;

import java.util.List;

/**
 * Stories by salient key. Reading a key returns at most a bounded number of the newest postings, so the cost per
 * story depends on its number of keys and that bound, not on how many stories the window holds. The Streams stage
 * implements the same contract with a RocksDB window store partitioned by key.
 */
public interface RelatedStoryIndex {

    /** Newest first, only postings at or after {@code sinceMillis}, at most {@code limit}. */
    List<Posting> newest(String key, long sinceMillis, int limit);

    void add(String key, Posting posting);
}
