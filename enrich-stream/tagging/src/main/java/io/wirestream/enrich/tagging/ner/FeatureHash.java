package io.wirestream.enrich.tagging.ner;

/**
 * A 64-bit hash of a feature string that can be computed from its parts without building the string: a polynomial
 * over the UTF-16 chars, {@code h(s) = s[0]·B^(n-1) + ... + s[n-1]} (mod 2^64), so that
 * {@code h(a + b) = h(a)·B^|b| + h(b)}. A token's parts (the word, its lower case, its class ...) are hashed once per
 * sentence and each feature of it costs a multiply and an add. {@link #key} mixes the result before it is used to
 * index a table. The model's own feature strings are hashed with {@link #of(CharSequence)} when it is loaded, so both
 * sides agree by construction; a collision between two of the model's features is detected there.
 */
final class FeatureHash {

    /** The polynomial's base: odd, so that multiplying by it is a bijection mod 2^64. */
    static final long B = 0x9E3779B97F4A7C15L;

    private static final long[] POW = new long[64];

    static {
        POW[0] = 1;
        for (int i = 1; i < POW.length; i++) {
            POW[i] = POW[i - 1] * B;
        }
    }

    private FeatureHash() {
    }

    static long of(CharSequence s) {
        long h = 0;
        for (int i = 0; i < s.length(); i++) {
            h = h * B + s.charAt(i);
        }
        return h;
    }

    /** B^n: what a hash is multiplied by when n chars are appended to it. */
    static long pow(int n) {
        if (n < POW.length) {
            return POW[n];
        }
        long p = POW[POW.length - 1];
        for (int i = POW.length - 1; i < n; i++) {
            p *= B;
        }
        return p;
    }

    /** The hash of {@code a + b}, from a's hash and b's hash and B^|b|. */
    static long cat(long a, long b, long bPow) {
        return a * bPow + b;
    }

    /** The hash of {@code a + c}. */
    static long cat(long a, char c) {
        return a * B + c;
    }

    /** The table key of a feature hash: the polynomial's low bits are poor, so mix them (MurmurHash3's finaliser). */
    static long key(long h) {
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }
}
