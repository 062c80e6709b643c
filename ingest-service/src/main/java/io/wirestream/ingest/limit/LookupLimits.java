package io.wirestream.ingest.limit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.concurrent.Semaphore;

/**
 * What keeps receipt look-ups ({@code GET /v1/items/{receipt}}) from crowding out pushes. Each look-up reads wire.raw
 * and asks publish-service, and holds an HTTP worker thread while it waits; without bounds one agency polling its
 * receipts from hundreds of connections slowed every other agency's pushes from milliseconds to seconds.
 * <ul>
 *   <li>a per-agency budget, apart from the push budget (an agency that polls does not lose its right to push):
 *       over it, 429 with Retry-After, before any work;</li>
 *   <li>a bound on look-ups in progress across all agencies: when it is reached, 503 with Retry-After at once,
 *       instead of a worker thread parked in a queue.</li>
 * </ul>
 * Every look-up is counted on {@code wirestream_ingest_lookups_total} by agency, outcome and reason.
 */
public final class LookupLimits {

    /** Look-ups counted by agency, outcome ({@code answered}, {@code refused}) and reason: {@code wirestream_ingest_lookups_total}. */
    public static final String LOOKUPS = "wirestream.ingest.lookups";

    /** Why a look-up may not go ahead now, and when it would. */
    public record Refusal(int status, String reason, String message, Duration retryAfter) {}

    private final AgencyRateLimiter rate;
    private final Semaphore inProgress;
    private final int maxConcurrent;
    private final MeterRegistry registry;

    public LookupLimits(AgencyRateLimiter rate, int maxConcurrent, MeterRegistry registry) {
        if (maxConcurrent < 1) {
            throw new IllegalArgumentException("ingest.lookup.max.concurrent must be at least 1, not " + maxConcurrent);
        }
        this.rate = rate;
        this.maxConcurrent = maxConcurrent;
        this.inProgress = new Semaphore(maxConcurrent);
        this.registry = registry;
    }

    /**
     * Takes a slot for one look-up by the agency: null when it may go ahead (the caller must then {@link #release}
     * it), else why not. A refused look-up takes nothing from the agency's budget or the slots.
     */
    public Refusal admit(String agency) {
        Duration wait = rate.tryAcquire(agency, 1);
        if (!wait.isZero()) {
            count(agency, "refused", "rate_limited");
            return new Refusal(429, "rate_limited", "agency '" + agency + "' is over its rate of receipt look-ups; retry later", wait);
        }
        if (!inProgress.tryAcquire()) {
            count(agency, "refused", "busy");
            return new Refusal(503, "lookups_busy", maxConcurrent + " receipt look-ups are already in progress; retry shortly",
                    Duration.ofSeconds(1));
        }
        return null;
    }

    /** Gives back the slot an admitted look-up held, and counts it. */
    public void release(String agency) {
        inProgress.release();
        count(agency, "answered", "none");
    }

    private void count(String agency, String outcome, String reason) {
        if (registry != null) {
            Counter.builder(LOOKUPS).description("Receipt look-ups, by outcome")
                    .tags("agency", agency, "outcome", outcome, "reason", reason).register(registry).increment();
        }
    }
}
