package io.wirestream.ops.lag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.wirestream.ops.testing.PausableConsumerGroup;
import io.wirestream.ops.testing.SteadyProducer;
import io.wirestream.platform.kafka.EmbeddedKafka;
import io.wirestream.platform.kafka.TopicProvisioner;
import io.wirestream.platform.kafka.TopicSpec;
import io.wirestream.schema.topics.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The lag monitor against a real broker: a consumer group playing publish-service is paused while items keep flowing,
 * and the monitor must see lag in records and seconds grow and call the group not OK, then OK again once it resumes,
 * and STOP once the consumer is gone.
 */
class LagMonitorIT {

    private static final String GROUP = "wirestream-publish-it";
    private static final String TOPIC = Topics.ARTICLES.name();
    private static EmbeddedKafka kafka;

    @BeforeAll
    static void startKafka() {
        kafka = EmbeddedKafka.startTemporary();
        try (Admin admin = kafka.admin()) {
            new TopicProvisioner(admin, Duration.ofSeconds(30)).ensure(List.of(TopicSpec.of(Topics.ARTICLES, 2, 1, 1)));
        }
    }

    @AfterAll
    static void stopKafka() {
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void pausedConsumerShowsGrowingLagAndANonOkStatusThenOkOnceResumedAndStopOnceGone() {
        LagMonitorSettings settings = LagMonitorSettings.forCluster(kafka.bootstrapServers())
                .withGroups(List.of(GROUP))
                .withSampling(Duration.ofMillis(300), 6, 3, Duration.ofSeconds(1));
        SimpleMeterRegistry metrics = new SimpleMeterRegistry();
        try (SteadyProducer producer = new SteadyProducer(kafka.bootstrapServers(), TOPIC, Duration.ofMillis(20), 20_000,
                     n -> ("item " + n).getBytes());
             PausableConsumerGroup publish = new PausableConsumerGroup(kafka.bootstrapServers(), GROUP, TOPIC, r -> { });
             LagMonitor monitor = new LagMonitor(settings, metrics)) {
            monitor.start();

            await("consuming, OK").atMost(Duration.ofSeconds(60)).until(() -> publish.consumed() > 20
                    && statusOf(monitor) == LagStatus.OK && monitor.latest().group(GROUP).orElseThrow().members() == 1);

            publish.pause();
            List<GroupEvaluation> seenWhilePaused = new ArrayList<>();
            await("paused: lag grows and the status is not OK").atMost(Duration.ofSeconds(60)).until(() -> {
                GroupEvaluation g = monitor.latest().group(GROUP).orElseThrow();
                if (seenWhilePaused.isEmpty() || !seenWhilePaused.get(seenWhilePaused.size() - 1).sampledAt().equals(g.sampledAt())) {
                    seenWhilePaused.add(g);
                }
                return g.status() != LagStatus.OK && g.lagRecords() > 30 && g.lagSeconds() > 1.0;
            });
            GroupEvaluation stalled = monitor.latest().group(GROUP).orElseThrow();
            assertThat(stalled.status()).isEqualTo(LagStatus.STALL);
            assertThat(stalled.partitions()).allSatisfy(p -> assertThat(p.lagSecondsSource()).isIn("record", "none"));
            GroupEvaluation firstWithLag = seenWhilePaused.stream().filter(g -> g.lagRecords() > 0).findFirst().orElseThrow();
            assertThat(stalled.lagRecords()).isGreaterThan(firstWithLag.lagRecords());
            assertThat(stalled.lagSeconds()).isGreaterThan(firstWithLag.lagSeconds());
            assertThat(metrics.get("wirestream.lag.group.status").tag("group", GROUP).gauge().value())
                    .isEqualTo(LagStatus.STALL.ordinal());
            assertThat(metrics.get("wirestream.lag.group.records").tag("group", GROUP).gauge().value()).isPositive();

            publish.resume();
            await("resumed: OK again").atMost(Duration.ofSeconds(60))
                    .until(() -> statusOf(monitor) == LagStatus.OK && monitor.latest().group(GROUP).orElseThrow().lagRecords() < 30);
            assertThat(producer.sent()).isGreaterThan(stalled.lagRecords());

            publish.close();
            await("consumer gone: STOP").atMost(Duration.ofSeconds(60)).until(() -> statusOf(monitor) == LagStatus.STOP);
            assertThat(monitor.latest().group(GROUP).orElseThrow().members()).isZero();
        }
    }

    private static LagStatus statusOf(LagMonitor monitor) {
        return monitor.latest().group(GROUP).map(GroupEvaluation::status).orElse(null);
    }
}
