package io.wirestream.enrich.dedupe.fingerprint;

/**
 * How alike two stories are, estimated from their signatures alone.
 *
 * @param exact same exact digest
 * @param jaccard estimated Jaccard similarity of the shingle sets (share of equal MinHash values)
 * @param containment estimated share of the smaller story's shingles that the larger one also has
 */
public record Similarity(boolean exact, double jaccard, double containment) {

    public static Similarity between(StorySignature a, StorySignature b) {
        if (a.exact().equals(b.exact())) {
            return new Similarity(true, 1.0, 1.0);
        }
        if (!a.nearDuplicateCapable() || !b.nearDuplicateCapable() || a.minHash().length != b.minHash().length) {
            return new Similarity(false, 0.0, 0.0);
        }
        int equal = 0;
        int[] x = a.minHash();
        int[] y = b.minHash();
        for (int i = 0; i < x.length; i++) {
            if (x[i] == y[i]) {
                equal++;
            }
        }
        double jaccard = (double) equal / x.length;
        // |A n B| = J (|A| + |B|) / (1 + J); containment is that over the smaller set
        double intersection = jaccard * (a.shingleCount() + b.shingleCount()) / (1.0 + jaccard);
        double containment = Math.min(1.0, intersection / Math.min(a.shingleCount(), b.shingleCount()));
        return new Similarity(false, jaccard, containment);
    }
}
