package io.wirestream.enrich.service;

import io.micrometer.core.instrument.Metrics;

/** The counters the guards share with the normaliser, on Micrometer's global registry (as the topology's own are). */
final class GuardMetrics {

    private GuardMetrics() {}

    /** Same name and tag keys as the normaliser's rejections, so the ops page counts them together. */
    static void rejected(String agency, String stage, String reason) {
        Metrics.counter("wirestream.enrich.rejected", "agency", agency == null ? "unknown" : agency, "stage", stage,
                "reason", reason).increment();
    }
}
