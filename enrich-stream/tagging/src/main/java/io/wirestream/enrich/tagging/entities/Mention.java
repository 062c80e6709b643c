package io.wirestream.enrich.tagging.entities;

import io.wirestream.avro.EntityType;
import io.wirestream.enrich.tagging.knowledge.KnownEntity;

/**
 * One place in the text that names an entity.
 *
 * @param firstToken index of the first token of the name (titles excluded)
 * @param endToken index after the last token
 * @param start character offset of the name
 * @param end character offset after the name
 * @param surface the name as written
 * @param type what kind of entity the recogniser thinks it is
 * @param known the knowledge-base entity it matched, or null for a name found by its shape and context
 * @param confidence 0..1, how sure the recogniser is of the span and type
 * @param adjectival true for demonyms ("Iraqi" naming Iraq): evidence for the entity, but not a name span
 */
public record Mention(int firstToken, int endToken, int start, int end, String surface, EntityType type,
                      KnownEntity known, double confidence, boolean adjectival) {

    public int length() {
        return endToken - firstToken;
    }

    Mention withResolution(EntityType newType, KnownEntity newKnown, double newConfidence) {
        return new Mention(firstToken, endToken, start, end, surface, newType, newKnown, newConfidence, adjectival);
    }
}
