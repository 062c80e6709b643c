package io.wirestream.enrich.tagging.related;

import java.util.List;

/**
 * What one index key returned for a new story.
 *
 * @param key the new story's key
 * @param postings earlier stories under that key, newest first, at most {@link LinkSettings#postingsPerKey()}
 */
public record KeyHits(ProfileKey key, List<Posting> postings) {
}
