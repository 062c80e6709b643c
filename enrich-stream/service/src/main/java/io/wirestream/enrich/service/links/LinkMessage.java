package io.wirestream.enrich.service.links;

import io.wirestream.enrich.tagging.related.KeyHits;
import io.wirestream.enrich.tagging.related.Posting;
import io.wirestream.enrich.tagging.related.ProfileKey;
import io.wirestream.enrich.tagging.related.StoryProfile;

/**
 * What travels on the stage's internal topics. One envelope type for every message so that the collector reads a
 * story's article and its key hits from one partition of one topic.
 *
 * @param kind what this message is
 * @param uri the new story's uri
 * @param version the new story's version
 * @param article tagged article, Avro single-object encoding (ARTICLE only)
 * @param profile the story's linking profile (ARTICLE only)
 * @param key the key being probed (PROBE) or answered (HITS)
 * @param posting the story's posting to index under the key (PROBE only)
 * @param hits what the key returned (HITS only)
 */
public record LinkMessage(Kind kind, String uri, long version, byte[] article, StoryProfile profile, ProfileKey key,
                          Posting posting, KeyHits hits) {

    /**
     * RETRACT: a story killed after it was indexed, sent to each key it was indexed under; the key's index records
     * a posting that hides the story for good and answers nothing. KILLED: the same kill, sent to every partition
     * of the by-uri topic so that each collector republishes its stories that link to the killed one without it.
     */
    public enum Kind { ARTICLE, PROBE, HITS, TOMBSTONE, RETRACT, KILLED }

    static LinkMessage article(String uri, long version, byte[] article, StoryProfile profile) {
        return new LinkMessage(Kind.ARTICLE, uri, version, article, profile, null, null, null);
    }

    static LinkMessage probe(String uri, long version, ProfileKey key, Posting posting) {
        return new LinkMessage(Kind.PROBE, uri, version, null, null, key, posting, null);
    }

    static LinkMessage retract(String uri, long version, ProfileKey key, Posting hidden) {
        return new LinkMessage(Kind.RETRACT, uri, version, null, null, key, hidden, null);
    }

    static LinkMessage killed(String uri, long version) {
        return new LinkMessage(Kind.KILLED, uri, version, null, null, null, null, null);
    }

    static LinkMessage hits(String uri, long version, KeyHits hits) {
        return new LinkMessage(Kind.HITS, uri, version, null, null, hits.key(), null, hits);
    }

    static LinkMessage tombstone(String uri) {
        return new LinkMessage(Kind.TOMBSTONE, uri, Long.MAX_VALUE, null, null, null, null, null);
    }
}
