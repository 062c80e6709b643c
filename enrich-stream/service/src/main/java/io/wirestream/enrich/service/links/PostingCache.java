package io.wirestream.enrich.service.links;

import io.wirestream.enrich.tagging.related.Posting;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The newest postings of recently used index keys, decoded, in front of the links index store (issue 16: reading and
 * decoding a hot key's postings from the window store was the largest cost of the stream thread).
 *
 * <p>The store stays the truth; this is a write-through copy owned by one processor instance, so it needs no
 * locking. Per key it holds the newest {@code perKey} postings by timestamp, newest first, and knows whether that is
 * everything the store holds for the key. A read it cannot answer exactly (it ran past its end while the store has
 * more) says so, and the caller reads the store. Keys are dropped least recently used first once the cache holds
 * more than {@code maxPostings} postings in all.
 *
 * <p>The owner empties it whenever its store may have been rebuilt under it: a task that is closed and reopened
 * (after an aborted transaction, under exactly-once) restores the store from its changelog, and the cache must not
 * keep postings the aborted transaction wrote.
 */
final class PostingCache {

    /** A posting as the store keeps it: under its key at a timestamp. */
    record Timed(long time, Posting posting) {}

    /** What a key holds in the cache. */
    static final class KeyPostings {
        /** Newest first; for one timestamp, the one written last first (as the store's backward fetch gives them). */
        private final ArrayList<Timed> newestFirst;
        /** Whether these are all the store holds for the key. */
        private boolean complete;

        KeyPostings(List<Timed> newestFirst, boolean complete) {
            this.newestFirst = new ArrayList<>(newestFirst);
            this.complete = complete;
        }

        List<Timed> newestFirst() {
            return newestFirst;
        }

        boolean complete() {
            return complete;
        }
    }

    private final int perKey;
    private final int maxPostings;
    private final LinkedHashMap<String, KeyPostings> keys = new LinkedHashMap<>(256, 0.75f, true);
    private int postings;

    /**
     * @param perKey      postings kept per key (at least what one read needs, plus room for a story's own postings)
     * @param maxPostings postings kept in all; 0 turns the cache off
     */
    PostingCache(int perKey, int maxPostings) {
        if (perKey < 1 || maxPostings < 0) {
            throw new IllegalArgumentException("perKey must be positive and maxPostings not negative");
        }
        this.perKey = perKey;
        this.maxPostings = maxPostings;
    }

    int perKey() {
        return perKey;
    }

    boolean enabled() {
        return maxPostings > 0;
    }

    /** The key's cached postings, or null when the key is not cached. */
    KeyPostings get(String key) {
        return keys.get(key);
    }

    /**
     * Caches what the store gave for a key: its newest postings, newest first, at most {@link #perKey()}, and whether
     * the store has no more.
     */
    KeyPostings load(String key, List<Timed> newestFirst, boolean complete) {
        KeyPostings kp = new KeyPostings(newestFirst, complete);
        KeyPostings old = keys.put(key, kp);
        postings += kp.newestFirst.size() - (old == null ? 0 : old.newestFirst.size());
        evict();
        return kp;
    }

    /** Mirrors a write to the store: the posting goes in at its place by time, if the key is cached. */
    void written(String key, long time, Posting posting) {
        KeyPostings kp = keys.get(key);
        if (kp == null) {
            return;
        }
        List<Timed> list = kp.newestFirst;
        int at = 0;
        while (at < list.size() && list.get(at).time() > time) {
            at++;
        }
        if (at == list.size() && list.size() >= perKey) {
            // older than everything kept, and the cache is full: the store has it, the cache does not need it
            kp.complete = false;
            return;
        }
        list.add(at, new Timed(time, posting));
        postings++;
        if (list.size() > perKey) {
            list.remove(list.size() - 1);
            postings--;
            kp.complete = false;
        }
        evict();
    }

    /** Forgets everything (the store may be rebuilt). */
    void clear() {
        keys.clear();
        postings = 0;
    }

    private void evict() {
        Iterator<Map.Entry<String, KeyPostings>> it = keys.entrySet().iterator();
        while (postings > maxPostings && it.hasNext()) {
            postings -= it.next().getValue().newestFirst.size();
            it.remove();
        }
    }
}
