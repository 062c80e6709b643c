package io.wirestream.enrich.dedupe.fingerprint;

import java.util.Arrays;
import java.util.Objects;

/**
 * The compact fingerprint of one story version: everything dedupe needs, no text.
 *
 * @param exact hex digest of the canonical headline and body; equal digests are exact duplicates
 * @param shingleCount distinct body shingles (0 when the story is too short for near-duplicate matching)
 * @param minHash MinHash values (16 bits each) of the shingle set, empty when the story is too short
 * @param traits what tells templated stories apart; null for stories filed before traits were kept (those are
 *     judged by similarity alone, as they were then)
 */
public record StorySignature(String exact, int shingleCount, int[] minHash, StoryTraits traits) {

    public StorySignature(String exact, int shingleCount, int[] minHash) {
        this(exact, shingleCount, minHash, null);
    }

    public boolean nearDuplicateCapable() {
        return minHash.length > 0;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof StorySignature that && exact.equals(that.exact) && shingleCount == that.shingleCount
                && Arrays.equals(minHash, that.minHash) && Objects.equals(traits, that.traits);
    }

    @Override
    public int hashCode() {
        return exact.hashCode() * 31 + Arrays.hashCode(minHash);
    }

    @Override
    public String toString() {
        return "StorySignature[exact=" + exact + ", shingles=" + shingleCount + ", minHash=" + minHash.length
                + ", traits=" + traits + "]";
    }
}
