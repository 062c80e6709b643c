package io.wirestream.ingest.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Items and bytes accepted and rejected, per agency, channel and (for rejections) reason. Reasons are a small fixed
 * vocabulary ({@code unauthenticated}, {@code too_large}, {@code not_news}, {@code rate_limited}, {@code kafka_unavailable},
 * ...), never free text, so the number of series stays bounded.
 */
public final class IngestMetrics {

    /** Items offered, by agency, channel, outcome and reason: {@code wirestream_ingest_items_total}. */
    public static final String ITEMS = "wirestream.ingest.items";
    /** Payload bytes offered, same tags: {@code wirestream_ingest_bytes_total}. */
    public static final String BYTES = "wirestream.ingest.bytes";

    private final MeterRegistry registry;

    public IngestMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void accepted(String agency, String channel, long bytes) {
        items(agency, channel, "accepted", "none").increment();
        bytes(agency, channel, "accepted", "none").increment(bytes);
    }

    public void rejected(String agency, String channel, String reason, long bytes) {
        items(agency, channel, "rejected", reason).increment();
        bytes(agency, channel, "rejected", reason).increment(bytes);
    }

    private Counter items(String agency, String channel, String outcome, String reason) {
        return Counter.builder(ITEMS).description("Items offered to ingest, by outcome")
                .tags("agency", agency, "channel", channel, "outcome", outcome, "reason", reason).register(registry);
    }

    private Counter bytes(String agency, String channel, String outcome, String reason) {
        return Counter.builder(BYTES).baseUnit("bytes").description("Payload bytes offered to ingest, by outcome")
                .tags("agency", agency, "channel", channel, "outcome", outcome, "reason", reason).register(registry);
    }

    public MeterRegistry registry() {
        return registry;
    }
}
