package io.wirestream.enrich.tagging.entities;

import io.wirestream.avro.EntityType;

import java.util.List;

/**
 * An entity of one document with every mention that names it.
 *
 * @param key identity within the document (knowledge-base id, or type and normalised name)
 * @param name canonical name
 * @param type person, organisation or place
 * @param uri knowledge-base id, or null for an entity the knowledge base does not know
 * @param mentions distinct surface forms, in order of first appearance
 * @param mentionCount how many times it was named
 * @param confidence 0..1
 * @param firstOffset character offset of the first mention, for salience
 */
public record ResolvedEntity(String key, String name, EntityType type, String uri, List<String> mentions,
                             int mentionCount, double confidence, int firstOffset) {
}
