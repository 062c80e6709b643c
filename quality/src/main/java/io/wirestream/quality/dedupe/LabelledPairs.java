package io.wirestream.quality.dedupe;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The labelled near pairs of the Reuters-21578 train stories ({@code reuters-near-pairs.tsv} beside this class): two
 * NEWID numbers, {@code same}, {@code different} or {@code unsure}, and how the label was reached. Ids and labels
 * only, never corpus text. How they were made: enrich-stream/dedupe/README.md.
 */
public final class LabelledPairs {

    /** A label; UNSURE pairs are listed but not scored. */
    public enum Label { SAME, DIFFERENT, UNSURE }

    /** Which part of the corpus a pair or story belongs to: tuning is done on DEV only. */
    public enum Split {
        DEV, HELD_OUT, CROSS;

        /** Even NEWIDs are dev, odd ones held out; a pair with one of each is neither. */
        public static Split of(int firstNewId, int secondNewId) {
            boolean a = firstNewId % 2 == 0;
            boolean b = secondNewId % 2 == 0;
            return a && b ? DEV : !a && !b ? HELD_OUT : CROSS;
        }

        public static boolean heldOut(int newId) {
            return newId % 2 != 0;
        }
    }

    private final Map<String, Label> labels;

    private LabelledPairs(Map<String, Label> labels) {
        this.labels = labels;
    }

    public static LabelledPairs load() {
        InputStream in = LabelledPairs.class.getResourceAsStream("reuters-near-pairs.tsv");
        if (in == null) {
            throw new IllegalStateException("reuters-near-pairs.tsv missing from the classpath");
        }
        Map<String, Label> labels = new LinkedHashMap<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cells = line.split("\t");
                labels.put(key(Integer.parseInt(cells[0]), Integer.parseInt(cells[1])),
                        Label.valueOf(cells[2].toUpperCase(java.util.Locale.ROOT)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new LabelledPairs(labels);
    }

    public Optional<Label> label(int a, int b) {
        return Optional.ofNullable(labels.get(key(a, b)));
    }

    public Map<String, Label> all() {
        return labels;
    }

    static String key(int a, int b) {
        return Math.min(a, b) + "-" + Math.max(a, b);
    }
}
