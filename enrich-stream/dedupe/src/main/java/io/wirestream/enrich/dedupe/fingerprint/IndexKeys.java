package io.wirestream.enrich.dedupe.fingerprint;

import java.util.ArrayList;
import java.util.List;

/**
 * The keys under which a story is indexed and looked up: one for its exact digest and one per LSH band of its
 * MinHash signature. Two stories meet under a key when they share the exact digest or all MinHash values of one band,
 * which happens with probability 1 - (1 - J^rows)^bands for Jaccard similarity J.
 */
public final class IndexKeys {

    public static final String EXACT_PREFIX = "x:";
    public static final String BAND_PREFIX = "b";

    private IndexKeys() {
    }

    public static List<String> of(StorySignature signature, FingerprintSettings settings) {
        List<String> keys = new ArrayList<>(settings.bands() + 1);
        keys.add(EXACT_PREFIX + signature.exact());
        if (signature.nearDuplicateCapable()) {
            for (int band = 0; band < settings.bands(); band++) {
                keys.add(bandKey(signature, settings, band));
            }
        }
        return keys;
    }

    public static String bandKey(StorySignature signature, FingerprintSettings settings, int band) {
        int[] minHash = signature.minHash();
        long h = band;
        for (int row = 0; row < settings.rowsPerBand(); row++) {
            h = Mix.mix64(h * 31 + minHash[band * settings.rowsPerBand() + row]);
        }
        return BAND_PREFIX + band + ":" + Long.toHexString(h);
    }
}
