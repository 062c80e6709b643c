package io.wirestream.subscribers.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private final RetryPolicy policy = new RetryPolicy(Duration.ofMillis(100), Duration.ofSeconds(5));

    @Test
    void theWaitDoublesPerFailureWithinHalfAndAllOfTheBackoffAndNeverPassesTheMaximum() {
        Random random = new Random(42);
        for (int attempt = 1; attempt <= 60; attempt++) {
            long base = Math.min(5000, 100L << Math.min(attempt - 1, 40));
            for (int i = 0; i < 50; i++) {
                long wait = policy.delayAfter(attempt, random).toMillis();
                assertThat(wait).as("attempt %d", attempt).isBetween(base / 2, base);
            }
        }
    }

    @Test
    void theWaitIsJittered() {
        Random random = new Random(7);
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            seen.add(policy.delayAfter(4, random).toMillis());
        }
        assertThat(seen).hasSizeGreaterThan(10);
    }

    @Test
    void aMaximumBelowTheFirstWaitIsRefused() {
        assertThatThrownBy(() -> new RetryPolicy(Duration.ofSeconds(2), Duration.ofSeconds(1))).isInstanceOf(IllegalArgumentException.class);
    }
}
