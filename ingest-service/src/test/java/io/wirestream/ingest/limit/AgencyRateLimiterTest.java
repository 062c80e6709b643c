package io.wirestream.ingest.limit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class AgencyRateLimiterTest {

    final AtomicLong nanos = new AtomicLong();
    final AgencyRateLimiter.Rate twoPerSecondBurstFour = new AgencyRateLimiter.Rate(2, 4);

    @Test
    void allowsTheBurstThenRefusesWithTheTimeUntilATokenIsBack() {
        AgencyRateLimiter limiter = new AgencyRateLimiter(twoPerSecondBurstFour, Map.of(), nanos::get);
        for (int i = 0; i < 4; i++) {
            assertThat(limiter.tryAcquire("alpha", 1)).isZero();
        }
        Duration wait = limiter.tryAcquire("alpha", 1);
        assertThat(wait).isGreaterThanOrEqualTo(Duration.ofMillis(500)).isLessThanOrEqualTo(Duration.ofSeconds(1));

        nanos.addAndGet(Duration.ofMillis(500).toNanos());
        assertThat(limiter.tryAcquire("alpha", 1)).isZero();
        assertThat(limiter.tryAcquire("alpha", 1)).isPositive();
    }

    @Test
    void agenciesHaveTheirOwnBuckets() {
        AgencyRateLimiter limiter = new AgencyRateLimiter(twoPerSecondBurstFour, Map.of(), nanos::get);
        assertThat(limiter.tryAcquire("alpha", 4)).isZero();
        assertThat(limiter.tryAcquire("alpha", 1)).isPositive();
        assertThat(limiter.tryAcquire("beta", 4)).isZero();
    }

    @Test
    void overridesGiveOneAgencyAnotherRate() {
        Map<String, AgencyRateLimiter.Rate> overrides = AgencyRateLimiter.parseOverrides("big=100/50, small=1", twoPerSecondBurstFour);
        assertThat(overrides).containsEntry("big", new AgencyRateLimiter.Rate(100, 50))
                .containsEntry("small", new AgencyRateLimiter.Rate(1, 4));
        AgencyRateLimiter limiter = new AgencyRateLimiter(twoPerSecondBurstFour, overrides, nanos::get);
        assertThat(limiter.tryAcquire("big", 50)).isZero();
        assertThat(limiter.tryAcquire("big", 1)).isPositive();
        // a batch of 5 over a burst of 4 costs a full bucket: it passes on a full one and empties it
        assertThat(limiter.tryAcquire("other", 5)).isZero();
        assertThat(limiter.tryAcquire("other", 1)).isPositive();
    }

    @Test
    void refusedRequestsTakeNoTokens() {
        AgencyRateLimiter limiter = new AgencyRateLimiter(twoPerSecondBurstFour, Map.of(), nanos::get);
        assertThat(limiter.tryAcquire("alpha", 3)).isZero();
        assertThat(limiter.tryAcquire("alpha", 2)).isPositive();
        assertThat(limiter.tryAcquire("alpha", 1)).isZero();
    }

    @Test
    void rejectsMalformedOverrides() {
        assertThatThrownBy(() -> AgencyRateLimiter.parseOverrides("nonsense", twoPerSecondBurstFour)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AgencyRateLimiter.parseOverrides("a=0", twoPerSecondBurstFour)).isInstanceOf(IllegalArgumentException.class);
    }
}
