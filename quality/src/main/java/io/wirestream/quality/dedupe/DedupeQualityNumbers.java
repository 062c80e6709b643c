package io.wirestream.quality.dedupe;

import java.util.Map;

/**
 * What {@link DedupeQualityReport} measured.
 *
 * @param corpusStories Reuters train stories indexed as background
 * @param corpusExactMerges background stories found to be exact copies of an earlier one (the corpus has re-filed
 *     stories; each was checked to have identical canonical text)
 * @param corpusNearMerges background stories merged as near copies of an earlier one (unlabelled; see the samples)
 * @param sampledOriginals stories rewritten
 * @param exactExpected rewrites whose normalised text equals the original's
 * @param exactFound of those, found as exact duplicates of their original
 * @param exactFalsePositives exact matches whose canonical texts differ (must be 0)
 * @param nearExpected near-duplicate rewrites
 * @param nearFound near rewrites merged with their original's cluster
 * @param nearWrong near rewrites merged with some other story
 * @param recallByKind share found per rewrite kind
 * @param ecbPairs ECB+ pairs of one topic but different events
 * @param ecbMergedPairs of those, judged duplicates by the verifier
 * @param ecbEngineMerges ECB+ stories the engine merged with a story of the other event of their topic
 * @param nearBySplit near rewrites found, by the split of their original (dev = even NEWIDs, held-out = odd)
 * @param nearMissCauses near rewrites missed, keyed "split kind cause": the judge's reason on the rewrite and its
 *     original alone, or NOT_REACHED when it would merge them but the engine did not
 */
public record DedupeQualityNumbers(
        int corpusStories,
        int corpusExactMerges,
        int corpusNearMerges,
        int sampledOriginals,
        int exactExpected,
        int exactFound,
        int exactFalsePositives,
        int nearExpected,
        int nearFound,
        int nearWrong,
        Map<RewriteKind, Double> recallByKind,
        int ecbPairs,
        int ecbMergedPairs,
        int ecbEngineMerges,
        Map<LabelledPairs.Split, Found> nearBySplit,
        Map<String, Integer> nearMissCauses) {

    /** How many of so many were found. */
    public record Found(int found, int of) {

        public double share() {
            return of == 0 ? 1.0 : (double) found / of;
        }
    }

    public double exactRecall() {
        return exactExpected == 0 ? 0 : (double) exactFound / exactExpected;
    }

    public double nearRecall() {
        return nearExpected == 0 ? 0 : (double) nearFound / nearExpected;
    }

    /** Precision over every duplicate verdict on the generated rewrites, exact and near. */
    public double nearPrecision() {
        int verdicts = nearFound + nearWrong;
        return verdicts == 0 ? 1.0 : (double) nearFound / verdicts;
    }

    public double ecbFalsePositiveRate() {
        return ecbPairs == 0 ? 0 : (double) ecbMergedPairs / ecbPairs;
    }

    /** The targets. */
    public boolean meetsTargets() {
        return exactRecall() == 1.0 && exactFalsePositives == 0 && nearRecall() >= 0.95 && nearPrecision() >= 0.99
                && ecbFalsePositiveRate() <= 0.01;
    }
}
