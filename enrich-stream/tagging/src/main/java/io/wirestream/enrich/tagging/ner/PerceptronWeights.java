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
    /** A feature's weights, as OpenNLP keeps them: the outcomes it has a weight for and the weights, feature after feature. */
    final int[] weightOutcomes;
    final double[] weights;
    /**
     * Open addressing, linear probing: slot s holds a key at 2s and at 2s+1 where its weights start (times 256) plus how
     * many there are; key 0 is never stored.
     */
    private final long[] table;
    private final int mask;
    final int features;

    private PerceptronWeights(Map<String, Context> predicates, String[] outcomeNames) {
        if (outcomeNames.length > 255) {
            throw new IllegalStateException("more outcomes than a weight row can count: " + outcomeNames.length);
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
        int capacity = Integer.highestOneBit(Math.max(4, features) * 2 - 1) * 2; // load factor <= 0.5
        this.table = new long[capacity * 2];
        this.mask = capacity - 1;
        int total = 0;
        for (Context c : predicates.values()) {
            total += c.getOutcomes().length;
        }
        this.weightOutcomes = new int[total];
        this.weights = new double[total];
        int at = 0;
        for (Map.Entry<String, Context> e : predicates.entrySet()) {
            long key = FeatureHash.key(FeatureHash.of(e.getKey()));
            if (key == 0) {
                throw new IllegalStateException("feature hash 0: " + e.getKey());
            }
            int slot = (int) key & mask;
            while (table[2 * slot] != 0) {
                if (table[2 * slot] == key) {
                    throw new IllegalStateException("two features share a hash: " + e.getKey());
                }
                slot = (slot + 1) & mask;
            }
            Context c = e.getValue();
            int[] os = c.getOutcomes();
            double[] ps = c.getParameters();
            table[2 * slot] = key;
            table[2 * slot + 1] = (long) at << 8 | os.length;
            System.arraycopy(os, 0, weightOutcomes, at, os.length);
            System.arraycopy(ps, 0, weights, at, os.length);
            at += os.length;
        }
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
     * differently and is decoded by OpenNLP), or when two of its features collide in the 64-bit hash.
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

    /** Where a feature's weights are ({@code start << 8 | count}), or -1 when the model does not know the feature. */
    long weightsOf(long hash) {
        long key = FeatureHash.key(hash);
        int slot = (int) key & mask;
        long k;
        while ((k = table[2 * slot]) != 0) {
            if (k == key) {
                return table[2 * slot + 1];
            }
            slot = (slot + 1) & mask;
        }
        return -1;
    }
}
