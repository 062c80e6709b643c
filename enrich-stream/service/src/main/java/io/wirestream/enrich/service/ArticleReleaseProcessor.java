package io.wirestream.enrich.service;

import io.wirestream.avro.Article;
import io.wirestream.avro.PubStatus;
import io.wirestream.enrich.service.codec.DueTimeKey;
import io.wirestream.enrich.service.codec.DueTimers;
import java.time.Duration;
import java.time.Instant;
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
 * The last gate before wire.articles, partitioned by story uri.
 *
 * <ul>
 *   <li>Embargo: a story whose embargo lies in the future is held in a changelogged store (so a restart keeps it)
 *       and released by a wall-clock punctuator once due. A newer version or a kill replaces what is held. An
 *       embargo further ahead than {@code maxEmbargoAhead} is not held: the version goes out as {@code withheld}
 *       with the signal {@value #EMBARGO_TOO_FAR}, for a person or a later version to settle.</li>
 *   <li>Withheld: a withheld version goes out as a notice without its text, so stores hide the story while nothing
 *       of it is readable on the topic.</li>
 *   <li>Kills go out at once as withdrawn records; after a grace period a tombstone removes the story from the
 *       compacted topic, unless the story came back in the meantime.</li>
 * </ul>
 *
 * <p>Timers cost what is due, not what is stored (issue 13): every embargo and tombstone has an entry in
 * {@link #TIMER_STORE} whose key is a {@link DueTimeKey} (its due time, then its kind and uri), and a tick
 * range-scans up to now, reading only due entries and deserialising only the articles it releases. A timer entry is
 * a hint: what is held or due by uri decides, so an entry left behind by a replaced version is skipped and dropped.
 * Stores written before the timer index existed are indexed once, on the first tick, and marked as done.
 *
 * <p>Every released article gets its processedAt stamp here, which is what freshness is measured against.
 */
final class ArticleReleaseProcessor implements Processor<String, Article, String, Article> {

    static final String HELD_STORE = "embargo-held";
    static final String TOMBSTONE_STORE = "kill-tombstones";
    static final String TIMER_STORE = "release-timers";
    static final String EMBARGO_TOO_FAR = "embargo-beyond-horizon";

    private static final char EMBARGO = 'e';
    private static final char TOMBSTONE = 't';

    private final Duration tombstoneGrace;
    private final Duration checkInterval;
    private final Duration maxEmbargoAhead;
    private ProcessorContext<String, Article> context;
    private KeyValueStore<String, Article> held;
    private KeyValueStore<String, Long> tombstoneDue;
    private DueTimers<Long> timers;

    ArticleReleaseProcessor(Duration tombstoneGrace, Duration checkInterval, Duration maxEmbargoAhead) {
        this.tombstoneGrace = tombstoneGrace;
        this.checkInterval = checkInterval;
        this.maxEmbargoAhead = maxEmbargoAhead;
    }

    @Override
    public void init(ProcessorContext<String, Article> context) {
        this.context = context;
        this.held = context.getStateStore(HELD_STORE);
        this.tombstoneDue = context.getStateStore(TOMBSTONE_STORE);
        this.timers = new DueTimers<>(context.getStateStore(TIMER_STORE));
        context.schedule(checkInterval, PunctuationType.WALL_CLOCK_TIME, this::releaseDue);
    }

    @Override
    public void process(Record<String, Article> record) {
        Article article = record.value();
        if (article == null) {
            return;
        }
        Instant now = Instant.ofEpochMilli(context.currentSystemTimeMs());
        String uri = record.key();
        if (article.getPubstatus() == PubStatus.canceled) {
            held.put(uri, null); // a kill beats anything still under embargo; its timer entry finds nothing
            long due = now.plus(tombstoneGrace).toEpochMilli();
            tombstoneDue.put(uri, due);
            fileTimer(due, TOMBSTONE, uri);
            emit(uri, article, record.timestamp(), now);
            return;
        }
        tombstoneDue.put(uri, null); // the story lives again: no tombstone (its timer entry finds nothing)
        Instant embargo = article.getEmbargoed();
        if (embargo != null && embargo.isAfter(now)) {
            if (embargo.isAfter(now.plus(maxEmbargoAhead))) {
                held.put(uri, null);
                emit(uri, withheldTooFar(article), record.timestamp(), now);
                return;
            }
            held.put(uri, article);
            fileTimer(embargo.toEpochMilli(), EMBARGO, uri);
            return;
        }
        held.put(uri, null);
        emit(uri, article.getPubstatus() == PubStatus.withheld ? withoutText(article) : article, record.timestamp(), now);
    }

    /**
     * The withheld notice of a story embargoed beyond the horizon: its identity, version and embargo, so that every
     * store hides whatever it had of the story, and none of its text, which must not be on any topic before the
     * embargo lifts.
     */
    static Article withheldTooFar(Article article) {
        List<String> signals = new ArrayList<>(article.getSignals());
        if (!signals.contains(EMBARGO_TOO_FAR)) {
            signals.add(EMBARGO_TOO_FAR);
        }
        return withoutText(Article.newBuilder(article).setPubstatus(PubStatus.withheld).setSignals(signals).build());
    }

    /**
     * A withheld story goes out as a notice (identity, version, state, signals) so that every store hides what it
     * had of the story; its text stays off the topic until a version releases it.
     */
    static Article withoutText(Article article) {
        return Article.newBuilder(article).setHeadline("").setHeadlines(List.of()).setDescription(null).setByline(null).setDateline(null)
                .setTagline(null).setBodyParagraphs(List.of()).setBodyHtml("").setKeywords(List.of())
                .setEntities(List.of()).setRelated(List.of()).setSubjects(List.of()).build();
    }

    private void releaseDue(long wallClockMs) {
        if (!timers.marked(DueTimeKey.LEGACY_INDEXED_MARKER)) {
            indexLegacyState();
        }
        Instant now = Instant.ofEpochMilli(wallClockMs);
        for (KeyValue<String, Long> timer : timers.takeDueBy(wallClockMs)) {
            String subject = DueTimeKey.subject(timer.key);
            char kind = subject.charAt(0);
            String uri = subject.substring(1);
            if (kind == EMBARGO) {
                Article article = held.get(uri);
                if (article != null && article.getEmbargoed() != null && !article.getEmbargoed().isAfter(now)) {
                    held.put(uri, null);
                    emit(uri, article, wallClockMs, now);
                }
            } else if (kind == TOMBSTONE) {
                Long tombstoneAt = tombstoneDue.get(uri);
                if (tombstoneAt != null && tombstoneAt <= wallClockMs) {
                    tombstoneDue.put(uri, null);
                    context.forward(new Record<>(uri, null, wallClockMs));
                }
            }
        }
    }

    private void fileTimer(long dueMillis, char kind, String uri) {
        timers.file(dueMillis, kind + uri, dueMillis);
    }

    /** Gives every held story and pending tombstone written before the timer index its timer entry, once. */
    private void indexLegacyState() {
        try (KeyValueIterator<String, Article> it = held.all()) {
            it.forEachRemaining(kv -> {
                long due = kv.value.getEmbargoed() == null ? 0 : kv.value.getEmbargoed().toEpochMilli();
                fileTimer(due, EMBARGO, kv.key);
            });
        }
        try (KeyValueIterator<String, Long> it = tombstoneDue.all()) {
            it.forEachRemaining(kv -> fileTimer(kv.value, TOMBSTONE, kv.key));
        }
        timers.mark(DueTimeKey.LEGACY_INDEXED_MARKER, 1L);
    }

    private void emit(String uri, Article article, long timestamp, Instant now) {
        article.setProcessedAt(now);
        context.forward(new Record<>(uri, article, timestamp));
    }
}
