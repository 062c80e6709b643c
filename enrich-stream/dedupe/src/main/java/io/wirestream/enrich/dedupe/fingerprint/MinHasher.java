package io.wirestream.enrich.dedupe.fingerprint;

/**
 * MinHash of a set of 64-bit shingle hashes with {@code length} independent hash functions, each the shingle hash
 * xor a fixed seed through a mixing function. Seeds are fixed so signatures computed by any instance, in any release
 * with the same settings, compare with each other.
 */
final class MinHasher {

    private final long[] seeds;

    MinHasher(int length) {
        seeds = new long[length];
        long seed = 0x2545F4914F6CDD1DL;
        for (int i = 0; i < length; i++) {
            seed = Mix.mix64(seed + 0x9E3779B97F4A7C15L);
            seeds[i] = seed;
        }
    }

    int[] signature(long[] shingles) {
        int[] signature = new int[seeds.length];
        for (int i = 0; i < seeds.length; i++) {
            long seed = seeds[i];
            long min = Long.MAX_VALUE;
            for (long shingle : shingles) {
                long h = Mix.mix64(shingle ^ seed);
                if (Long.compareUnsigned(h, min) < 0) {
                    min = h;
                }
            }
            // the upper 16 bits of the minimum: unequal minima collide with probability 2^-16, which shifts a
            // Jaccard estimate by less than 0.0001, and the signature is stored under every index key, so size counts
            signature[i] = (int) (min >>> 48);
        }
        return signature;
    }
}
