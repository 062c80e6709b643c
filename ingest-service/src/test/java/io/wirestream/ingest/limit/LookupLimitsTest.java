package io.wirestream.ingest.limit;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class LookupLimitsTest {

    private final AtomicLong now = new AtomicLong();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    private LookupLimits limits(double perSecond, int burst, int maxConcurrent) {
        return new LookupLimits(new AgencyRateLimiter(new AgencyRateLimiter.Rate(perSecond, burst), Map.of(), now::get),
                maxConcurrent, registry);
    }

    @Test
    void lookUpsBeyondTheBoundInProgressAreRefusedAtOnceAndAdmittedAgainWhenOneEnds() {
        LookupLimits limits = limits(1000, 1000, 2);
        assertThat(limits.admit("alpha")).isNull();
        assertThat(limits.admit("beta")).isNull();

        LookupLimits.Refusal busy = limits.admit("alpha");
        assertThat(busy).isNotNull();
        assertThat(busy.status()).isEqualTo(503);
        assertThat(busy.reason()).isEqualTo("lookups_busy");
        assertThat(busy.retryAfter()).isPositive();

        limits.release("beta");
        assertThat(limits.admit("alpha")).as("a finished look-up frees its slot").isNull();
        assertThat(registry.counter(LookupLimits.LOOKUPS, "agency", "alpha", "outcome", "refused", "reason", "busy").count()).isEqualTo(1);
        assertThat(registry.counter(LookupLimits.LOOKUPS, "agency", "beta", "outcome", "answered", "reason", "none").count()).isEqualTo(1);
    }

    @Test
    void anAgencyOverItsRateIsRefusedWithoutTakingASlotAndOthersKeepTheirs() {
        LookupLimits limits = limits(1, 2, 10);
        assertThat(limits.admit("alpha")).isNull();
        limits.release("alpha");
        assertThat(limits.admit("alpha")).isNull();
        limits.release("alpha");

        LookupLimits.Refusal refused = limits.admit("alpha");
        assertThat(refused).isNotNull();
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.reason()).isEqualTo("rate_limited");
        assertThat(refused.retryAfter()).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        assertThat(limits.admit("beta")).as("another agency has its own budget").isNull();

        now.addAndGet(Duration.ofSeconds(1).toNanos());
        assertThat(limits.admit("alpha")).as("the budget refills at the rate").isNull();
    }

    @Test
    void aBoundBelowOneIsASettingError() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> limits(1, 1, 0))
                .hasMessageContaining("ingest.lookup.max.concurrent");
    }
}
