package io.wirestream.enrich.dedupe.version;

import java.time.Instant;

/**
 * What the pipeline remembers about one story id: the highest version it let through, whether the story was killed,
 * and when the state last changed (for retention).
 */
public record StoryState(String uri, long latestVersion, boolean killed, Instant updatedAt) {

    public StoryState {
        if (uri == null || uri.isBlank()) {
            throw new IllegalArgumentException("uri is required");
        }
        if (updatedAt == null) {
            throw new IllegalArgumentException("updatedAt is required");
        }
    }
}
