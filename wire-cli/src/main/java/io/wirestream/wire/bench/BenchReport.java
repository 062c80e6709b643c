package io.wirestream.wire.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What one bench run found: the raw-Kafka baseline, the pipeline's figures, the counts that must add up, and
 * whether every accepted item reached its end (published on the topic and in the store, or merged as a duplicate).
 */
public record BenchReport(Setup setup, Baseline baseline, Pipeline pipeline, Counts counts, Traffic kafkaTraffic, List<Scale> scaling,
        List<Hop> hops, boolean complete, List<String> notes) {

    /** How the run was made; a rate of 0 means the clients pushed as fast as they were answered. */
    public record Setup(int items, int warmupItems, int concurrency, int batchSize, double ratePerSecond, double payloadKb, int averageItemBytes,
            double duplicatesShare, int partitions, long holdBackMillis, String baselineProducer) {}

    /** Raw Kafka on the same broker: the same number of records with the same payloads, best of the passes. Rates in records/s. */
    public record Baseline(int records, double produceSeconds, double producePerSecond, double roundTripSeconds,
            double roundTripPerSecond, double consumeSeconds, double consumePerSecond, int passes, List<Double> producePerSecondByPass) {}

    /**
     * The pipeline. Rates in items/s: accepted items over the time from the first push to the last ack (ingest), to
     * the last item's fate on the topics (published or merged), to the last published story seen in the store.
     * Each percentage is the pipeline's rate over the matching baseline rate (ingest: produce; the others: round trip).
     * {@code topicMiddlePerSecond}: the pace between the 10th and 90th percentile of the items' arrival times, which
     * leaves out the start (an idle pipeline warming to the burst) and the tail.
     */
    public record Pipeline(double ingestSeconds, double ingestPerSecond, double ingestPercentOfBaseline, int ackRequests,
            Latencies ackLatencyMs, double topicSeconds, double topicPerSecond, double topicPercentOfBaseline,
            double topicMiddlePerSecond, double storeSeconds, double storePerSecond, double storePercentOfBaseline,
            Latencies receiptToTopicMs, Latencies receiptToStoreMs) {}

    /**
     * @param published accepted items whose story reached wire.articles
     * @param merged accepted items dropped by dedupe as a copy of another story (not published)
     * @param consistent published + merged == accepted, with nothing missing
     * @param copies near copies among the accepted items
     * @param copiesMerged copies whose pair ended as one published story and one merged duplicate
     * @param copiesPublishedTwice copies whose pair was published as two stories
     * @param lateDuplicates stories audited as late-duplicate (a copy found after both were published)
     * @param rejectedByPipeline records on wire.rejected during the whole run
     */
    public record Counts(int generated, int pushed, int accepted, int refused, int retriedRequests, int published, int merged,
            boolean consistent, int missingFromTopic, int missingFromStore, int copies, int copiesMerged, int copiesPublishedTwice,
            int lateDuplicates, int rejectedByPipeline, int articleRecords, Map<String, Integer> refusals,
            Map<String, Integer> otherAudits) {}

    /**
     * Kafka offsets the measured round added per accepted item: every topic on the broker but the baseline's scratch
     * topics (records plus transaction markers; internal repartition and changelog topics included). The pipeline's
     * throughput ceiling is roughly the broker's rate over {@code offsetsPerItem}. {@code cpuPerItemMs}: CPU time the
     * whole process spent in the measured round per accepted item, and its split by kind of thread (empty where the JVM
     * cannot tell): a figure that does not depend on how long the run waited.
     */
    public record Traffic(double offsetsPerItem, Map<String, Double> offsetsPerItemByTopic, Map<String, Double> cpuPerItemMs) {}

    /**
     * One round of the scaling comparison ({@code --scale-to}): items/s into the store with this many enrich-stream
     * instances, and its ratio to the measured round's single instance.
     */
    public record Scale(int instances, String round, int accepted, boolean complete, double storePerSecond, double ratioToOne,
            Latencies receiptToStoreMs) {}

    /**
     * One topic a story crosses ({@code --hops}): how many of the measured round's records it carried ({@code count})
     * and the time from each record's timestamp to its becoming readable there (read_committed), in milliseconds. The
     * timestamp is the receipt up to the dedupe judge and the judge's decision after it (see {@code HopWatcher}).
     */
    public record Hop(String topic, Latencies receiptToReadableMs) {}

    /** Complete and consistent: the exit status 0 case. */
    public boolean ok() {
        return complete && counts.consistent();
    }

    public String toJson() {
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(this);
        } catch (Exception e) {
            throw new IllegalStateException("cannot write the report as JSON", e);
        }
    }

    public void print(PrintStream out) {
        Setup s = setup;
        out.printf(Locale.ROOT, "%nWirestream bench: %d items (about %.1f KiB each, %.0f%% near copies from another agency), "
                        + "%d clients%s, %s, %d partitions, dedupe hold-back %d ms, warm-up %d items%n",
                s.items(), s.averageItemBytes() / 1024.0, s.duplicatesShare() * 100, s.concurrency(),
                s.ratePerSecond() > 0 ? String.format(Locale.ROOT, " paced at %.0f items/s", s.ratePerSecond()) : " as fast as answered",
                s.batchSize() <= 1 ? "one item per request" : "batches of " + s.batchSize(), s.partitions(), s.holdBackMillis(), s.warmupItems());
        out.printf(Locale.ROOT, "%nThroughput                       %16s  %16s  %9s%n", "baseline rec/s", "pipeline items/s", "% of base");
        Pipeline p = pipeline;
        row(out, "into Kafka (push acks, acks=all)", baseline.producePerSecond(), p.ingestPerSecond(), p.ingestPercentOfBaseline());
        row(out, "through to wire.articles", baseline.roundTripPerSecond(), p.topicPerSecond(), p.topicPercentOfBaseline());
        row(out, "through to the SQLite store", baseline.roundTripPerSecond(), p.storePerSecond(), p.storePercentOfBaseline());
        out.printf(Locale.ROOT, "  baseline: %d records produced in %.2f s (%s) while a consumer read them back (round trip %.2f s);"
                        + " read alone again: %.0f rec/s; best of %d passes (produce rec/s by pass: %s)%n", baseline.records(),
                baseline.produceSeconds(), s.baselineProducer(), baseline.roundTripSeconds(), baseline.consumePerSecond(),
                baseline.passes(), baseline.producePerSecondByPass());
        out.printf(Locale.ROOT, "  pipeline: last ack after %.2f s, every item's fate on the topics after %.2f s, every story in the store after %.2f s;"
                        + " pace between the 10th and 90th percentile arrival: %.1f items/s%n",
                p.ingestSeconds(), p.topicSeconds(), p.storeSeconds(), p.topicMiddlePerSecond());
        if (s.ratePerSecond() > 0) {
            out.printf(Locale.ROOT, "  paced run: the pipeline rates are the offered %.0f items/s if it kept up, so the percentages say little;"
                    + " the latencies are the point%n", s.ratePerSecond());
        }
        out.printf(Locale.ROOT, "%nLatency (ms)                          %5s  %9s  %9s  %9s  %9s%n", "n", "p50", "p95", "p99", "max");
        latency(out, "push ack (per request)", p.ackLatencyMs());
        latency(out, "receipt -> wire.articles (release)", p.receiptToTopicMs());
        latency(out, "receipt -> store (read API)", p.receiptToStoreMs());
        Counts c = counts;
        out.printf(Locale.ROOT, "%nCounts: generated %d, pushed %d, accepted %d, refused %d (%d requests retried)%n",
                c.generated(), c.pushed(), c.accepted(), c.refused(), c.retriedRequests());
        out.printf(Locale.ROOT, "        published %d + merged duplicates %d = %d %s accepted %d; missing from the topic %d, from the store %d%n",
                c.published(), c.merged(), c.published() + c.merged(), c.published() + c.merged() == c.accepted() ? "==" : "!=",
                c.accepted(), c.missingFromTopic(), c.missingFromStore());
        out.printf(Locale.ROOT, "        near copies %d: %d merged with their original, %d published as a second story (%d audited late-duplicate)%n",
                c.copies(), c.copiesMerged(), c.copiesPublishedTwice(), c.lateDuplicates());
        out.printf(Locale.ROOT, "        records on wire.articles %d (a story is republished when a copy joins its cluster), on wire.rejected %d%n",
                c.articleRecords(), c.rejectedByPipeline());
        c.refusals().forEach((why, n) -> out.printf(Locale.ROOT, "        refused %d x %s%n", n, why));
        c.otherAudits().forEach((why, n) -> out.printf(Locale.ROOT, "        audited %d x %s%n", n, why));
        if (kafkaTraffic != null) {
            out.printf(Locale.ROOT, "%nKafka traffic: %.1f offsets per item (records and transaction markers, all topics); largest:%n",
                    kafkaTraffic.offsetsPerItem());
            kafkaTraffic.offsetsPerItemByTopic().entrySet().stream().limit(12)
                    .forEach(e -> out.printf(Locale.ROOT, "  %8.1f  %s%n", e.getValue(), e.getKey()));
            if (kafkaTraffic.cpuPerItemMs() != null && !kafkaTraffic.cpuPerItemMs().isEmpty()) {
                out.printf(Locale.ROOT, "%nCPU per item (ms, this JVM: pipeline, broker and registry):%n");
                kafkaTraffic.cpuPerItemMs().forEach((k, v) -> out.printf(Locale.ROOT, "  %8.2f  %s%n", v, k));
            }
        }
        if (scaling != null && !scaling.isEmpty()) {
            out.printf(Locale.ROOT, "%nScaling (same machine, same broker)   %9s  %16s  %8s  %9s  %9s%n", "instances", "store items/s",
                    "vs one", "p50 ms", "p99 ms");
            scaling.forEach(r -> out.printf(Locale.ROOT, "  %-35s %9d  %16.1f  %7.2fx  %9.1f  %9.1f%s%n", r.round(), r.instances(),
                    r.storePerSecond(), r.ratioToOne(), r.receiptToStoreMs().p50(), r.receiptToStoreMs().p99(),
                    r.complete() ? "" : "  INCOMPLETE"));
        }
        if (hops != null && !hops.isEmpty()) {
            out.printf(Locale.ROOT, "%nReceipt -> readable on each hop (ms, read_committed; by median)  %7s  %9s  %9s  %9s  %9s%n",
                    "records", "p50", "p95", "p99", "max");
            hops.forEach(h -> out.printf(Locale.ROOT, "  %-62s %7d  %9.1f  %9.1f  %9.1f  %9.1f%n", h.topic(), h.receiptToReadableMs().count(),
                    h.receiptToReadableMs().p50(), h.receiptToReadableMs().p95(), h.receiptToReadableMs().p99(),
                    h.receiptToReadableMs().max()));
            out.printf(Locale.ROOT, "  (from each record's timestamp: the receipt up to the dedupe judge, which stamps what it forwards with the time"
                    + " it decided; the hops after it count from that decision)%n");
        }
        notes.forEach(n -> out.println("Note: " + n));
        out.println(ok() ? "\nComplete: every accepted item was published or merged, and every published story reached the store."
                : "\nINCOMPLETE: see the missing counts above.");
    }

    private static void row(PrintStream out, String label, double base, double pipe, double percent) {
        out.printf(Locale.ROOT, "  %-31s %16.0f  %16.1f  %8.1f%%%n", label, base, pipe, percent);
    }

    private static void latency(PrintStream out, String label, Latencies l) {
        out.printf(Locale.ROOT, "  %-35s %5d  %9.1f  %9.1f  %9.1f  %9.1f%n", label, l.count(), l.p50(), l.p95(), l.p99(), l.max());
    }
}
