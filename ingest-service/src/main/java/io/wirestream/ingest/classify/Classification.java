package io.wirestream.ingest.classify;

/**
 * What a classifier made of one payload.
 *
 * @param verdict whether the item is taken, and if not which HTTP status says why
 * @param format the format family recognised ({@code nitf}, {@code newsml-g2}, {@code ninjs}, {@code anpa-1312}, ...), or
 *     {@code unknown}
 * @param reason a sentence an agency's developer can act on
 */
public record Classification(Verdict verdict, String format, String reason) {

    public enum Verdict {
        /** Looks like news in a format the pipeline reads. */
        NEWS,
        /** A media type the pipeline never takes (images, archives, PDF): 415. */
        UNSUPPORTED_MEDIA_TYPE,
        /** Empty, malformed, or not recognisable as news: 422. */
        NOT_NEWS
    }

    public static Classification news(String format, String reason) {
        return new Classification(Verdict.NEWS, format, reason);
    }

    public static Classification unsupported(String reason) {
        return new Classification(Verdict.UNSUPPORTED_MEDIA_TYPE, "unknown", reason);
    }

    public static Classification notNews(String reason) {
        return new Classification(Verdict.NOT_NEWS, "unknown", reason);
    }

    public boolean isNews() {
        return verdict == Verdict.NEWS;
    }
}
