package io.wirestream.runtime.metrics;

/**
 * End-to-end latency of one store and agency: how long a story took from ingest receipt to publication.
 * Percentiles decay over the recorder's window (recent traffic), the count is since start.
 */
public record FreshnessFigures(String store, String agency, long count, double p50Seconds, double p95Seconds,
                               double p99Seconds, double maxSeconds) {
}
