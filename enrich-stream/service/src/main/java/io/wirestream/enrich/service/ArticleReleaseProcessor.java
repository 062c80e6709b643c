package io.wirestream.enrich.service;

import io.wirestream.avro.Article;
import io.wirestream.avro.PubStatus;
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
 *       and released by a wall-clock punctuator once due. A newer version or a kill replaces what is held.</li>
 *   <li>Kills go out at once as withdrawn records; after a grace period a tombstone removes the story from the
 *       compacted topic, unless the story came back in the meantime.</li>
 * </ul>
 * Every released article gets its processedAt stamp here, which is what freshness is measured against.
 */
final class ArticleReleaseProcessor implements Processor<String, Article, String, Article> {

    static final String HELD_STORE = "embargo-held";
    static final String TOMBSTONE_STORE = "kill-tombstones";

    private final Duration tombstoneGrace;
    private final Duration checkInterval;
    private ProcessorContext<String, Article> context;
    private KeyValueStore<String, Article> held;
    private KeyValueStore<String, Long> tombstoneDue;

    ArticleReleaseProcessor(Duration tombstoneGrace, Duration checkInterval) {
        this.tombstoneGrace = tombstoneGrace;
        this.checkInterval = checkInterval;
    }

    @Override
    public void init(ProcessorContext<String, Article> context) {
        this.context = context;
        this.held = context.getStateStore(HELD_STORE);
        this.tombstoneDue = context.getStateStore(TOMBSTONE_STORE);
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
            held.delete(uri); // a kill beats anything still under embargo
            tombstoneDue.put(uri, now.plus(tombstoneGrace).toEpochMilli());
            emit(uri, article, record.timestamp(), now);
            return;
        }
        tombstoneDue.delete(uri); // the story lives again: no tombstone
        if (article.getEmbargoed() != null && article.getEmbargoed().isAfter(now)) {
            held.put(uri, article);
            return;
        }
        held.delete(uri);
        emit(uri, article, record.timestamp(), now);
    }

    private void releaseDue(long wallClockMs) {
        Instant now = Instant.ofEpochMilli(wallClockMs);
        List<KeyValue<String, Article>> due = new ArrayList<>();
        try (KeyValueIterator<String, Article> it = held.all()) {
            it.forEachRemaining(kv -> {
                if (!kv.value.getEmbargoed().isAfter(now)) {
                    due.add(kv);
                }
            });
        }
        for (KeyValue<String, Article> kv : due) {
            held.delete(kv.key);
            emit(kv.key, kv.value, wallClockMs, now);
        }
        List<String> expired = new ArrayList<>();
        try (KeyValueIterator<String, Long> it = tombstoneDue.all()) {
            it.forEachRemaining(kv -> {
                if (kv.value <= wallClockMs) {
                    expired.add(kv.key);
                }
            });
        }
        for (String uri : expired) {
            tombstoneDue.delete(uri);
            context.forward(new Record<>(uri, null, wallClockMs));
        }
    }

    private void emit(String uri, Article article, long timestamp, Instant now) {
        article.setProcessedAt(now);
        context.forward(new Record<>(uri, article, timestamp));
    }
}
