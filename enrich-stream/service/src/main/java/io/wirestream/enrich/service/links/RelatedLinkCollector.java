package io.wirestream.enrich.service.links;

import io.wirestream.avro.Article;
import io.wirestream.avro.RelatedLink;
import io.wirestream.enrich.service.codec.DueTimeKey;
import io.wirestream.enrich.service.codec.DueTimers;
import io.wirestream.enrich.tagging.related.KeyHits;
import io.wirestream.enrich.tagging.related.RelatedLinkMerger;
import io.wirestream.enrich.tagging.related.RelatedStoryRanker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Runs on the partition that owns a story uri: waits until the article and the answers to all its probe messages
 * are there (they come from other partitions, in any order; the article says how many probe messages it sent),
 * ranks the candidates and emits the article with its links.
 * A version older than one already emitted is dropped, so versions leave in order; a tombstone clears the story.
 * The same version arriving again with new content (dedupe republishes a story when a copy joins its cluster) is
 * a revision and goes out again with its links.
 */
final class RelatedLinkCollector implements Processor<String, LinkMessage, String, Article> {

    static final String PENDING_STORE = "related-links-pending";
    /** A version whose answers have not all arrived by then is emitted with the links it has. */
    static final Duration PENDING_TIMEOUT = Duration.ofMinutes(2);
    /** How long the last emitted version of a story is remembered to hold back late older versions. */
    static final Duration REMEMBER_EMITTED = Duration.ofHours(1);
    static final String SWEEP_STORE = "related-links-sweep";

    private final RelatedStoryRanker ranker;
    private final Duration window;
    private LinkBackrefs backrefs;
    private ProcessorContext<String, Article> context;
    private KeyValueStore<String, PendingLinks> pending;
    private DueTimers<Long> sweepDue;
    private LinkParts parts;

    RelatedLinkCollector(RelatedStoryRanker ranker, Duration window) {
        this.ranker = ranker;
        this.window = window;
    }

    @Override
    public void init(ProcessorContext<String, Article> context) {
        this.context = context;
        this.pending = context.getStateStore(PENDING_STORE);
        this.sweepDue = new DueTimers<>(context.getStateStore(SWEEP_STORE));
        this.parts = new LinkParts(context.getStateStore(LinkParts.STORE));
        this.backrefs = new LinkBackrefs(context.getStateStore(LinkBackrefs.BACKREFS_STORE),
                context.getStateStore(LinkBackrefs.EMITTED_STORE), window.toMillis());
        context.schedule(Duration.ofSeconds(30), PunctuationType.WALL_CLOCK_TIME, this::sweep);
    }

    @Override
    public void process(Record<String, LinkMessage> record) {
        LinkMessage m = record.value();
        if (m == null) {
            return;
        }
        String uri = m.uri();
        if (m.kind() == LinkMessage.Kind.KILLED) {
            // republished at their own version: stores take an equal version with new content as a revision
            for (Article revised : backrefs.withoutLinksTo(uri, record.timestamp())) {
                backrefs.emitted(revised.getUri(), revised, record.timestamp());
                context.forward(new Record<>(revised.getUri(), revised, record.timestamp()));
            }
            return;
        }
        PendingLinks state = pending.get(uri);
        Long previousDue = state == null ? null : nextDue(state);
        if (state == null) {
            state = new PendingLinks();
        }
        state.migrateLegacyParts(uri, parts);
        long now = context.currentSystemTimeMs();
        if (m.kind() == LinkMessage.Kind.TOMBSTONE) {
            state.waiting.forEach(w -> parts.delete(uri, w.version, w.hitsReceived, w.hasArticle, -1));
            state.waiting.clear();
            state.lastEmittedVersion = Long.MAX_VALUE;
            state.lastEmittedAtMillis = now;
            pending.put(uri, state);
            rescheduleSweep(uri, state, previousDue);
            backrefs.tombstoned(uri, record.timestamp());
            context.forward(new Record<String, Article>(uri, null, record.timestamp(), record.headers()));
            return;
        }
        if (m.version() < state.lastEmittedVersion) {
            return; // a newer version of this story has already left
        }
        if (m.version() == state.lastEmittedVersion && m.kind() != LinkMessage.Kind.ARTICLE && !state.isWaiting(m.version())) {
            return; // a late answer for the version that already left; a revision of it (below) collects its own answers
        }
        PendingLinks.Waiting waiting = state.version(m.version(), now);
        // the message that completes a version is ranked from hand and never stored (issue 16): with a few answer
        // messages per story that is a put and a delete fewer of the largest parts
        if (m.kind() == LinkMessage.Kind.ARTICLE) {
            boolean stored = waiting.hasArticle;
            waiting.hasArticle = true;
            waiting.expectedHits = m.expectedAnswers();
            LinkParts.ArticlePart article = new LinkParts.ArticlePart(m.article(), m.profile());
            if (waiting.complete()) {
                emit(uri, state, waiting, record.timestamp(), now, new Completing(article, stored, List.of(), -1));
            } else {
                parts.putArticle(uri, m.version(), article);
            }
        } else if (m.kind().isAnswer()) {
            int ordinal = waiting.hitsReceived++;
            if (waiting.complete()) {
                emit(uri, state, waiting, record.timestamp(), now, new Completing(null, true, m.allHits(), ordinal));
            } else if (m.kind() == LinkMessage.Kind.HITS) { // one key's answer, from a version before issue 16
                parts.putHits(uri, m.version(), ordinal, m.hits());
            } else {
                parts.putAnswers(uri, m.version(), ordinal, m.answers());
            }
        }
        pending.put(uri, state);
        rescheduleSweep(uri, state, previousDue);
    }

    /**
     * What the message completing a version brings, not in the parts store: its article (null if that came before),
     * whether an article part was stored before (a revision resent while answers were outstanding) and so is to be
     * deleted, and its answers with the ordinal they were not stored under (-1 when it is the article).
     */
    private record Completing(LinkParts.ArticlePart article, boolean articleStored, List<KeyHits> hits,
                              int unstoredOrdinal) {
        static final Completing NOTHING = new Completing(null, true, List.of(), -1);
    }

    private void emit(String uri, PendingLinks state, PendingLinks.Waiting waiting, long timestamp, long now,
                      Completing completing) {
        LinkParts.Collected collected = parts.collect(uri, waiting.version, waiting.hitsReceived,
                completing.article() == null, completing.unstoredOrdinal());
        LinkParts.ArticlePart part = completing.article() != null ? completing.article() : collected.article();
        List<KeyHits> hits = collected.hits();
        hits.addAll(completing.hits());
        Article article = decode(part.article());
        // ranked on the wall clock: an embargo that lifted while the answers were on their way no longer hides a story
        List<RelatedLink> links = ranker.rank(part.profile(), hits, now);
        Article linked = RelatedLinkMerger.withComputedLinks(article, links);
        backrefs.emitted(uri, linked, timestamp);
        context.forward(new Record<>(uri, linked, timestamp));
        state.lastEmittedVersion = waiting.version;
        state.lastEmittedAtMillis = now;
        for (PendingLinks.Waiting w : state.waiting) {
            if (w == waiting) {
                parts.delete(uri, w.version, w.hitsReceived, completing.articleStored(), completing.unstoredOrdinal());
            } else if (w.version <= waiting.version) {
                parts.delete(uri, w.version, w.hitsReceived, w.hasArticle, -1);
            }
        }
        state.waiting.removeIf(w -> w.version <= waiting.version);
    }

    /**
     * Emits versions whose answers are overdue and forgets stories with nothing left to order. Reads only the stories
     * whose next deadline has come (issue 13): {@link #SWEEP_STORE} holds a {@link DueTimeKey} (due time, uri) for
     * each story's next deadline, range-scanned up to now. An entry is a hint: the story's state decides, and a story
     * with a later deadline gets a new entry. Stories pending before the index existed are indexed once.
     */
    private void sweep(long now) {
        if (!sweepDue.marked(DueTimeKey.LEGACY_INDEXED_MARKER)) {
            try (KeyValueIterator<String, PendingLinks> it = pending.all()) {
                it.forEachRemaining(kv -> scheduleSweep(kv.key, kv.value));
            }
            sweepDue.mark(DueTimeKey.LEGACY_INDEXED_MARKER, 1L);
        }
        // every entry taken is deleted; a story swept again is filed anew
        for (KeyValue<String, Long> entry : sweepDue.takeDueBy(now)) {
            String uri = DueTimeKey.subject(entry.key);
            PendingLinks state = pending.get(uri);
            if (state == null) {
                continue;
            }
            boolean changed = state.migrateLegacyParts(uri, parts);
            for (PendingLinks.Waiting w : new ArrayList<>(state.waiting)) {
                if (now - w.firstSeenMillis >= PENDING_TIMEOUT.toMillis() && w.hasArticle
                        && w.version > state.lastEmittedVersion) {
                    emit(uri, state, w, now, now, Completing.NOTHING);
                    changed = true;
                }
            }
            if (state.waiting.isEmpty() && now - state.lastEmittedAtMillis >= REMEMBER_EMITTED.toMillis()) {
                pending.delete(uri);
                continue;
            }
            if (changed) {
                pending.put(uri, state);
            }
            scheduleSweep(uri, state);
        }
    }

    /** Puts the story's next deadline in the sweep index: its oldest waiting version's timeout, else forgetting it. */
    private void scheduleSweep(String uri, PendingLinks state) {
        long next = nextDue(state);
        fileSweep(next, uri);
    }

    /**
     * As {@link #scheduleSweep(String, PendingLinks)} for a story whose entry, if any, is still the one for
     * {@code previousDue}: writes nothing while the deadline stays (a story's messages would otherwise rewrite its
     * entry each time), and removes the former entry when it moves.
     */
    private void rescheduleSweep(String uri, PendingLinks state, Long previousDue) {
        long next = nextDue(state);
        if (previousDue != null && previousDue == next) {
            return;
        }
        if (previousDue != null) {
            sweepDue.cancel(previousDue, uri);
        }
        fileSweep(next, uri);
    }

    /**
     * The story's next deadline: its oldest waiting version's timeout, else (once a version left) forgetting it an
     * hour after. A story never emitted has no forgetting deadline; counting one from time 0 made every waiting
     * story due at every tick (issue 16).
     */
    static long nextDue(PendingLinks state) {
        long next = state.lastEmittedVersion == Long.MIN_VALUE && !state.waiting.isEmpty()
                ? Long.MAX_VALUE : state.lastEmittedAtMillis + REMEMBER_EMITTED.toMillis();
        for (PendingLinks.Waiting w : state.waiting) {
            next = Math.min(next, w.firstSeenMillis + PENDING_TIMEOUT.toMillis());
        }
        return next;
    }

    private void fileSweep(long dueMillis, String uri) {
        sweepDue.file(dueMillis, uri, dueMillis);
    }

    static byte[] encode(Article article) {
        try {
            ByteBuffer buffer = article.toByteBuffer();
            byte[] bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Article decode(byte[] bytes) {
        try {
            return Article.fromByteBuffer(ByteBuffer.wrap(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
