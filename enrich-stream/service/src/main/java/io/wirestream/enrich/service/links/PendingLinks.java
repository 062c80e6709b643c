package io.wirestream.enrich.service.links;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.wirestream.enrich.tagging.related.KeyHits;
import io.wirestream.enrich.tagging.related.StoryProfile;
import java.util.ArrayList;
import java.util.List;

/**
 * The collector's bookkeeping for one story uri: which versions wait for how many key answers, and the last version
 * emitted (so a slower, older version never overtakes a newer one). It stays small whatever the answers weigh: the
 * article and each key's answer are kept as parts of their own ({@link LinkParts}), written once each, so collecting
 * a story costs work linear in its answers rather than rewriting everything received so far at every answer.
 */
final class PendingLinks {

    /** One version waiting for its article and the answers of all its keys. */
    static final class Waiting {
        public long version;
        public boolean hasArticle;
        /**
         * Answer messages to wait for (known once the article is there): one per probe message, one per key for an
         * article from a version before issue 16. The names are kept so that state in flight is still read.
         */
        public int expectedHits;
        /** Answer messages received. */
        public int hitsReceived;
        public long firstSeenMillis;

        /**
         * Written by versions before parts existed, for a version in flight across an upgrade: moved into parts by
         * {@link #migrateLegacyParts} when next read, then null (and not written).
         */
        @JsonInclude(JsonInclude.Include.NON_NULL)
        public byte[] article;
        @JsonInclude(JsonInclude.Include.NON_NULL)
        public StoryProfile profile;
        @JsonInclude(JsonInclude.Include.NON_NULL)
        public List<KeyHits> hits;

        boolean complete() {
            return hasArticle && hitsReceived >= expectedHits;
        }
    }

    public List<Waiting> waiting = new ArrayList<>();
    public long lastEmittedVersion = Long.MIN_VALUE;
    public long lastEmittedAtMillis;

    /** Moves what an older version kept inline into parts; true when there was anything to move. */
    boolean migrateLegacyParts(String uri, LinkParts parts) {
        boolean moved = false;
        for (Waiting w : waiting) {
            if (w.article != null) {
                parts.putArticle(uri, w.version, new LinkParts.ArticlePart(w.article, w.profile));
                w.hasArticle = true;
                w.expectedHits = w.profile.keys().size();
                w.article = null;
                w.profile = null;
                moved = true;
            }
            if (w.hits != null) {
                for (KeyHits h : w.hits) {
                    parts.putHits(uri, w.version, w.hitsReceived++, h);
                }
                w.hits = null;
                moved = true;
            }
        }
        return moved;
    }

    boolean isWaiting(long version) {
        return waiting.stream().anyMatch(w -> w.version == version);
    }

    Waiting version(long version, long nowMillis) {
        for (Waiting w : waiting) {
            if (w.version == version) {
                return w;
            }
        }
        Waiting w = new Waiting();
        w.version = version;
        w.firstSeenMillis = nowMillis;
        waiting.add(w);
        return w;
    }
}
