package io.wirestream.subscribers.webhook;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with jitter: after the n-th failed attempt the wait is drawn uniformly from
 * [b/2, b], where b = min(max, initial * 2^(n-1)) ("equal jitter": never less than half the backoff, so a
 * subscriber's endpoint coming back is not hit by every waiting delivery at once, and never more than max).
 */
public record RetryPolicy(Duration initial, Duration max) {

    public RetryPolicy {
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("retry initial must be > 0 and max >= initial");
        }
    }

    /** The wait after {@code failedAttempts} (1 after the first failure). */
    public Duration delayAfter(int failedAttempts, RandomGenerator random) {
        long initialMs = initial.toMillis();
        long maxMs = max.toMillis();
        int shift = Math.min(Math.max(failedAttempts - 1, 0), 40);
        long base = initialMs > (maxMs >> shift) ? maxMs : Math.min(maxMs, initialMs << shift);
        long half = base / 2;
        return Duration.ofMillis(half + (base - half == 0 ? 0 : random.nextLong(base - half + 1)));
    }
}
