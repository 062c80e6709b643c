package io.wirestream.enrich.tagging.related;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What one index key returned for a new story.
 *
 * @param key the new story's key
 * @param postings earlier stories under that key, at most {@link LinkSettings#postingsPerKey()}
 * @param storiesUnderKey how many distinct stories the bounded read found under the key (how common the key is),
 *                        which may be more than {@code postings} when only the strongest were kept
 */
public record KeyHits(ProfileKey key, List<Posting> postings, int storiesUnderKey) {

    /** How many postings per key the ranker sees: the strongest of the bounded read (see {@link #strongest}). */
    public static final int RANKED_PER_KEY = 32;

    public KeyHits(ProfileKey key, List<Posting> postings) {
        this(key, postings, distinctStories(postings));
    }

    /**
     * Keeps only the {@code limit} postings that weigh most in their story (the ones that can score highest), while
     * remembering how common the key was: what the Streams stage sends between partitions.
     */
    public KeyHits strongest(int limit) {
        if (postings.size() <= limit) {
            return this;
        }
        List<Posting> sorted = new ArrayList<>(postings);
        sorted.sort(Comparator.comparingDouble((Posting p) -> -p.weight() / Math.max(p.norm(), 1e-9)));
        return new KeyHits(key, List.copyOf(sorted.subList(0, limit)), storiesUnderKey);
    }

    private static int distinctStories(List<Posting> postings) {
        Set<String> uris = new HashSet<>();
        for (Posting p : postings) {
            uris.add(p.uri());
        }
        return uris.size();
    }
}
