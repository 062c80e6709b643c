package io.wirestream.quality.tagging;

/**
 * Counts of one evaluation and the measures derived from them.
 *
 * @param truePositives found and right
 * @param falsePositives found but wrong
 * @param falseNegatives expected but not found
 */
public record PrecisionRecall(long truePositives, long falsePositives, long falseNegatives) {

    public static final PrecisionRecall ZERO = new PrecisionRecall(0, 0, 0);

    public PrecisionRecall plus(long tp, long fp, long fn) {
        return new PrecisionRecall(truePositives + tp, falsePositives + fp, falseNegatives + fn);
    }

    public double precision() {
        long found = truePositives + falsePositives;
        return found == 0 ? 0 : (double) truePositives / found;
    }

    public double recall() {
        long expected = truePositives + falseNegatives;
        return expected == 0 ? 0 : (double) truePositives / expected;
    }

    public double f1() {
        double p = precision();
        double r = recall();
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "P=%.3f R=%.3f F1=%.3f (tp=%d fp=%d fn=%d)",
                precision(), recall(), f1(), truePositives, falsePositives, falseNegatives);
    }
}
