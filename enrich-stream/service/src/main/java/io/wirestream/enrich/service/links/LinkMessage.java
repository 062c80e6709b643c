package io.wirestream.enrich.service.links;

import io.wirestream.enrich.tagging.related.KeyHits;
import io.wirestream.enrich.tagging.related.Posting;
import io.wirestream.enrich.tagging.related.ProfileKey;
import io.wirestream.enrich.tagging.related.StoryProfile;
import java.util.List;

/**
 * What travels on the stage's internal topics. One envelope type for every message so that the collector reads a
 * story's article and its key answers from one partition of one topic.
 *
 * @param kind what this message is
 * @param uri the new story's uri
 * @param version the new story's version
 * @param article tagged article, Avro single-object encoding (ARTICLE only)
 * @param profile the story's linking profile (ARTICLE only)
 * @param key the key being probed (PROBE) or answered (HITS): the single-key forms written before issue 16
 * @param posting the story's posting to index (PROBE, PROBES; its weight is each key's weight) or the posting that
 *                hides it (RETRACT, RETRACTS)
 * @param hits what the key returned (HITS only)
 * @param keys the keys of one partition of the by-key topic (PROBES, RETRACTS)
 * @param answers what each key of one PROBES message returned (ANSWERS)
 * @param probes how many probe messages the story sent, so how many answer messages the collector waits for
 *               (ARTICLE); null in an article written before issue 16, which sent one probe per key
 */
public record LinkMessage(Kind kind, String uri, long version, byte[] article, StoryProfile profile, ProfileKey key,
                          Posting posting, KeyHits hits, List<ProfileKey> keys, List<KeyHits> answers,
                          Integer probes) {

    /**
     * RETRACT: a story killed after it was indexed, sent to each key it was indexed under; the key's index records
     * a posting that hides the story for good and answers nothing. KILLED: the same kill, sent to every partition
     * of the by-uri topic so that each collector republishes its stories that link to the killed one without it.
     * PROBE, RETRACT and HITS carry one key each (one message per key, before issue 16) and are still read;
     * PROBES and RETRACTS carry every key of the story that lands on one partition of the by-key topic, and
     * ANSWERS the answers of all the keys of one PROBES message.
     */
    public enum Kind {
        ARTICLE, PROBE, HITS, TOMBSTONE, RETRACT, KILLED, PROBES, RETRACTS, ANSWERS;

        /** Whether the message goes to the index keys' partitions (by-key) rather than to the story's (by-uri). */
        boolean toKeys() {
            return this == PROBE || this == RETRACT || this == PROBES || this == RETRACTS;
        }

        /** Whether the message is one of the answers the collector counts before it ranks. */
        boolean isAnswer() {
            return this == HITS || this == ANSWERS;
        }
    }

    /** Answer messages the collector waits for before it ranks this article (ARTICLE only). */
    int expectedAnswers() {
        return probes != null ? probes : profile.keys().size();
    }

    static LinkMessage article(String uri, long version, byte[] article, StoryProfile profile, int probes) {
        return new LinkMessage(Kind.ARTICLE, uri, version, article, profile, null, null, null, null, null, probes);
    }

    /** An article as versions before issue 16 sent it: its answers are one per profile key. */
    static LinkMessage legacyArticle(String uri, long version, byte[] article, StoryProfile profile) {
        return new LinkMessage(Kind.ARTICLE, uri, version, article, profile, null, null, null, null, null, null);
    }

    /** A single-key probe, as versions before issue 16 sent them. */
    static LinkMessage probe(String uri, long version, ProfileKey key, Posting posting) {
        return new LinkMessage(Kind.PROBE, uri, version, null, null, key, posting, null, null, null, null);
    }

    /** The story's keys that land on one partition of the by-key topic, with its posting once. */
    static LinkMessage probes(String uri, long version, List<ProfileKey> keys, Posting posting) {
        return new LinkMessage(Kind.PROBES, uri, version, null, null, null, posting, null, List.copyOf(keys), null, null);
    }

    /** A single-key retraction, as versions before issue 16 sent them. */
    static LinkMessage retract(String uri, long version, ProfileKey key, Posting hidden) {
        return new LinkMessage(Kind.RETRACT, uri, version, null, null, key, hidden, null, null, null, null);
    }

    static LinkMessage retracts(String uri, long version, List<ProfileKey> keys, Posting hidden) {
        return new LinkMessage(Kind.RETRACTS, uri, version, null, null, null, hidden, null, List.copyOf(keys), null, null);
    }

    static LinkMessage killed(String uri, long version) {
        return new LinkMessage(Kind.KILLED, uri, version, null, null, null, null, null, null, null, null);
    }

    /** A single key's answer, as versions before issue 16 sent them. */
    static LinkMessage hits(String uri, long version, KeyHits hits) {
        return new LinkMessage(Kind.HITS, uri, version, null, null, hits.key(), null, hits, null, null, null);
    }

    static LinkMessage answers(String uri, long version, List<KeyHits> answers) {
        return new LinkMessage(Kind.ANSWERS, uri, version, null, null, null, null, null, null, List.copyOf(answers), null);
    }

    static LinkMessage tombstone(String uri) {
        return new LinkMessage(Kind.TOMBSTONE, uri, Long.MAX_VALUE, null, null, null, null, null, null, null, null);
    }

    /** The key answers this message carries, whichever form it has. */
    List<KeyHits> allHits() {
        if (answers != null) {
            return answers;
        }
        return hits != null ? List.of(hits) : List.of();
    }
}
