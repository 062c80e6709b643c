package io.wirestream.enrich.dedupe.fingerprint;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** 64-bit hashes of the distinct word n-grams (shingles) of a word sequence. */
final class ShingleHashes {

    private ShingleHashes() {
    }

    static long[] of(java.util.List<String> words, int shingleWords) {
        long[] wordHashes = new long[words.size()];
        for (int i = 0; i < wordHashes.length; i++) {
            wordHashes[i] = fnv1a(words.get(i));
        }
        int count = Math.max(0, wordHashes.length - shingleWords + 1);
        long[] shingles = new long[count];
        for (int i = 0; i < count; i++) {
            long h = 0x9E3779B97F4A7C15L;
            for (int j = 0; j < shingleWords; j++) {
                h = Mix.mix64(h ^ wordHashes[i + j]) + j;
            }
            shingles[i] = h;
        }
        Arrays.sort(shingles);
        // distinct values only: MinHash estimates Jaccard of sets, and counts are used for containment
        int distinct = 0;
        for (int i = 0; i < shingles.length; i++) {
            if (i == 0 || shingles[i] != shingles[i - 1]) {
                shingles[distinct++] = shingles[i];
            }
        }
        return Arrays.copyOf(shingles, distinct);
    }

    private static long fnv1a(String word) {
        long h = 0xcbf29ce484222325L;
        for (byte b : word.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        return h;
    }
}
