package io.wirestream.wire.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The harness end to end on a real local pipeline with a small count: the report must be complete and add up, and
 * every figure must be there and positive. Nothing here says how fast anything must be.
 */
class BenchSmokeIT {

    @Test
    void aSmallRunGivesACompleteConsistentReport() throws Exception {
        BenchRun.Options options = new BenchRun.Options(40, 3, 5, 2, 0.25, 8, 0, 2, 0, null,
                Duration.ofMinutes(4), Duration.ofSeconds(1), Duration.ofMillis(100), 7, 2, Map.of("enrich.links.max", "4"), true);
        ByteArrayOutputStream progress = new ByteArrayOutputStream();
        BenchReport report = new BenchRun(options, new PrintStream(progress, true, StandardCharsets.UTF_8)).run();
        String log = progress.toString(StandardCharsets.UTF_8);

        BenchReport.Counts c = report.counts();
        assertThat(report.complete()).as(log).isTrue();
        assertThat(c.consistent()).as(report.toJson()).isTrue();
        assertThat(report.ok()).isTrue();
        assertThat(c.generated()).isEqualTo(40);
        assertThat(c.pushed()).isEqualTo(40);
        assertThat(c.accepted()).isEqualTo(40);
        assertThat(c.refused()).isZero();
        assertThat(c.published() + c.merged()).isEqualTo(c.accepted());
        assertThat(c.missingFromTopic()).isZero();
        assertThat(c.missingFromStore()).isZero();
        assertThat(c.copies()).isEqualTo(10);
        // each copy and its original end as one published story and one merged copy, or (a late copy) as two stories
        assertThat(c.copiesMerged() + c.copiesPublishedTwice()).isEqualTo(c.copies());
        assertThat(c.merged()).as("only copies are merged").isEqualTo(c.copiesMerged());
        assertThat(c.rejectedByPipeline()).isZero();
        assertThat(c.articleRecords()).isGreaterThanOrEqualTo(c.published());

        BenchReport.Baseline b = report.baseline();
        assertThat(b.records()).isEqualTo(40);
        assertThat(b.producePerSecondByPass()).hasSize(2).allSatisfy(v -> assertThat(v).isPositive());
        assertThat(List.of(b.produceSeconds(), b.producePerSecond(), b.roundTripSeconds(), b.roundTripPerSecond(),
                b.consumeSeconds(), b.consumePerSecond())).allSatisfy(v -> assertThat(v).isPositive());

        BenchReport.Pipeline p = report.pipeline();
        assertThat(List.of(p.ingestSeconds(), p.ingestPerSecond(), p.ingestPercentOfBaseline(), p.topicSeconds(), p.topicPerSecond(),
                p.topicPercentOfBaseline(), p.topicMiddlePerSecond(), p.storeSeconds(), p.storePerSecond(), p.storePercentOfBaseline()))
                .allSatisfy(v -> assertThat(v).isPositive());
        assertThat(p.storeSeconds()).as("the store is fed from the topic").isGreaterThanOrEqualTo(p.ingestSeconds());
        assertThat(p.ackRequests()).isPositive();
        assertWellFormed(p.ackLatencyMs(), p.ackRequests());
        assertWellFormed(p.receiptToTopicMs(), c.published());
        assertWellFormed(p.receiptToStoreMs(), c.published());

        BenchReport.Setup s = report.setup();
        assertThat(s.items()).isEqualTo(40);
        assertThat(s.partitions()).isPositive();
        assertThat(s.averageItemBytes()).isGreaterThan(1024);

        // every item went through raw and, published or merged, left at least one record on an internal topic
        assertThat(report.kafkaTraffic().offsetsPerItemByTopic()).containsKey("wire.raw");
        assertThat(report.kafkaTraffic().offsetsPerItem()).isGreaterThan(report.kafkaTraffic().offsetsPerItemByTopic().get("wire.raw"));
        // the stream thread did the work, and it is part of what the process spent
        assertThat(report.kafkaTraffic().cpuPerItemMs().get(CpuUse.STREAM)).isPositive()
                .isLessThanOrEqualTo(report.kafkaTraffic().cpuPerItemMs().get(CpuUse.PROCESS));

        // --hops: the round's records were timed on every hop; a story reaches the judge after it is on raw
        List<String> hopTopics = report.hops().stream().map(BenchReport.Hop::topic).toList();
        assertThat(hopTopics).contains("wire.raw", "wire.articles").anyMatch(t -> t.endsWith("-dedupe-by-judged-story-repartition"));
        assertThat(hopTopics.indexOf("wire.raw")).isLessThan(hopTopics.indexOf(
                hopTopics.stream().filter(t -> t.endsWith("-dedupe-by-judged-story-repartition")).findFirst().orElseThrow()));
        BenchReport.Hop articlesHop = report.hops().stream().filter(h -> h.topic().equals("wire.articles")).findFirst().orElseThrow();
        assertThat(articlesHop.receiptToReadableMs().count()).isGreaterThanOrEqualTo(c.published());
        assertThat(report.hops()).allSatisfy(h -> assertThat(h.receiptToReadableMs().count()).isPositive());

        // --scale-to 2: the measured round, a round with two instances, and one with a single instance again
        assertThat(report.scaling()).extracting(BenchReport.Scale::instances).containsExactly(1, 2, 1);
        assertThat(report.scaling()).allSatisfy(r -> {
            assertThat(r.complete()).isTrue();
            assertThat(r.storePerSecond()).isPositive();
        });
        assertThat(report.scaling().get(0).ratioToOne()).isEqualTo(1.0);

        JsonNode json = new ObjectMapper().readTree(report.toJson());
        for (String path : List.of("/setup/items", "/baseline/producePerSecond", "/baseline/roundTripPerSecond",
                "/pipeline/ingestPerSecond", "/pipeline/topicPerSecond", "/pipeline/storePerSecond", "/pipeline/ackLatencyMs/p99",
                "/pipeline/receiptToTopicMs/p50", "/pipeline/receiptToStoreMs/p95", "/counts/published", "/counts/merged",
                "/counts/consistent", "/kafkaTraffic/offsetsPerItem", "/complete")) {
            assertThat(json.at(path).isMissingNode()).as("JSON has %s", path).isFalse();
        }
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        report.print(new PrintStream(text, true, StandardCharsets.UTF_8));
        assertThat(text.toString(StandardCharsets.UTF_8)).contains("through to the SQLite store", "receipt -> store", "Kafka traffic:", "Scaling", "Receipt -> readable on each hop", "Complete");
        assertThat(log).contains("baseline:", "warm-up:", "measuring:");
    }

    @Test
    void impossibleOptionsAreRefusedBeforeAnythingStarts() {
        assertThat(new CommandLine(new BenchCommand()).execute("--duplicates-share", "0.9")).isEqualTo(1);
        assertThat(new CommandLine(new BenchCommand()).execute("--items", "0")).isEqualTo(1);
    }

    private static void assertWellFormed(Latencies l, int expectedCount) {
        assertThat(l.count()).isEqualTo(expectedCount);
        assertThat(l.p50()).isPositive();
        assertThat(l.p50()).isLessThanOrEqualTo(l.p95());
        assertThat(l.p95()).isLessThanOrEqualTo(l.p99());
        assertThat(l.p99()).isLessThanOrEqualTo(l.max());
    }
}
