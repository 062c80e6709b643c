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
 */
public record Posting(String uri, long version, long timeMillis, String headline, String clusterId, double norm,
                      double weight) {
}
