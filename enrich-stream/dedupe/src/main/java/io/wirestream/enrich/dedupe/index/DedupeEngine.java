package io.wirestream.enrich.dedupe.index;

import io.wirestream.enrich.dedupe.fingerprint.DuplicateVerifier;
import io.wirestream.enrich.dedupe.fingerprint.FingerprintSettings;
import io.wirestream.enrich.dedupe.fingerprint.IndexKeys;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Single-process dedupe over a {@link DedupeIndex}: looks the story up under each of its index keys, verifies the
 * candidates, files the story, and applies the wire-order rule.
 *
 * <p>Per-item cost is bounded by (bands + 1) x bucket capacity comparisons whatever the number of stories in the
 * index: a key whose bucket is full is read but not extended.
 */
public final class DedupeEngine {

    private final FingerprintSettings settings;
    private final CandidateMatcher matcher;
    private final DedupeIndex index;

    public DedupeEngine(FingerprintSettings settings, DedupeIndex index) {
        this.settings = settings;
        this.matcher = new CandidateMatcher(new DuplicateVerifier(settings));
        this.index = index;
    }

    public DedupeDecision offer(IndexedStory story) {
        List<DuplicateMatch> matches = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int capacity = settings.bucketCapacity();
        List<String> keys = IndexKeys.of(story.signature(), settings);
        List<List<IndexedStory>> postingsByKey = index.postings(keys, capacity);
        List<String> keysToFileUnder = new ArrayList<>(keys.size());
        for (int i = 0; i < keys.size(); i++) {
            List<IndexedStory> postings = postingsByKey.get(i);
            for (DuplicateMatch match : matcher.matches(story, postings)) {
                if (seen.add(match.other().uri())) {
                    matches.add(match);
                }
            }
            if (postings.size() < capacity && !CandidateMatcher.contains(postings, story.uri())) {
                keysToFileUnder.add(keys.get(i));
            }
        }
        index.add(keysToFileUnder, story);
        return DedupeDecision.of(story, matches);
    }
}
