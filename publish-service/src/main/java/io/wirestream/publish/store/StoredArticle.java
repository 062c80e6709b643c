package io.wirestream.publish.store;

import java.time.Instant;

/**
 * A story as a store holds it.
 *
 * @param document the ninjs document (with the pipeline extension) of the current version; {@code null} when the
 *                 content was deleted by a kill
 * @param changeCursor position of its latest visible change in the store's change feed
 */
public record StoredArticle(String uri, long version, StoryStatus status, String headline, Instant embargoed,
                            String document, long changeCursor) {
}
