package io.wirestream.enrich.tagging.ner;

import opennlp.tools.ml.model.AbstractModel;
import opennlp.tools.ml.model.Context;
import opennlp.tools.ml.model.MaxentModel;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A trained OpenNLP perceptron's weights in primitive arrays, read once when the model is loaded: each feature the
 * model knows, keyed by {@link FeatureHash#key} of its string, has a dense row of one weight per outcome. Immutable and
 * shared by every thread's {@link PerceptronNameFinder}.
 *
 * <p>Also what the decoder needs to know of the outcomes (OpenNLP's BIO outcomes "PER-start", "PER-cont", "other"):
 * which continue a name, and of what type, so that a "cont" outcome only follows a "start" or "cont" of its type
 * (OpenNLP's {@code NameFinderSequenceValidator}).
 */
final class PerceptronWeights {

    private static final Pattern TYPED_OUTCOME = Pattern.compile("(.+)-\\w+"); // as OpenNLP reads an outcome's type

    final int outcomes;
    final String[] outcomeNames;
    /** Per outcome: the name type ("PER") or null. */
    final String[] types;
    /** [previous + 1][outcome]: may the outcome follow the previous one (previous -1: the sentence's first token). */
    final boolean[][] valid;
    final boolean[] starts;
    final boolean[] continues;
    /**
     * Each feature the model knows, one after the other: its key, a header (how many weights it has, in the low four
     * bits, then each weight's outcome in four bits) and its weights (as raw long bits), so that finding a feature and
     * reading its weights touches one place in memory, not two.
     */
    private final long[] entries;
    /** Open addressing, linear probing over the keys: slot s holds 1 + where its feature's entry starts, 0 if none. */
    private final int[] index;
    private final int mask;
    /**
     * One bit per key (other bits of it than the index uses), set for every feature the model knows: most features
     * of a token's word pairs are unknown, and this 64 KB filter answers those without touching the index.
     */
    private final long[] known = new long[1 << 13];
    final int features;

    private PerceptronWeights(Map<String, Context> predicates, String[] outcomeNames) {
        if (outcomeNames.length > 15) {
            throw new IllegalStateException("more outcomes than an entry's header holds: " + outcomeNames.length);
        }
        this.outcomes = outcomeNames.length;
        this.outcomeNames = outcomeNames.clone();
        this.types = new String[outcomes];
        this.starts = new boolean[outcomes];
        this.continues = new boolean[outcomes];
        boolean[] other = new boolean[outcomes];
        for (int o = 0; o < outcomes; o++) {
            Matcher m = TYPED_OUTCOME.matcher(outcomeNames[o]);
            types[o] = m.matches() ? m.group(1) : null;
            starts[o] = outcomeNames[o].endsWith("start");
            continues[o] = outcomeNames[o].endsWith("cont");
            other[o] = outcomeNames[o].endsWith("other");
        }
        this.valid = new boolean[outcomes + 1][outcomes];
        for (int prev = -1; prev < outcomes; prev++) {
            for (int o = 0; o < outcomes; o++) {
                valid[prev + 1][o] = validAfter(prev, o, other);
            }
        }
        this.features = predicates.size();
        int total = 0;
        for (Context c : predicates.values()) {
            total += 2 + c.getOutcomes().length;
        }
        this.entries = new long[total];
        int capacity = Integer.highestOneBit(Math.max(4, features) * 2 - 1) * 2; // load factor <= 0.5
        this.index = new int[capacity];
        this.mask = capacity - 1;
        int at = 0;
        for (Map.Entry<String, Context> e : predicates.entrySet()) {
            long key = FeatureHash.key(FeatureHash.of(e.getKey()));
            int slot = (int) key & mask;
            while (index[slot] != 0) {
                if (entries[index[slot] - 1] == key) {
                    throw new IllegalStateException("two features share a hash: " + e.getKey());
                }
                slot = (slot + 1) & mask;
            }
            index[slot] = at + 1;
            known[knownWord(key)] |= 1L << key;
            int[] os = e.getValue().getOutcomes();
            double[] ps = e.getValue().getParameters();
            long header = os.length;
            for (int i = 0; i < os.length; i++) {
                header |= (long) os[i] << (4 + 4 * i);
            }
            entries[at] = key;
            entries[at + 1] = header;
            for (int i = 0; i < os.length; i++) {
                entries[at + 2 + i] = Double.doubleToRawLongBits(ps[i]);
            }
            at += 2 + os.length;
        }
    }

    private int knownWord(long key) {
        return (int) (key >>> 40) & (known.length - 1);
    }

    /** NameFinderSequenceValidator: "cont" only after "start" or "cont" of the same type, never first. */
    private boolean validAfter(int prev, int o, boolean[] other) {
        if (!continues[o]) {
            return true;
        }
        if (prev < 0 || other[prev]) {
            return false;
        }
        if (continues[prev] || starts[prev]) {
            if (types[prev] != null || types[o] != null) {
                return types[o] != null && types[o].equals(types[prev]);
            }
        }
        return true;
    }

    /**
     * The weights of an OpenNLP perceptron model; empty for any other kind (a MAXENT model normalises its scores
     * differently and is decoded by OpenNLP), when two of its features collide in the 64-bit hash, or when it has more
     * than 15 outcomes (seven name types).
     */
    @SuppressWarnings("unchecked")
    static Optional<PerceptronWeights> of(MaxentModel model) {
        if (!(model instanceof AbstractModel abstractModel)
                || abstractModel.getModelType() != AbstractModel.ModelType.Perceptron) {
            return Optional.empty();
        }
        Object[] data = abstractModel.getDataStructures();
        Map<String, Context> predicates = (Map<String, Context>) data[1];
        String[] names = (String[]) data[2];
        try {
            return Optional.of(new PerceptronWeights(predicates, names));
        } catch (IllegalStateException collision) {
            return Optional.empty();
        }
    }

    /**
     * Adds the weights of a feature (by its {@link FeatureHash}) to {@code scores[at + outcome]}, as OpenNLP's
     * sumFeatures does; nothing if the model does not know the feature.
     */
    void add(long hash, double[] scores, int at) {
        long key = FeatureHash.key(hash);
        if ((known[knownWord(key)] & 1L << key) == 0) {
            return;
        }
        int slot = (int) key & mask;
        int entry;
        while ((entry = index[slot]) != 0) {
            if (entries[entry - 1] == key) {
                long header = entries[entry];
                int count = (int) (header & 15);
                for (int i = 0; i < count; i++) {
                    int outcome = (int) (header >>> (4 + 4 * i)) & 15;
                    scores[at + outcome] += Double.longBitsToDouble(entries[entry + 1 + i]);
                }
                return;
            }
            slot = (slot + 1) & mask;
        }
    }
}
