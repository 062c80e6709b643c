package io.wirestream.enrich.dedupe.index;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A map-backed index without retention, for tests, the quality report and single-process use. */
public final class InMemoryDedupeIndex implements DedupeIndex {

    private final Map<String, List<IndexedStory>> postings = new HashMap<>();

    @Override
    public List<IndexedStory> postings(String key, int limit) {
        List<IndexedStory> stories = postings.get(key);
        if (stories == null) {
            return List.of();
        }
        return List.copyOf(stories.subList(0, Math.min(limit, stories.size())));
    }

    @Override
    public void add(String key, IndexedStory story) {
        postings.computeIfAbsent(key, k -> new ArrayList<>(2)).add(story);
    }

    public int keyCount() {
        return postings.size();
    }
}
