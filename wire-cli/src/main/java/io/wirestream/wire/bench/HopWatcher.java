package io.wirestream.wire.bench;

import io.wirestream.contracts.topics.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Where a story's latency builds up ({@code wire bench --hops}): reads the raw topic, every repartition topic,
 * dedupe's feedback topic and the articles topic (read_committed, as the next task reads them) from their ends, and
 * notes for each record how long after its timestamp it became readable. Kafka Streams carries the input record's
 * timestamp through a hop, and the raw record's is set when ingest accepts the item, so up to the dedupe judge the
 * figure per topic is the time from receipt to that hop.
 *
 * <p>The dedupe judge stamps what it forwards with the time it decided (the links index files postings by that
 * time), so the hops after it (the links topics, {@code release-by-uri}, {@code wire.articles}) count from the
 * judge's decision instead: receipt to the judge is the {@code dedupe-by-judged-story}
 * figure, and the two chains add up to the whole. Records stamped before the round started (the warm-up's stragglers)
 * are left out. A reading is late by up to {@link #READ_WINDOW_MS} (fetches wait that long for more records). Reading
 * every hop costs CPU on the same machine (the link answers are large), which is why this is an option.
 */
final class HopWatcher implements AutoCloseable {

    /** Longest a fetch waits for more records: the most a reading can be late by. */
    static final int READ_WINDOW_MS = 20;

    private final Map<String, List<Long>> micros = new HashMap<>();
    private final TopicReader reader;
    private volatile long fromMillis = Long.MAX_VALUE;

    HopWatcher(String bootstrapServers) throws Exception {
        List<String> topics;
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers))) {
            topics = admin.listTopics().names().get(30, TimeUnit.SECONDS).stream().filter(HopWatcher::isHop).sorted().toList();
        }
        // one fetch per READ_WINDOW_MS at most while records trickle in, each reading late by up to that long: fewer
        // requests for the broker on the cores the pipeline runs on than a fetch per commit of every hop
        reader = new TopicReader(bootstrapServers, topics, false, Map.of(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, 1 << 20,
                ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, READ_WINDOW_MS), Duration.ofMillis(20), "bench-hops", this::read);
    }

    private void read(ConsumerRecord<byte[], byte[]> r, long seen) {
        if (r.timestamp() >= fromMillis) {
            synchronized (micros) {
                micros.computeIfAbsent(r.topic(), t -> new ArrayList<>()).add(seen - r.timestamp() * 1000);
            }
        }
    }

    /** The topics a story crosses: raw in, the enrich application's internal topics between tasks, articles out. */
    static boolean isHop(String topic) {
        return topic.equals(Topics.RAW.name()) || topic.equals(Topics.ARTICLES.name()) || topic.endsWith("-repartition")
                || topic.endsWith("-dedupe-replies");
    }

    /** Records stamped from this time on count. */
    void recordFrom(long epochMillis) {
        fromMillis = epochMillis;
    }

    /** Stops counting: what the round left in flight afterwards is not part of it. */
    void stopRecording() {
        fromMillis = Long.MAX_VALUE;
    }

    /** Receipt to readable per hop, in the order the hops are reached (by median). */
    List<BenchReport.Hop> hops() {
        reader.check("the pipeline's hops");
        Map<String, List<Long>> copy = new LinkedHashMap<>();
        synchronized (micros) {
            micros.forEach((t, l) -> copy.put(t, List.copyOf(l)));
        }
        return ordered(copy);
    }

    static List<BenchReport.Hop> ordered(Map<String, List<Long>> microsByTopic) {
        List<BenchReport.Hop> hops = new ArrayList<>();
        microsByTopic.forEach((topic, l) -> hops.add(new BenchReport.Hop(topic, Latencies.ofMicros(l))));
        hops.sort(Comparator.comparingDouble((BenchReport.Hop h) -> h.receiptToReadableMs().p50()).thenComparing(BenchReport.Hop::topic));
        return List.copyOf(hops);
    }

    @Override
    public void close() {
        reader.close();
    }
}
