package io.wirestream.wire.bench;

import java.util.Arrays;
import java.util.Collection;

/**
 * Percentiles of a set of latencies, in milliseconds, by the nearest-rank method (p99 of 100 values is the 99th
 * smallest), so every figure is a latency that was actually observed.
 */
public record Latencies(int count, double p50, double p95, double p99, double max) {

    public static final Latencies NONE = new Latencies(0, 0, 0, 0, 0);

    /** @param micros latencies in microseconds */
    public static Latencies ofMicros(Collection<Long> micros) {
        long[] sorted = micros.stream().mapToLong(Long::longValue).toArray();
        if (sorted.length == 0) {
            return NONE;
        }
        Arrays.sort(sorted);
        return new Latencies(sorted.length, rank(sorted, 50) / 1000.0, rank(sorted, 95) / 1000.0,
                rank(sorted, 99) / 1000.0, sorted[sorted.length - 1] / 1000.0);
    }

    static long rank(long[] sorted, int percentile) {
        int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
