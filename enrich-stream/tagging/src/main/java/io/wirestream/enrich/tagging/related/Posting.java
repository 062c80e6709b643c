package io.wirestream.enrich.tagging.related;

/**
 * A story as stored under one index key: enough to score and title a link without reading the story itself.
 *
 * @param uri story id
 * @param version story version
 * @param timeMillis when it was created
 * @param headline link title
 * @param clusterId its duplicate cluster, or null
 * @param norm norm of the story's key weights
 * @param weight weight of this key in the story
 * @param visibleFromMillis when other stories may show it as a link: 0 for a released story, its embargo time for
 *                          an embargoed one, {@link #NEVER} for a withheld or killed one (editorial state, issue 15)
 */
public record Posting(String uri, long version, long timeMillis, String headline, String clusterId, double norm,
                      double weight, long visibleFromMillis) {

    /** Visible to nobody: withheld (until a later version says otherwise) or killed (for good). */
    public static final long NEVER = Long.MAX_VALUE;

    /** A released story's posting. */
    public Posting(String uri, long version, long timeMillis, String headline, String clusterId, double norm,
                   double weight) {
        this(uri, version, timeMillis, headline, clusterId, norm, weight, 0L);
    }

    /** Whether another story may show this one as a related link at {@code nowMillis}. */
    public boolean visibleAt(long nowMillis) {
        return visibleFromMillis <= nowMillis;
    }

    public Posting withVisibleFrom(long millis) {
        return new Posting(uri, version, timeMillis, headline, clusterId, norm, weight, millis);
    }

    /** The same story under another key: only the key's weight in it differs. */
    public Posting withWeight(double keyWeight) {
        return new Posting(uri, version, timeMillis, headline, clusterId, norm, keyWeight, visibleFromMillis);
    }
}
