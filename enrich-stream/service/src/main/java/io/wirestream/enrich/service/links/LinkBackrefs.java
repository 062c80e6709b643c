package io.wirestream.enrich.service.links;

import io.wirestream.avro.Article;
import io.wirestream.avro.RelatedLink;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.WindowStore;

/**
 * Who links to whom, kept by the collector on the partition of the linking story, so that a story killed after
 * others linked to it can be taken out of their links (issue 15). Two window stores, both with the link window as
 * retention, so they are bounded by what the window holds and need no timer:
 * <ul>
 *   <li>{@link #BACKREFS_STORE}: {@code target NUL source} for every computed link the source was emitted with;</li>
 *   <li>{@link #EMITTED_STORE}: the last article emitted per source (Avro bytes; empty once tombstoned), what is
 *       republished without the link.</li>
 * </ul>
 * A kill reaches every collector task (the by-uri topic multicasts it); each looks up its own linking stories.
 */
final class LinkBackrefs {

    static final String BACKREFS_STORE = "related-links-backrefs";
    static final String EMITTED_STORE = "related-links-emitted";
    private static final byte[] GONE = new byte[0];

    private final WindowStore<String, Long> backrefs;
    private final WindowStore<String, byte[]> emitted;
    private final long windowMillis;

    LinkBackrefs(WindowStore<String, Long> backrefs, WindowStore<String, byte[]> emitted, long windowMillis) {
        this.backrefs = backrefs;
        this.emitted = emitted;
        this.windowMillis = windowMillis;
    }

    /** Remembers what was emitted for the story and whom its computed links point at. */
    void emitted(String uri, Article article, long timestamp) {
        emitted.put(uri, RelatedLinkCollector.encode(article), timestamp);
        for (RelatedLink link : article.getRelated()) {
            if ("computed".equals(link.getOrigin())) {
                backrefs.put(link.getUri() + '\u0000' + uri, article.getVersion(), timestamp);
            }
        }
    }

    void tombstoned(String uri, long timestamp) {
        emitted.put(uri, GONE, timestamp);
    }

    /**
     * The stories on this partition whose last emitted version links to {@code killed}, with that link removed:
     * what to republish. Stories tombstoned since, or whose newer version no longer links to it, are left alone.
     */
    List<Article> withoutLinksTo(String killed, long nowTimestamp) {
        Instant from = Instant.ofEpochMilli(Math.max(0, nowTimestamp - windowMillis));
        Instant to = Instant.ofEpochMilli(nowTimestamp + windowMillis);
        List<String> sources = new ArrayList<>();
        String prefix = killed + '\u0000';
        try (KeyValueIterator<Windowed<String>, Long> it = backrefs.fetch(prefix, prefix + '\uffff', from, to)) {
            it.forEachRemaining(kv -> {
                String source = kv.key.key().substring(prefix.length());
                if (!sources.contains(source)) {
                    sources.add(source);
                }
            });
        }
        List<Article> revised = new ArrayList<>();
        for (String source : sources) {
            byte[] last = latest(source, from, to);
            if (last == null || last.length == 0) {
                continue;
            }
            Article article = RelatedLinkCollector.decode(last);
            List<RelatedLink> kept = new ArrayList<>(article.getRelated());
            if (kept.removeIf(l -> l.getUri().equals(killed))) {
                revised.add(Article.newBuilder(article).setRelated(kept).build());
            }
        }
        return revised;
    }

    private byte[] latest(String uri, Instant from, Instant to) {
        try (KeyValueIterator<Long, byte[]> it = emitted.backwardFetch(uri, from, to)) {
            if (it.hasNext()) {
                KeyValue<Long, byte[]> kv = it.next();
                return kv.value;
            }
        }
        return null;
    }
}
