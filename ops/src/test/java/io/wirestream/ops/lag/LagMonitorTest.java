package io.wirestream.ops.lag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LagMonitorTest {

    private static final Instant T0 = Instant.parse("2026-11-28T03:00:00Z");
    private static final String PUBLISH = "wirestream-publish-sqlite";

    private final ScriptedSampler sampler = new ScriptedSampler(T0, PUBLISH);
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final LagMonitorSettings settings = LagMonitorSettings.forCluster("unused:9092")
            .withSampling(Duration.ofSeconds(1), 4, 3, Duration.ofSeconds(20));
    private final LagMonitor monitor = new LagMonitor(sampler, settings, registry);

    @Test
    void reportsStatusLagAndRatesOverTheSlidingWindow() {
        sampler.next(0, 100, 110, 1, 1000);
        sampler.next(10, 100, 150, 1, 1050);
        sampler.next(20, 100, 200, 1, 1100);
        monitor.sampleNow();
        monitor.sampleNow();
        LagReport report = monitor.sampleNow();

        GroupEvaluation group = report.group(PUBLISH).orElseThrow();
        assertThat(group.status()).isEqualTo(LagStatus.STALL);
        assertThat(group.lagRecords()).isEqualTo(100);
        assertThat(report.topic("wire.articles").orElseThrow().recordsPerSecond()).isCloseTo(5.0, within(1e-9));
        assertThat(report.groupRate(PUBLISH).orElseThrow().recordsPerSecond()).isZero();
        assertThat(report.worstStatus()).isEqualTo(LagStatus.STALL);
    }

    @Test
    void windowSlidesSoARecoveredGroupIsOkAgain() {
        sampler.next(0, 100, 200, 1, 0);
        sampler.next(10, 100, 250, 1, 0);
        sampler.next(20, 100, 300, 1, 0);
        sampler.next(30, 250, 310, 1, 0);
        sampler.next(40, 320, 320, 1, 0);
        for (int i = 0; i < 3; i++) {
            monitor.sampleNow();
        }
        assertThat(monitor.latest().group(PUBLISH).orElseThrow().status()).isEqualTo(LagStatus.STALL);

        monitor.sampleNow();
        LagReport recovered = monitor.sampleNow();

        assertThat(recovered.group(PUBLISH).orElseThrow().status()).isEqualTo(LagStatus.OK);
        assertThat(recovered.groupRate(PUBLISH).orElseThrow().recordsPerSecond())
                .as("window of 4 holds rounds at 10..40 s: (320-100)/30").isCloseTo(220 / 30.0, within(1e-9));
    }

    @Test
    void publishesGaugesPerPartitionAndPerGroup() {
        sampler.next(0, 100, 130, 0, 0);
        monitor.sampleNow();

        assertThat(registry.get("wirestream.lag.records")
                .tags("group", PUBLISH, "topic", "wire.articles", "partition", "0").gauge().value()).isEqualTo(30.0);
        assertThat(registry.get("wirestream.lag.seconds")
                .tags("group", PUBLISH, "topic", "wire.articles", "partition", "0").gauge().value()).isEqualTo(12.5);
        assertThat(registry.get("wirestream.lag.group.status").tags("group", PUBLISH).gauge().value())
                .isEqualTo(LagStatus.STOP.ordinal());
    }

    @Test
    void aTopicsEndOffsetsAreACounterThatLeavesWithItsTopic() {
        sampler.next(0, 100, 130, 1, 1000);
        sampler.next(10, 100, 130, 1, 1250);
        sampler.add(new ClusterSample(T0.plusSeconds(20), List.of(), Map.of()));

        monitor.sampleNow();
        assertThat(registry.get("wirestream.topic.end.offsets").tags("topic", "wire.articles").functionCounter().count())
                .isEqualTo(1000.0);
        monitor.sampleNow();
        assertThat(registry.get("wirestream.topic.end.offsets").tags("topic", "wire.articles").functionCounter().count())
                .as("the same counter, moved on").isEqualTo(1250.0);
        assertThat(registry.get("wirestream.topic.written.records.per.second").tags("topic", "wire.articles").gauge().value())
                .isCloseTo(25.0, within(1e-9));

        monitor.sampleNow(); // the topic is gone
        assertThat(registry.find("wirestream.topic.end.offsets").functionCounters()).isEmpty();
    }

    @Test
    void unreachableClusterMarksKnownGroupsErrAndKeepsTheirLastFigures() {
        sampler.next(0, 100, 130, 1, 0);
        monitor.sampleNow();
        sampler.failNext("connection refused");

        LagReport report = monitor.sampleNow();

        assertThat(report.error()).contains("connection refused");
        assertThat(report.worstStatus()).isEqualTo(LagStatus.ERR);
        assertThat(report.group(PUBLISH).orElseThrow().lagRecords()).isEqualTo(30);
        assertThat(registry.get("wirestream.lag.group.status").tags("group", PUBLISH).gauge().value())
                .isEqualTo(LagStatus.ERR.ordinal());
    }

    @Test
    void groupThatDisappearsIsNoLongerReported() {
        sampler.next(0, 100, 130, 1, 0);
        monitor.sampleNow();
        sampler.add(new ClusterSample(T0.plusSeconds(10), List.of(), Map.of()));

        LagReport report = monitor.sampleNow();

        assertThat(report.groups()).isEmpty();
        assertThat(registry.find("wirestream.lag.records").gauges()).isEmpty();
    }

    @Test
    void startSamplesPeriodicallyUntilClosed() {
        for (int i = 0; i < 50; i++) {
            sampler.next(i, 100, 100, 1, 0);
        }
        LagMonitor fast = new LagMonitor(sampler, settings.withSampling(Duration.ofMillis(20), 4, 3, Duration.ZERO), null);
        fast.start();
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> sampler.taken() >= 3);
        fast.close();
        assertThat(fast.latest().groups()).isNotEmpty();
        assertThat(sampler.closed()).isTrue();
    }
}
