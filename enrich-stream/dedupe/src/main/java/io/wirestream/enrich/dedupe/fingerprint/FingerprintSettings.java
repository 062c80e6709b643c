package io.wirestream.enrich.dedupe.fingerprint;

/**
 * Knobs of the fingerprints and of the near-duplicate rule. The defaults are the ones measured by
 * {@code DedupeQualityReport}; change them together with a new measurement.
 *
 * @param shingleWords words per shingle
 * @param bands LSH bands (each band is one index key per story)
 * @param rowsPerBand MinHash values per band; bands x rows values are kept per story
 * @param minShingles below this many distinct shingles a story is only judged by its exact fingerprint
 * @param jaccardThreshold estimated Jaccard similarity of shingle sets at or above which two stories are duplicates
 * @param containmentThreshold estimated share of the smaller story's shingles found in the larger one at or above
 *     which two stories are duplicates (a copy truncated at a paragraph, or with a paragraph added)
 * @param minContainmentJaccard containment alone never merges two stories whose Jaccard is below this: a short story
 *     that happens to repeat a long one's opening is a follow-up, not a copy
 * @param bucketCapacity at most this many stories are kept and compared per index key; boiler-plate keys that would
 *     collect thousands of stories stop growing, which bounds the per-item cost
 */
public record FingerprintSettings(
        int shingleWords,
        int bands,
        int rowsPerBand,
        int minShingles,
        double jaccardThreshold,
        double containmentThreshold,
        double minContainmentJaccard,
        int bucketCapacity) {

    public static final FingerprintSettings DEFAULTS = new FingerprintSettings(3, 32, 3, 8, 0.45, 0.8, 0.3, 8);

    public FingerprintSettings {
        if (shingleWords < 1 || bands < 1 || rowsPerBand < 1 || minShingles < 1 || bucketCapacity < 1) {
            throw new IllegalArgumentException("shingleWords, bands, rowsPerBand, minShingles, bucketCapacity must be >= 1");
        }
        if (jaccardThreshold <= 0 || jaccardThreshold > 1 || containmentThreshold <= 0 || containmentThreshold > 1) {
            throw new IllegalArgumentException("thresholds must be in (0, 1]");
        }
    }

    public int signatureLength() {
        return bands * rowsPerBand;
    }
}
