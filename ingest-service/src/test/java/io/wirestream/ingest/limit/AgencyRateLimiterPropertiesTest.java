package io.wirestream.ingest.limit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class AgencyRateLimiterPropertiesTest {

    /**
     * Whatever the pattern of requests, an agency never gets more than its burst plus its rate times the time passed,
     * and a refused request always learns a positive wait.
     */
    @Property(tries = 300)
    void neverAllowsMoreThanBurstPlusRateOverTime(@ForAll @IntRange(min = 1, max = 50) int perSecond,
            @ForAll @IntRange(min = 1, max = 100) int burst,
            @ForAll @Size(min = 1, max = 200) List<@IntRange(min = 0, max = 400) Integer> gapsMillis,
            @ForAll @IntRange(min = 1, max = 10) int itemsPerRequest) {
        AtomicLong nanos = new AtomicLong();
        AgencyRateLimiter limiter = new AgencyRateLimiter(new AgencyRateLimiter.Rate(perSecond, burst), Map.of(), nanos::get);
        long allowedItems = 0;
        for (int gap : gapsMillis) {
            nanos.addAndGet(gap * 1_000_000L);
            var wait = limiter.tryAcquire("alpha", itemsPerRequest);
            if (wait.isZero()) {
                allowedItems += Math.min(itemsPerRequest, burst);
            } else {
                assertThat(wait).isPositive();
            }
        }
        double elapsedSeconds = nanos.get() / 1e9;
        assertThat((double) allowedItems).isLessThanOrEqualTo(burst + perSecond * elapsedSeconds + 1e-6);
    }
}
