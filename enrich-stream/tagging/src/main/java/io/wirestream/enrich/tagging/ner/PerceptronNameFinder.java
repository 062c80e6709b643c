package io.wirestream.enrich.tagging.ner;

import io.wirestream.enrich.tagging.knowledge.KnowledgeBase;
import opennlp.tools.namefind.TokenNameFinder;
import opennlp.tools.util.Span;

import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Decodes a trained OpenNLP perceptron name finder over its weights in primitive arrays ({@link PerceptronWeights})
 * and hashed features ({@link HashedFeatures}), giving what OpenNLP's {@code NameFinderME} gives with the same beam: the
 * same scores (the features are summed in OpenNLP's order, then normalised as {@code PerceptronModel} does), the same
 * beam search (OpenNLP's {@code BeamSearch}: from each of the best {@code beam} sequences so far, the outcomes among its
 * {@code beam} most probable that are valid after it; all valid ones if none is), the same BIO validity and the same
 * spans, with each span's probability the mean of its tokens'.
 *
 * <p>What it saves: OpenNLP builds a string per feature and looks it up per sequence in the beam; here a token's
 * features that do not depend on the decode are hashed and summed once per sentence, and only the four previous-outcome
 * features are added per sequence. One per thread (it keeps the document's previous-map state).
 */
public final class PerceptronNameFinder implements TokenNameFinder {

    private static final double MIN_SEQUENCE_SCORE = -100000; // OpenNLP's BeamSearch zeroLog

    private final PerceptronWeights model;
    private final HashedFeatures features;
    private final int beam;
    private final int k;

    private long[] featureBuffer = new long[256];
    private final int[] count = new int[1];
    private final long[] outcomeFeatures = new long[4];
    private double[] tokenScores = new double[0];
    private final double[] probs;
    private final double[] sorted;
    private PriorityQueue<Candidate> prev = new PriorityQueue<>();
    private PriorityQueue<Candidate> next = new PriorityQueue<>();

    PerceptronNameFinder(PerceptronWeights model, KnowledgeBase kb, int beam) {
        this.model = model;
        this.features = new HashedFeatures(kb, model.outcomeNames);
        this.beam = Math.max(1, beam);
        this.k = model.outcomes;
        this.probs = new double[k];
        this.sorted = new double[k];
    }

    @Override
    public Span[] find(String[] tokens) {
        int n = tokens.length;
        if (n == 0) {
            return new Span[0];
        }
        features.sentence(tokens);
        scoreTokens(n);
        // OpenNLP's BeamSearch step by step, with the same priority queues fed in the same order: which of two
        // sequences of equal score goes on is decided as there (equal scores happen: outcomes an unknown word gives
        // the same weights)
        prev.clear();
        next.clear();
        prev.add(new Candidate(null, -1, 0, 1));
        for (int i = 0; i < n; i++) {
            int sz = Math.min(beam, prev.size());
            for (int sc = 0; !prev.isEmpty() && sc < sz; sc++) {
                Candidate top = prev.remove();
                int last = top.outcome;
                int beforeLast = top.parent == null ? -1 : top.parent.outcome;
                evaluate(i, last, beforeLast);
                double min = lowestOfBest(beam);
                boolean[] valid = model.valid[last + 1];
                for (int o = 0; o < k; o++) {
                    if (probs[o] >= min && valid[o]) {
                        Candidate c = new Candidate(top, o, top.score + StrictMath.log(probs[o]), probs[o]);
                        if (c.score > MIN_SEQUENCE_SCORE) {
                            next.add(c);
                        }
                    }
                }
                if (next.isEmpty()) { // no advanced sequences: advance all valid ones
                    for (int o = 0; o < k; o++) {
                        if (valid[o]) {
                            Candidate c = new Candidate(top, o, top.score + StrictMath.log(probs[o]), probs[o]);
                            if (c.score > MIN_SEQUENCE_SCORE) {
                                next.add(c);
                            }
                        }
                    }
                }
            }
            prev.clear();
            PriorityQueue<Candidate> swap = prev;
            prev = next;
            next = swap;
        }
        if (prev.isEmpty()) {
            return new Span[0]; // as OpenNLP with no sequence left (cannot happen: "other" is always valid)
        }
        int[] best = new int[n];
        double[] bestProbs = new double[n];
        Candidate c = prev.remove();
        for (int i = n - 1; i >= 0; i--) {
            best[i] = c.outcome;
            bestProbs[i] = c.prob;
            c = c.parent;
        }
        features.remember(tokens, best);
        return spans(best, bestProbs);
    }

    /** The beam-th largest probability (the smallest if there are fewer outcomes): OpenNLP sorts them for it. */
    private double lowestOfBest(int b) {
        if (b >= k) {
            double min = probs[0];
            for (int o = 1; o < k; o++) {
                min = Math.min(min, probs[o]);
            }
            return min;
        }
        if (b == 3) { // the default beam: one pass keeping the three largest (duplicates count, as in a sort)
            double first = Double.NEGATIVE_INFINITY;
            double second = Double.NEGATIVE_INFINITY;
            double third = Double.NEGATIVE_INFINITY;
            for (int o = 0; o < k; o++) {
                double p = probs[o];
                if (p > first) {
                    third = second;
                    second = first;
                    first = p;
                } else if (p > second) {
                    third = second;
                    second = p;
                } else if (p > third) {
                    third = p;
                }
            }
            return third;
        }
        System.arraycopy(probs, 0, sorted, 0, k);
        // b rounds of selection: after round r, sorted[k-1-r] holds the (r+1)-th largest
        for (int r = 0; r < b; r++) {
            int last = k - 1 - r;
            int best = last;
            for (int o = 0; o < last; o++) {
                if (sorted[o] > sorted[best]) {
                    best = o;
                }
            }
            double t = sorted[best];
            sorted[best] = sorted[last];
            sorted[last] = t;
        }
        return sorted[k - b];
    }

    /** A sequence of outcomes, by its last one and the sequence before it; ordered best (highest score) first. */
    private static final class Candidate implements Comparable<Candidate> {
        final Candidate parent;
        final int outcome;
        final double score;
        final double prob;

        Candidate(Candidate parent, int outcome, double score, double prob) {
            this.parent = parent;
            this.outcome = outcome;
            this.score = score;
            this.prob = prob;
        }

        @Override
        public int compareTo(Candidate other) {
            return Double.compare(other.score, score); // as OpenNLP's Sequence
        }
    }

    /** Each token's summed weights of the features that do not depend on the decode, in OpenNLP's order. */
    private void scoreTokens(int n) {
        if (tokenScores.length < n * k) {
            tokenScores = new double[Math.max(n * k, 2 * tokenScores.length)];
        }
        for (int j = 0; j < n; j++) {
            int at = j * k;
            for (int o = 0; o < k; o++) {
                tokenScores[at + o] = 0;
            }
            featureBuffer = features.tokenFeatures(j, featureBuffer, count);
            for (int f = 0; f < count[0]; f++) {
                model.add(featureBuffer[f], tokenScores, at);
            }
        }
    }

    /** PerceptronModel.eval: the token's sums plus the outcome features, scaled by the largest magnitude (at least 1), soft-maxed. */
    private void evaluate(int j, int prev, int prevPrev) {
        System.arraycopy(tokenScores, j * k, probs, 0, k);
        features.outcomeFeatures(j, prev, prevPrev, outcomeFeatures);
        for (long f : outcomeFeatures) {
            model.add(f, probs, 0);
        }
        double max = 1;
        for (int o = 0; o < k; o++) {
            if (max < StrictMath.abs(probs[o])) {
                max = StrictMath.abs(probs[o]);
            }
        }
        double normal = 0;
        for (int o = 0; o < k; o++) {
            probs[o] = StrictMath.exp(probs[o] / max);
            normal += probs[o];
        }
        for (int o = 0; o < k; o++) {
            probs[o] /= normal;
        }
    }

    /** OpenNLP's BioCodec.decode, with each span's probability the mean of its tokens' (NameFinderME.probs). */
    private Span[] spans(int[] outcomes, double[] p) {
        List<Span> spans = new ArrayList<>();
        int start = -1;
        int end = -1;
        for (int i = 0; i < outcomes.length; i++) {
            int o = outcomes[i];
            if (model.starts[o]) {
                if (start != -1) {
                    spans.add(span(start, end, model.types[outcomes[i - 1]], p));
                }
                start = i;
                end = i + 1;
            } else if (model.continues[o]) {
                end = i + 1;
            } else if (start != -1) {
                spans.add(span(start, end, model.types[outcomes[i - 1]], p));
                start = -1;
                end = -1;
            }
        }
        if (start != -1) {
            spans.add(span(start, end, model.types[outcomes[outcomes.length - 1]], p));
        }
        return spans.toArray(new Span[0]);
    }

    private static Span span(int start, int end, String type, double[] p) {
        double sum = 0;
        for (int i = start; i < end; i++) {
            sum += p[i];
        }
        return new Span(start, end, type, sum / (end - start));
    }

    @Override
    public void clearAdaptiveData() {
        features.clearDocument();
    }
}
