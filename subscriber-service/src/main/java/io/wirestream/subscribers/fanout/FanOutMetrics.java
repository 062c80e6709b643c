package io.wirestream.subscribers.fanout;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/**
 * The fan-out's figures, per subscriber: deliveries by channel and editorial state, and how long after ingest a
 * story reached the subscriber's topic or the webhook queue. Counters are per process (Prometheus sums instances).
 */
public final class FanOutMetrics {

    private final MeterRegistry registry;
    // a delivery is counted per subscriber: the meters are looked up once, not built per record
    private final java.util.Map<String, Counter> deliveredCounters = new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.Map<String, Timer> delayTimers = new java.util.concurrent.ConcurrentHashMap<>();

    public FanOutMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void delivered(String subscriber, String channel, String state) {
        deliveredCounters.computeIfAbsent(subscriber + '\n' + channel + '\n' + state, k -> Counter.builder("wirestream.subscribers.delivered")
                .description("Story versions fanned out to a subscriber's channel")
                .tags("subscriber", subscriber, "channel", channel, "state", state).register(registry)).increment();
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
