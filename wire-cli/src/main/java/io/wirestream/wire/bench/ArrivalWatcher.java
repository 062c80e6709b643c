package io.wirestream.wire.bench;

import io.wirestream.avro.Article;
import io.wirestream.avro.DedupeAudit;
import io.wirestream.contracts.serde.SerdeConfig;
import io.wirestream.contracts.topics.Topics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads {@code wire.articles} and {@code wire.dedupe-audit} (read_committed, as a downstream site would) from the
 * start, and notes for each story uri the first time it was published and the first time it was dropped as a
 * duplicate, with the pipeline's own receipt and release times. Also counts {@code wire.rejected}.
 */
final class ArrivalWatcher implements AutoCloseable {

    /** A story's first record on the articles topic. Times: epoch millis from the pipeline, epoch micros seen here. */
    record Published(long receivedAtMillis, long processedAtMillis, long seenMicros) {}

    /** A story dropped by dedupe, with the story published instead. */
    record Dropped(String reason, String survivorUri, long seenMicros) {}

    private final Map<String, Published> published = new ConcurrentHashMap<>();
    private final Map<String, Dropped> merged = new ConcurrentHashMap<>();
    private final Map<String, String> lateDuplicates = new ConcurrentHashMap<>();
    private final Map<String, Integer> otherAudits = new ConcurrentHashMap<>();
    private final AtomicInteger rejected = new AtomicInteger();
    private final Map<String, Integer> articleRecords = new ConcurrentHashMap<>();
    private final Deserializer<Article> articles;
    private final Deserializer<DedupeAudit> audits;
    private final TopicReader reader;

    ArrivalWatcher(String bootstrapServers, String registryUrl) {
        Map<String, Object> serde = Map.of(SerdeConfig.SCHEMA_REGISTRY_URL, registryUrl);
        articles = Topics.ARTICLES.valueSerde(serde).deserializer();
        audits = Topics.DEDUPE_AUDIT.valueSerde(serde).deserializer();
        reader = new TopicReader(bootstrapServers, List.of(Topics.ARTICLES.name(), Topics.DEDUPE_AUDIT.name(), Topics.REJECTED.name()),
                true, Map.of(), Duration.ofMillis(50), "bench-arrivals", this::read);
    }

    private void read(ConsumerRecord<byte[], byte[]> r, long seen) {
        if (r.value() == null) {
            return; // a tombstone
        }
        if (r.topic().equals(Topics.ARTICLES.name())) {
            Article a = articles.deserialize(r.topic(), r.value());
            articleRecords.merge(a.getUri(), 1, Integer::sum);
            long processed = a.getProcessedAt() == null ? seen / 1000 : a.getProcessedAt().toEpochMilli();
            published.putIfAbsent(a.getUri(), new Published(a.getReceivedAt().toEpochMilli(), processed, seen));
        } else if (r.topic().equals(Topics.DEDUPE_AUDIT.name())) {
            DedupeAudit d = audits.deserialize(r.topic(), r.value());
            switch (d.getReason()) {
                case "exact-duplicate", "near-duplicate" ->
                        merged.putIfAbsent(d.getUri(), new Dropped(d.getReason(), d.getSurvivorUri(), seen));
                case "late-duplicate" -> lateDuplicates.putIfAbsent(d.getUri(), String.valueOf(d.getSurvivorUri()));
                default -> otherAudits.merge(d.getReason(), 1, Integer::sum);
            }
        } else {
            rejected.incrementAndGet();
        }
    }

    Published published(String uri) {
        return published.get(uri);
    }

    Dropped merged(String uri) {
        return merged.get(uri);
    }

    boolean lateDuplicate(String uri) {
        return lateDuplicates.containsKey(uri);
    }

    Map<String, Integer> otherAudits() {
        return Map.copyOf(otherAudits);
    }

    int rejected() {
        return rejected.get();
    }

    /** Records of the story on the articles topic: more than one when it was republished (a copy joined its cluster). */
    int articleRecords(String uri) {
        return articleRecords.getOrDefault(uri, 0);
    }

    /** Throws what stopped the reader, if anything did. */
    void check() {
        reader.check("the pipeline's topics");
    }

    @Override
    public void close() {
        reader.close();
    }
}
