package io.wirestream.enrich.dedupe.bench;

import io.wirestream.enrich.dedupe.fingerprint.FingerprintSettings;
import io.wirestream.enrich.dedupe.fingerprint.StorySignature;
import io.wirestream.enrich.dedupe.fingerprint.StoryTraits;
import io.wirestream.enrich.dedupe.index.IndexedStory;
import java.time.Instant;
import java.util.HexFormat;
import java.util.SplittableRandom;

/**
 * Stories for the benchmark, made from their number alone so the window can be filled without text and any filed
 * story can be recreated to derive a copy of it. Signatures are random: every band key is its own bucket, which is
 * the common case; crowded keys are bounded by the bucket capacity and cost no more.
 */
final class SyntheticStories {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private final FingerprintSettings settings;

    SyntheticStories(FingerprintSettings settings) {
        this.settings = settings;
    }

    IndexedStory story(long number) {
        SplittableRandom random = new SplittableRandom(number * 0x9E3779B97F4A7C15L + 17);
        int[] minHash = new int[settings.signatureLength()];
        for (int i = 0; i < minHash.length; i++) {
            minHash[i] = random.nextInt(1 << 16);
        }
        byte[] exact = new byte[16];
        random.nextBytes(exact);
        return new IndexedStory("syn:" + number, "agency" + (number % 7), T0.plusSeconds(number),
                new StorySignature(HexFormat.of().formatHex(exact), 300 + random.nextInt(400), minHash,
                        traits(random)));
    }

    /**
     * Traits of a typical story, so the index files and the judge compares what it does in production: a dozen lead
     * names, a ticker, eight lead figures, 80 terms in all.
     */
    private static StoryTraits traits(SplittableRandom random) {
        short[] present = new short[80];
        for (int i = 0; i < present.length; i++) {
            present[i] = (short) random.nextInt(1 << 16);
        }
        short[] names = java.util.Arrays.copyOfRange(present, 0, 12);
        short[] tickers = java.util.Arrays.copyOfRange(present, 12, 13);
        short[] figures = java.util.Arrays.copyOfRange(present, 13, 21);
        java.util.Arrays.sort(present);
        return new StoryTraits(names, tickers, figures, 4, present, true, 1, false, true, true);
    }

    /** A rewritten copy of story {@code number}: about 60% of its MinHash values kept. */
    IndexedStory copyOf(long number, long copyNumber) {
        IndexedStory original = story(number);
        SplittableRandom random = new SplittableRandom(copyNumber);
        int[] minHash = original.signature().minHash().clone();
        for (int i = 0; i < minHash.length; i++) {
            if (random.nextDouble() < 0.4) {
                minHash[i] = random.nextInt(1 << 16);
            }
        }
        return new IndexedStory("copy:" + copyNumber, "copier", original.receivedAt().plusSeconds(60),
                new StorySignature("copy" + copyNumber, original.signature().shingleCount(), minHash,
                        original.signature().traits()));
    }
}
