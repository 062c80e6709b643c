package io.wirestream.enrich.tagging.knowledge;

import io.wirestream.avro.EntityType;

/**
 * An entity the knowledge base knows by name.
 *
 * @param id stable identifier, e.g. {@code wirestream:place:us}; published as the entity uri
 * @param canonicalName the name every alias resolves to
 * @param type person, organisation or place
 * @param kind finer kind: country, city, region, intergov, company, head-of-state role, ...
 */
public record KnownEntity(String id, String canonicalName, EntityType type, String kind) {
}
