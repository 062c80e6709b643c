package io.wirestream.ops.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wirestream.ops.health.ServiceHealth;
import io.wirestream.ops.lag.GroupEvaluation;
import io.wirestream.ops.lag.GroupRate;
import io.wirestream.ops.lag.LagReport;
import io.wirestream.ops.lag.LagStatus;
import io.wirestream.ops.lag.PartitionEvaluation;
import io.wirestream.ops.lag.TopicRate;
import io.wirestream.ops.subscribers.SubscriberView;
import io.wirestream.ops.subscribers.SubscribersReport;
import io.wirestream.ops.testing.SubscriberStatusBodies;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class OpsDashboardTest {

    private static final Instant AT = Instant.parse("2026-11-28T03:00:00Z");

    private static GroupEvaluation group(String name, LagStatus status, String... topics) {
        List<PartitionEvaluation> partitions = java.util.Arrays.stream(topics)
                .map(t -> new PartitionEvaluation(t, 0, 10, 15, 5, 2.0, "record", status, "why")).toList();
        return new GroupEvaluation(name, AT, "Stable", 1, status, "why", 5L * topics.length, 2.0, partitions);
    }

    @Test
    void stagesFollowTheDataPathWithThroughputAndLag() {
        LagReport report = new LagReport(AT,
                List.of(group("wirestream-publish-sqlite", LagStatus.WARN, "wire.articles"),
                        group("other-app", LagStatus.OK, "elsewhere"),
                        group("wirestream-enrich", LagStatus.OK, "wire.raw", "wirestream-enrich-dedupe-repartition")),
                List.of(new GroupRate("wirestream-enrich", 900, 45.0), new GroupRate("wirestream-publish-sqlite", 800, 40.0)),
                List.of(new TopicRate("wire.raw", 1000, 50.0)), null);

        List<StageView> stages = OpsDashboard.stages(report);

        assertThat(stages).extracting(StageView::name).containsExactly("ingest", "enrich", "publish-sqlite", "other-app");
        assertThat(stages.get(0).recordsPerSecond()).isEqualTo(50.0);
        assertThat(stages.get(0).records()).isEqualTo(1000);
        StageView enrich = stages.get(1);
        assertThat(enrich.reads()).as("Streams' internal topics are not the stage's input").containsExactly("wire.raw");
        assertThat(enrich.writes()).containsExactly("wire.articles", "wire.rejected");
        assertThat(enrich.recordsPerSecond()).isEqualTo(45.0);
        assertThat(enrich.lagRecords()).isEqualTo(10);
        assertThat(stages.get(2).status()).isEqualTo(LagStatus.WARN);
        assertThat(stages.get(3).recordsPerSecond()).as("no rate known yet").isZero();
    }

    @Test
    void ingestStageIsShownBeforeAnyTopicExists() {
        List<StageView> stages = OpsDashboard.stages(LagReport.empty());

        assertThat(stages).singleElement().satisfies(s -> {
            assertThat(s.name()).isEqualTo("ingest");
            assertThat(s.records()).isZero();
        });
    }

    @Test
    void aServiceThatIsNotReadyMakesItsStageAndTheOverallStatusErrWithItsReasonThoughOffsetsLookFine() {
        // seen live: enrich's thread replaced again and again, no lag visible, and the page said OK
        LagReport report = new LagReport(AT, List.of(group("wirestream-enrich", LagStatus.OK, "wire.raw"),
                group("wirestream-publish-sqlite", LagStatus.OK, "wire.articles")), List.of(), List.of(), null);
        String reason = "kafka-streams: stream thread replaced 14 times; last: RecordTooLargeException";
        List<ServiceHealth> health = List.of(
                new ServiceHealth("enrich-stream", "http://e/health/ready", false, reason, AT),
                new ServiceHealth("publish-service", "http://p/health/ready", true, null, AT),
                new ServiceHealth("search-indexer", "http://s/health/ready", false, "unreachable: ConnectException", AT));
        OpsDashboard dashboard = new OpsDashboard(() -> report, null, limit -> List.of(), limit -> List.of(),
                Clock.fixed(AT, ZoneOffset.UTC), 10, () -> health);

        OpsSnapshot snapshot = dashboard.snapshot();

        assertThat(snapshot.overallStatus()).isEqualTo("ERR");
        assertThat(snapshot.services()).isEqualTo(health);
        StageView enrich = snapshot.stages().stream().filter(s -> "enrich".equals(s.name())).findFirst().orElseThrow();
        assertThat(enrich.status()).isEqualTo(LagStatus.ERR);
        assertThat(enrich.reason()).isEqualTo("enrich-stream not ready: " + reason);
        assertThat(snapshot.stages()).filteredOn(s -> "publish-sqlite".equals(s.name()))
                .singleElement().extracting(StageView::status).isEqualTo(LagStatus.OK);
        assertThat(snapshot.stages()).filteredOn(s -> "search-indexer".equals(s.name()))
                .singleElement().extracting(StageView::reason).asString().contains("unreachable");
    }

    @Test
    void everyServiceReadyLeavesTheLagStatusAlone() {
        LagReport report = new LagReport(AT, List.of(group("wirestream-enrich", LagStatus.OK, "wire.raw")),
                List.of(), List.of(), null);
        OpsDashboard dashboard = new OpsDashboard(() -> report, null, limit -> List.of(), limit -> List.of(),
                Clock.fixed(AT, ZoneOffset.UTC), 10,
                () -> List.of(new ServiceHealth("enrich-stream", "http://e/health/ready", true, null, AT)));

        assertThat(dashboard.snapshot().overallStatus()).isEqualTo("OK");
    }

    @Test
    void aSubscriberWhoseWebhookRetriesMakesThePageWarnAndOneThatDeadLettersErrThoughEveryStageIsOk() throws Exception {
        LagReport report = new LagReport(AT, List.of(group("wirestream-subscribers", LagStatus.OK, "wire.articles")),
                List.of(), List.of(), null);
        JsonNode body = new ObjectMapper()
                .readTree(SubscriberStatusBodies.oneOfEach());
        List<SubscriberView> all = new ArrayList<>();
        body.path("subscribers").forEach(s -> all.add(SubscriberView.of("subscriber-service", s)));
        AtomicReference<List<SubscribersReport>> reports =
                new AtomicReference<>();
        OpsDashboard dashboard = new OpsDashboard(() -> report, null, limit -> List.of(), limit -> List.of(),
                Clock.fixed(AT, ZoneOffset.UTC), 10, List::of, reports::get);

        reports.set(List.of(new SubscribersReport("subscriber-service", "http://s/health/subscribers",
                AT, null, null, all.subList(0, 2))));
        OpsSnapshot retrying = dashboard.snapshot();
        assertThat(retrying.overallStatus()).as("harbour-daily OK, quay-news retrying").isEqualTo("WARN");
        assertThat(retrying.subscribers()).isEqualTo(reports.get());
        assertThat(retrying.stages()).allSatisfy(s -> assertThat(s.status()).isEqualTo(LagStatus.OK));

        reports.set(List.of(new SubscribersReport("subscriber-service", "http://s/health/subscribers",
                AT, null, null, all)));
        assertThat(dashboard.snapshot().overallStatus()).as("pier-wire dead-lettered").isEqualTo("ERR");

        reports.set(List.of(new SubscribersReport("subscriber-service", "http://s/health/subscribers",
                AT, null, null, all.subList(0, 1))));
        assertThat(dashboard.snapshot().overallStatus()).isEqualTo("OK");
    }

    @Test
    void subscriberServiceNotReadyMarksTheFanOutAndWebhookStagesNotAStageOfItsOwn() {
        LagReport report = new LagReport(AT, List.of(group("wirestream-publish-sqlite", LagStatus.OK, "wire.articles"),
                group("wirestream-subscribers", LagStatus.OK, "wire.articles"),
                group("wirestream-subscribers-webhooks", LagStatus.OK, "wire.subscribers.webhooks")), List.of(), List.of(), null);
        String reason = "subscribers-file: subscribers.yaml is invalid, the previous version (ab12cd34) stays in force";
        OpsDashboard dashboard = new OpsDashboard(() -> report, null, limit -> List.of(), limit -> List.of(),
                Clock.fixed(AT, ZoneOffset.UTC), 10,
                () -> List.of(new ServiceHealth("subscriber-service", "http://s/health/ready", false, reason, AT)));

        OpsSnapshot snapshot = dashboard.snapshot();

        assertThat(snapshot.overallStatus()).isEqualTo("ERR");
        assertThat(snapshot.stages()).extracting(StageView::name).doesNotContain("subscriber-service");
        assertThat(snapshot.stages()).filteredOn(s -> s.name().startsWith("subscribers")).hasSize(2)
                .allSatisfy(s -> {
                    assertThat(s.status()).isEqualTo(LagStatus.ERR);
                    assertThat(s.reason()).isEqualTo("subscriber-service not ready: " + reason);
                });
        assertThat(snapshot.stages()).filteredOn(s -> "publish-sqlite".equals(s.name()))
                .singleElement().extracting(StageView::status).isEqualTo(LagStatus.OK);
    }

    @Test
    void aReadyServiceWithAWarningMarksItsStagesWarnWithTheWarningNotErr() {
        LagReport report = new LagReport(AT, List.of(group("wirestream-publish-sqlite", LagStatus.OK, "wire.articles"),
                group("wirestream-subscribers", LagStatus.OK, "wire.articles")), List.of(), List.of(), null);
        String warning = "subscribers-file: subscribers.yaml is invalid, the previous version (ab12cd34) stays in force";
        OpsDashboard dashboard = new OpsDashboard(() -> report, null, limit -> List.of(), limit -> List.of(),
                Clock.fixed(AT, ZoneOffset.UTC), 10,
                () -> List.of(new ServiceHealth("publish-service", "http://p/health/ready", true, null, AT, warning)));

        OpsSnapshot snapshot = dashboard.snapshot();

        assertThat(snapshot.overallStatus()).isEqualTo("WARN");
        assertThat(snapshot.stages()).filteredOn(s -> "publish-sqlite".equals(s.name())).singleElement().satisfies(s -> {
            assertThat(s.status()).isEqualTo(LagStatus.WARN);
            assertThat(s.reason()).isEqualTo("publish-service: " + warning);
        });
        assertThat(snapshot.stages()).filteredOn(s -> "subscribers".equals(s.name()))
                .singleElement().extracting(StageView::status).isEqualTo(LagStatus.OK);
    }
}
