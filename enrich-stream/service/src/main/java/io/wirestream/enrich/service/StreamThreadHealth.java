package io.wirestream.enrich.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.streams.KafkaStreams;

/**
 * The failure history of the stream threads, for readiness: Streams' state alone says RUNNING (or REBALANCING)
 * while a thread fails and is replaced again and again. Not ready when the state is not RUNNING, or when at least
 * {@code maxFailures} threads failed within {@code window}; the problem text carries the last exception's reason.
 */
final class StreamThreadHealth {

    private final Clock clock;
    private final int maxFailures;
    private final Duration window;
    private final Deque<Instant> failures = new ArrayDeque<>();
    private long total;
    private String lastReason;
    private Instant lastAt;

    StreamThreadHealth(Clock clock, int maxFailures, Duration window) {
        this.clock = clock;
        this.maxFailures = maxFailures;
        this.window = window;
    }

    synchronized void threadFailed(Throwable error) {
        Throwable root = RejectionRecords.rootOf(error);
        lastReason = RejectionRecords.clip(root.getClass().getSimpleName() + ": " + root.getMessage());
        lastAt = clock.instant();
        total++;
        failures.addLast(lastAt);
        forgetOld();
    }

    /** Thread failures within the window. */
    synchronized int recentFailures() {
        forgetOld();
        return failures.size();
    }

    synchronized long totalFailures() {
        return total;
    }

    /** True while the failure history alone makes the service not ready. */
    synchronized boolean failing() {
        return recentFailures() >= maxFailures;
    }

    /** Null when ready; otherwise what is wrong, with the last exception's reason when threads keep failing. */
    synchronized String problem(KafkaStreams.State state) {
        if (failing()) {
            return "FAILING: " + failures.size() + " stream thread failures within " + window + "; last: " + lastReason;
        }
        return state == KafkaStreams.State.RUNNING ? null : "streams state is " + state;
    }

    /** The body of {@code /health/streams}: the contract docs/reliability.md describes. */
    synchronized Map<String, Object> snapshot(KafkaStreams.State state) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("state", String.valueOf(state));
        m.put("failing", failing());
        m.put("recentThreadFailures", failures.size());
        m.put("windowSeconds", window.toSeconds());
        m.put("maxThreadFailures", maxFailures);
        m.put("threadReplacementsTotal", total);
        m.put("lastFailureReason", lastReason);
        m.put("lastFailureAt", lastAt == null ? null : lastAt.toString());
        return m;
    }

    private void forgetOld() {
        Instant since = clock.instant().minus(window);
        while (!failures.isEmpty() && failures.peekFirst().isBefore(since)) {
            failures.removeFirst();
        }
    }
}
