package io.wirestream.enrich.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.errors.StreamsException;
import org.junit.jupiter.api.Test;

/** Readiness follows the failure history, not only the Streams state, which stays RUNNING while threads are replaced. */
class StreamThreadHealthTest {

    Instant now = Instant.parse("2026-03-01T10:00:00Z");
    final Clock clock = new Clock() {
        @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(java.time.ZoneId zone) { return this; }
        @Override public Instant instant() { return now; }
    };
    final StreamThreadHealth health = new StreamThreadHealth(clock, 3, Duration.ofMinutes(5));

    static Throwable threadFailure() {
        return new StreamsException("task failed", new RecordTooLargeException("the message is 3100000 bytes"));
    }

    @Test
    void readyWhileRunningWithFewerFailuresThanTheLimit() {
        assertThat(health.problem(KafkaStreams.State.RUNNING)).isNull();
        health.threadFailed(threadFailure());
        health.threadFailed(threadFailure());
        assertThat(health.problem(KafkaStreams.State.RUNNING)).isNull();
        assertThat(health.failing()).isFalse();
    }

    @Test
    void threadsThatKeepFailingMakeItNotReadyWithTheLastReasonEvenWhileStreamsSaysRunning() {
        for (int i = 0; i < 3; i++) {
            now = now.plusSeconds(10);
            health.threadFailed(threadFailure());
        }
        assertThat(health.failing()).isTrue();
        assertThat(health.problem(KafkaStreams.State.RUNNING))
                .startsWith("FAILING: 3 stream thread failures")
                .contains("RecordTooLargeException: the message is 3100000 bytes");
        assertThat(health.snapshot(KafkaStreams.State.RUNNING))
                .containsEntry("failing", true)
                .containsEntry("threadReplacementsTotal", 3L)
                .containsEntry("lastFailureReason", "RecordTooLargeException: the message is 3100000 bytes");
    }

    @Test
    void failuresOlderThanTheWindowAreForgotten() {
        for (int i = 0; i < 3; i++) {
            health.threadFailed(threadFailure());
        }
        now = now.plus(Duration.ofMinutes(5)).plusSeconds(1);
        assertThat(health.failing()).isFalse();
        assertThat(health.problem(KafkaStreams.State.RUNNING)).isNull();
        assertThat(health.totalFailures()).isEqualTo(3);
    }

    @Test
    void aStreamsStateOtherThanRunningIsNotReady() {
        assertThat(health.problem(KafkaStreams.State.REBALANCING)).isEqualTo("streams state is REBALANCING");
    }
}
