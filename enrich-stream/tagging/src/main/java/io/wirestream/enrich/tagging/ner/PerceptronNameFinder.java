package io.wirestream.enrich.tagging.ner;

import io.wirestream.enrich.tagging.knowledge.KnowledgeBase;
import opennlp.tools.namefind.TokenNameFinder;
import opennlp.tools.util.Span;

import java.util.ArrayList;
import java.util.List;

/**
 * Decodes a trained OpenNLP perceptron name finder over its weights in primitive arrays ({@link PerceptronWeights}),
 * giving what OpenNLP's {@code NameFinderME} gives with the same beam: the same features ({@link HashedFeatures}), the
 * same sums of their weights to within rounding ({@link TokenScores} adds them per word and in another order, so a
 * probability may differ from OpenNLP's in the last bits of a double), normalised as {@code PerceptronModel} does, the
 * same beam search (OpenNLP's {@code BeamSearch}: from each of the best {@code beam} sequences so far, the outcomes among
 * its {@code beam} most probable that are valid after it; all valid ones if none is; its priority queue's heap, so that
 * equal scores are broken the same way), the same BIO validity and the same spans, with each span's probability the
 * mean of its tokens'. Where OpenNLP's best outcomes tie only in its own order of additions the last bit can decide
 * otherwise: on eng.testa the spans agree in every sentence ({@code wire quality tagging --compare-decoders}).
 *
 * <p>What it saves: OpenNLP builds a string per feature and looks it up per sequence in the beam; here a token's
 * features that do not depend on the decode are summed once per sentence, mostly from per-word sums kept between
 * sentences and documents, and only the previous-outcome features are added per sequence. One per thread (it keeps the
 * document's previous-map state and the word cache).
 */
public final class PerceptronNameFinder implements TokenNameFinder {

    private static final double MIN_SEQUENCE_SCORE = -100000; // OpenNLP's BeamSearch zeroLog

    private final PerceptronWeights model;
    private final TokenScores features;
    private final int beam;
    private final int k;

    /** [s * outcomes + outcome]: the outcome probabilities after the step's s-th sequence. */
    private final double[] probs;
    /** Per sequence of the step: its last two outcomes and its probabilities' beam-th largest. */
    private final int[] stepLast;
    private final int[] stepBeforeLast;
    private final double[] stepMin;
    private final double[] sorted;
    /** The scores of the sequences continued at this step, best first. */
    private final double[] scores;
    /** This step's candidates (a sequence continued by one outcome) and the heap over them. */
    private final double[] candidateScores;
    private final int[] candidateParents;
    private final int[] candidateOutcomes;
    private final double[] candidateProbs;
    private final int[] heap;
    private int candidates;
    private int heapSize;
    /** [token * beam + b]: the outcome of the b-th kept sequence at that token, its parent at the token before, its probability. */
    private int[] history = new int[0];
    private int[] parents = new int[0];
    private double[] historyProbs = new double[0];

    PerceptronNameFinder(PerceptronWeights model, KnowledgeBase kb, int beam) {
        this.model = model;
        this.features = new TokenScores(model, kb);
        this.beam = Math.max(1, beam);
        this.k = model.outcomes;
        this.probs = new double[this.beam * k];
        this.stepLast = new int[this.beam];
        this.stepBeforeLast = new int[this.beam];
        this.stepMin = new double[this.beam];
        this.sorted = new double[k];
        this.scores = new double[this.beam];
        int most = this.beam * k; // each continued sequence adds at most one candidate per outcome
        this.candidateScores = new double[most];
        this.candidateParents = new int[most];
        this.candidateOutcomes = new int[most];
        this.candidateProbs = new double[most];
        this.heap = new int[most];
    }

    @Override
    public Span[] find(String[] tokens) {
        int n = tokens.length;
        if (n == 0) {
            return new Span[0];
        }
        features.sentence(tokens);
        // OpenNLP's BeamSearch step by step, its priority queue replaced by the same binary heap over primitive arrays
        // (java.util.PriorityQueue's sift-up and sift-down), fed in the same order: which of two sequences of equal
        // score goes on is decided as there (equal scores happen: outcomes an unknown word gives the same weights)
        if (history.length < n * beam) {
            history = new int[Math.max(n * beam, 2 * history.length)];
            parents = new int[history.length];
            historyProbs = new double[history.length];
        }
        int count = 1; // the empty sequence
        scores[0] = 0;
        for (int i = 0; i < n; i++) {
            candidates = 0;
            heapSize = 0;
            for (int s = 0; s < count; s++) {
                int last = i == 0 ? -1 : history[(i - 1) * beam + s];
                int beforeLast = i < 2 ? -1 : history[(i - 2) * beam + parents[(i - 1) * beam + s]];
                // the outcome probabilities depend on the token and the last two outcomes only: a sequence of the
                // beam that ends as an earlier one of this step does gets that one's, computed once
                int at = s * k;
                double min = Double.NaN;
                for (int t = 0; t < s; t++) {
                    if (stepLast[t] == last && stepBeforeLast[t] == beforeLast) {
                        at = t * k;
                        min = stepMin[t];
                        break;
                    }
                }
                if (Double.isNaN(min)) {
                    evaluate(i, last, beforeLast, at);
                    min = lowestOfBest(beam, at);
                }
                stepLast[s] = last;
                stepBeforeLast[s] = beforeLast;
                stepMin[s] = min;
                boolean[] valid = model.valid[last + 1];
                for (int o = 0; o < k; o++) {
                    double p = probs[at + o];
                    if (p >= min && valid[o]) {
                        offer(scores[s] + Math.log(p), s, o, p);
                    }
                }
                if (candidates == 0) { // no advanced sequences: advance all valid ones
                    for (int o = 0; o < k; o++) {
                        if (valid[o]) {
                            offer(scores[s] + Math.log(probs[at + o]), s, o, probs[at + o]);
                        }
                    }
                }
            }
            if (candidates == 0) {
                return new Span[0]; // as OpenNLP with no sequence left (cannot happen: "other" is always valid)
            }
            count = Math.min(beam, candidates);
            for (int b = 0; b < count; b++) {
                int c = poll();
                scores[b] = candidateScores[c];
                history[i * beam + b] = candidateOutcomes[c];
                parents[i * beam + b] = candidateParents[c];
                historyProbs[i * beam + b] = candidateProbs[c];
            }
        }
        int[] best = new int[n];
        double[] bestProbs = new double[n];
        for (int i = n - 1, b = 0; i >= 0; i--) { // the first sequence taken from the last step is the best
            best[i] = history[i * beam + b];
            bestProbs[i] = historyProbs[i * beam + b];
            b = parents[i * beam + b];
        }
        features.remember(best);
        return spans(best, bestProbs);
    }

    /** A candidate into the step's heap, if its score is above OpenNLP's floor: PriorityQueue.offer's sift-up. */
    private void offer(double score, int parent, int outcome, double prob) {
        if (!(score > MIN_SEQUENCE_SCORE)) {
            return;
        }
        int c = candidates++;
        candidateScores[c] = score;
        candidateParents[c] = parent;
        candidateOutcomes[c] = outcome;
        candidateProbs[c] = prob;
        int at = heapSize++;
        while (at > 0) {
            int up = (at - 1) >>> 1;
            if (compare(c, heap[up]) >= 0) {
                break;
            }
            heap[at] = heap[up];
            at = up;
        }
        heap[at] = c;
    }

    /** The best candidate out of the heap: PriorityQueue.poll's sift-down. */
    private int poll() {
        int result = heap[0];
        int size = --heapSize;
        if (size > 0) {
            int x = heap[size];
            int at = 0;
            int half = size >>> 1;
            while (at < half) {
                int child = 2 * at + 1;
                int c = heap[child];
                int right = child + 1;
                if (right < size && compare(c, heap[right]) > 0) {
                    c = heap[child = right];
                }
                if (compare(x, c) <= 0) {
                    break;
                }
                heap[at] = c;
                at = child;
            }
            heap[at] = x;
        }
        return result;
    }

    /** OpenNLP's Sequence order: the higher score first. */
    private int compare(int a, int b) {
        return Double.compare(candidateScores[b], candidateScores[a]);
    }

    /** The beam-th largest probability (the smallest if there are fewer outcomes): OpenNLP sorts them for it. */
    private double lowestOfBest(int b, int at) {
        if (b >= k) {
            double min = probs[at];
            for (int o = 1; o < k; o++) {
                min = Math.min(min, probs[at + o]);
            }
            return min;
        }
        if (b == 3) { // the default beam: one pass keeping the three largest (duplicates count, as in a sort)
            double first = Double.NEGATIVE_INFINITY;
            double second = Double.NEGATIVE_INFINITY;
            double third = Double.NEGATIVE_INFINITY;
            for (int o = 0; o < k; o++) {
                double p = probs[at + o];
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
        System.arraycopy(probs, at, sorted, 0, k);
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

    /**
     * PerceptronModel.eval into {@code probs[at..]}: the token's sums with the outcome features, scaled by the largest
     * magnitude (at least 1), soft-maxed.
     */
    private void evaluate(int j, int prev, int prevPrev, int at) {
        features.scores(j, prev, prevPrev, probs, at);
        double max = 1;
        for (int o = at; o < at + k; o++) {
            if (max < Math.abs(probs[o])) {
                max = Math.abs(probs[o]);
            }
        }
        double normal = 0;
        for (int o = at; o < at + k; o++) {
            probs[o] = Math.exp(probs[o] / max);
            normal += probs[o];
        }
        for (int o = at; o < at + k; o++) {
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
