package io.wirestream.enrich.tagging.related;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * A {@link RelatedStoryIndex} in memory, for one process (evaluation, benchmarks, local tools). Each key keeps only
 * its newest {@code capacityPerKey} postings, which bounds memory per key and reading cost per story.
 */
public final class InMemoryRelatedStoryIndex implements RelatedStoryIndex {

    private final int capacityPerKey;
    private final Map<String, Deque<Posting>> byKey = new HashMap<>();

    public InMemoryRelatedStoryIndex(int capacityPerKey) {
        this.capacityPerKey = capacityPerKey;
    }

    @Override
    public List<Posting> newest(String key, long sinceMillis, int limit) {
        Deque<Posting> postings = byKey.get(key);
        if (postings == null) {
            return List.of();
        }
        List<Posting> out = new ArrayList<>(Math.min(limit, postings.size()));
        for (Iterator<Posting> it = postings.descendingIterator(); it.hasNext() && out.size() < limit; ) {
            Posting p = it.next();
            if (p.timeMillis() >= sinceMillis) {
                out.add(p);
            }
        }
        return out;
    }

    @Override
    public void add(String key, Posting posting) {
        Deque<Posting> postings = byKey.computeIfAbsent(key, k -> new ArrayDeque<>());
        postings.addLast(posting);
        if (postings.size() > capacityPerKey) {
            postings.removeFirst();
        }
    }

    public int keyCount() {
        return byKey.size();
    }
}
