package io.wirestream.enrich.tagging.related;

import java.util.List;
import java.util.Set;

/**
 * What linking needs to know of a story.
 *
 * @param uri story id
 * @param version story version
 * @param timeMillis when it was created (first created, else version created)
 * @param headline for the link title
 * @param clusterId its duplicate cluster, or null
 * @param excludedUris itself and its known duplicates: never linked
 * @param keys its index keys, most salient first
 */
public record StoryProfile(String uri, long version, long timeMillis, String headline, String clusterId,
                           Set<String> excludedUris, List<ProfileKey> keys) {

    /** Euclidean norm of the key weights, for cosine scoring. */
    public double norm() {
        double sum = 0;
        for (ProfileKey k : keys) {
            sum += k.weight() * k.weight();
        }
        return Math.sqrt(sum);
    }

    public Posting posting(ProfileKey key) {
        return new Posting(uri, version, timeMillis, headline, clusterId, norm(), key.weight());
    }
}
