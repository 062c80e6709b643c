package io.wirestream.quality.dedupe;

/**
 * So many of so many, with the 95% Wilson score interval: a few hundred labelled pairs say little past the second
 * decimal, and the interval says how little.
 */
public record Proportion(int hits, int of) {

    private static final double Z95 = 1.959964;

    /** The share; 1 when there is nothing to count (no merge made is no wrong merge). */
    public double share() {
        return of == 0 ? 1.0 : (double) hits / of;
    }

    public double lower() {
        return of == 0 ? 0.0 : centre() - halfWidth();
    }

    public double upper() {
        return of == 0 ? 1.0 : centre() + halfWidth();
    }

    private double centre() {
        double z2 = Z95 * Z95;
        return (share() + z2 / (2.0 * of)) / (1 + z2 / of);
    }

    private double halfWidth() {
        double z2 = Z95 * Z95;
        double p = share();
        return Z95 * Math.sqrt(p * (1 - p) / of + z2 / (4.0 * of * of)) / (1 + z2 / of);
    }

    /** Both counts together: the proportion over two samples pooled. */
    public Proportion plus(Proportion other) {
        return new Proportion(hits + other.hits, of + other.of);
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "%.4f (%d/%d; 95%% Wilson %.4f-%.4f)", share(), hits, of, lower(),
                upper());
    }
}
