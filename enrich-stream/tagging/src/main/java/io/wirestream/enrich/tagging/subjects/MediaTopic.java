package io.wirestream.enrich.tagging.subjects;

import java.util.Map;

/**
 * An IPTC Media Topic the tagger can assign.
 *
 * @param code qualified code, e.g. {@code medtop:11000000}
 * @param label English label
 * @param broader code of the broader topic, or null for a top-level topic
 * @param cues cue words and phrases (lower case) with their weights
 */
public record MediaTopic(String code, String label, String broader, Map<String, Double> cues) {

    public boolean isTopLevel() {
        return broader == null;
    }
}
