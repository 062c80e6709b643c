package io.wirestream.enrich.service.links;

import io.wirestream.enrich.tagging.related.KeyHits;
import io.wirestream.enrich.tagging.related.StoryProfile;
import java.util.ArrayList;
import java.util.List;

/**
 * The collector's state for one story uri: versions waiting for their key hits, and the last version emitted (so a
 * slower, older version never overtakes a newer one).
 */
final class PendingLinks {

    /** One version waiting for the answers of all its keys. */
    static final class Waiting {
        public long version;
        public byte[] article;
        public StoryProfile profile;
        public List<KeyHits> hits = new ArrayList<>();
        public long firstSeenMillis;

        boolean complete() {
            return article != null && hits.size() >= profile.keys().size();
        }
    }

    public List<Waiting> waiting = new ArrayList<>();
    public long lastEmittedVersion = Long.MIN_VALUE;
    public long lastEmittedAtMillis;

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
