package io.wirestream.publish.consumer;

import java.time.Duration;

/** Exponential backoff between attempts to reach a failed store: initial, doubled per failure, capped. */
final class Backoff {

    private final Duration initial;
    private final Duration max;
    private Duration current;

    Backoff(Duration initial, Duration max) {
        this.initial = initial;
        this.max = max;
        this.current = null;
    }

    /** The wait before the next attempt; each call doubles the one after. */
    Duration next() {
        current = current == null ? initial : min(current.multipliedBy(2), max);
        return current;
    }

    void reset() {
        current = null;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
