package io.wirestream.enrich.tagging.related;

/**
 * One index key of a story: a salient entity or term.
 *
 * @param key index key: {@code e:} + entity id or type and name, or {@code t:} + term stem
 * @param label what an editor reads in a link's reason ("Sergei Lavrov", "rehab")
 * @param weight how salient the key is in the story
 * @param entity true for an entity key, false for a term key
 */
public record ProfileKey(String key, String label, double weight, boolean entity) {
}
