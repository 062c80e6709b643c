package io.wirestream.enrich.service.links;

import java.util.List;

/**
 * The index keys a story was last indexed under, so that a kill, which may carry no text of its own, can take the
 * story out of each of them (issue 15). At most {@code maxKeysPerStory} keys per story.
 *
 * @param version the version indexed
 * @param keys the index keys
 */
record IndexedKeys(long version, List<String> keys) {
}
