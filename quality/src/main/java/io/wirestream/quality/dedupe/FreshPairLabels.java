package io.wirestream.quality.dedupe;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The labelled pairs of copy the dedupe work never used ({@code fresh-pairs.tsv} beside this class): two story ids
 * ({@code bbc:<folder>/<number>}, {@code basil:<triplet>_<n>}), how the pair was found ({@code merged} by the engine
 * or a {@code candidate} it kept apart), {@code same} or {@code different}, and a note. Ids and labels only, never
 * corpus text; the labelling rule heads the file. The CoNLL-2003 pairs ({@code conll-pairs.tsv}, ids
 * {@code conll:<file>/<number>}) use the same layout.
 */
public final class FreshPairLabels {

    /** How the pair came to be labelled. */
    public enum Found { MERGED, CANDIDATE }

    /** One labelled pair. */
    public record Entry(StoryPair pair, Found found, boolean same, String note) {
    }

    /** Two story ids in a fixed order, so a pair is one key whichever way round it was met. */
    public record StoryPair(String first, String second) {

        public static StoryPair of(String a, String b) {
            return a.compareTo(b) <= 0 ? new StoryPair(a, b) : new StoryPair(b, a);
        }

        @Override
        public String toString() {
            return first + " ~ " + second;
        }
    }

    static final String RESOURCE = "fresh-pairs.tsv";

    private final Map<StoryPair, Entry> entries;

    private FreshPairLabels(Map<StoryPair, Entry> entries) {
        this.entries = Collections.unmodifiableMap(entries);
    }

    /** The BBC and BASIL labels ({@code fresh-pairs.tsv}). */
    public static FreshPairLabels load() {
        return load(RESOURCE);
    }

    /** Labels in this layout from another resource beside this class (e.g. {@code conll-pairs.tsv}). */
    public static FreshPairLabels load(String resource) {
        InputStream in = FreshPairLabels.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException(resource + " missing from the classpath");
        }
        Map<StoryPair, Entry> entries = new LinkedHashMap<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cells = line.split("\t", -1);
                if (cells.length != 5) {
                    throw new IllegalStateException(resource + ": five cells expected: " + line);
                }
                StoryPair pair = StoryPair.of(cells[0], cells[1]);
                String label = cells[3].toLowerCase(Locale.ROOT);
                if (!label.equals("same") && !label.equals("different")) {
                    throw new IllegalStateException(resource + ": label must be same or different: " + line);
                }
                Entry entry = new Entry(pair, Found.valueOf(cells[2].toUpperCase(Locale.ROOT)), label.equals("same"),
                        cells[4]);
                if (entries.put(pair, entry) != null) {
                    throw new IllegalStateException(resource + ": pair labelled twice: " + pair);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new FreshPairLabels(entries);
    }

    public Optional<Entry> label(StoryPair pair) {
        return Optional.ofNullable(entries.get(pair));
    }

    public Map<StoryPair, Entry> all() {
        return entries;
    }
}
