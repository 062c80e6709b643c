package io.wirestream.subscribers.fanout;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.Gauge;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The fan-out's figures, per subscriber: deliveries by channel and editorial state, and how long after ingest a
 * story reached the subscriber's topic or the webhook queue. Counters are per process (Prometheus sums instances).
 */
public final class FanOutMetrics {

    private final MeterRegistry registry;
    // a delivery is counted per subscriber: the meters are looked up once, not built per record
    private final java.util.Map<String, Counter> deliveredCounters = new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.Map<String, Timer> delayTimers = new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.Map<String, java.util.concurrent.atomic.AtomicLong> lastDelivery = new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.Map<String, Counter> failureCounters = new java.util.concurrent.ConcurrentHashMap<>();

    public FanOutMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void delivered(String subscriber, String channel, String state, Instant at) {
        deliveredCounters.computeIfAbsent(subscriber + '\n' + channel + '\n' + state, k -> Counter.builder("wirestream.subscribers.delivered")
                .description("Story versions fanned out to a subscriber's channel")
                .tags("subscriber", subscriber, "channel", channel, "state", state).register(registry)).increment();
        lastDelivery.computeIfAbsent(subscriber + '\n' + channel, k -> {
            AtomicLong millis = new AtomicLong();
            Gauge.builder("wirestream.subscribers.last.delivery.timestamp.seconds", millis, m -> m.get() / 1000.0)
                    .description("When the subscriber last received a story version on the channel (Unix time; NaN: not since start)")
                    .tags("subscriber", subscriber, "channel", channel).register(registry);
            return millis;
        }).accumulateAndGet(at.toEpochMilli(), Math::max);
    }

    /** When this process last fanned a version out to the subscriber's channel ({@code topic} or {@code webhook-queue}). */
    public Optional<Instant> lastDelivery(String subscriber, String channel) {
        AtomicLong millis = lastDelivery.get(subscriber + '\n' + channel);
        return millis == null ? Optional.empty() : Optional.of(Instant.ofEpochMilli(millis.get()));
    }

    /** A version the subscriber was due could not be fanned out (it went to wire.rejected instead). */
    void failedFor(String subscriber) {
        failureCounter(subscriber).increment();
    }

    /** Versions due to the subscriber that could not be fanned out, since start. */
    public long failures(String subscriber) {
        Counter c = failureCounters.get(subscriber);
        return c == null ? 0 : (long) c.count();
    }

    private Counter failureCounter(String subscriber) {
        return failureCounters.computeIfAbsent(subscriber, id -> Counter.builder("wirestream.subscribers.fanout.failures")
                .description("Story versions due to the subscriber that the fan-out could not write (sent to wire.rejected)")
                .tag("subscriber", id).register(registry));
    }

    void delay(String subscriber, String channel, Duration sinceReceipt) {
        if (sinceReceipt.isNegative()) {
            return;
        }
        delayTimers.computeIfAbsent(subscriber + '\n' + channel, k -> Timer.builder("wirestream.subscribers.fanout.delay")
                .description("From ingest receipt to the story on the subscriber's topic or the webhook queue")
                .tags("subscriber", subscriber, "channel", channel).register(registry)).record(sinceReceipt);
    }

    void held() {
        Counter.builder("wirestream.subscribers.embargo.held").description("Versions held until their embargo").register(registry).increment();
    }

    void released() {
        Counter.builder("wirestream.subscribers.embargo.released").description("Held versions released at their embargo").register(registry).increment();
    }

    void failed(String reason) {
        Counter.builder("wirestream.subscribers.fanout.rejected").description("Records the fan-out could not deliver, sent to wire.rejected")
                .tag("reason", reason).register(registry).increment();
    }

    void forgotten(int stories) {
        Counter.builder("wirestream.subscribers.recipients.expired").description("Stories whose recipients were forgotten after the retention")
                .register(registry).increment(stories);
    }
}
