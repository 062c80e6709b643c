package io.wirestream.wire.bench;

/**
 * Wall-clock microseconds that never go backwards: the epoch time at start plus {@link System#nanoTime()} since.
 * Observations (an ack, a record read, a store row seen) are stamped with it, so they compare with each other and
 * with the pipeline's own epoch-millisecond stamps (receivedAt, processedAt) taken in the same JVM.
 */
final class BenchClock {

    private static final long ANCHOR_NANOS = System.nanoTime();
    private static final long ANCHOR_MICROS = System.currentTimeMillis() * 1000;

    private BenchClock() {}

    static long nowMicros() {
        return toMicros(System.nanoTime());
    }

    static long toMicros(long nanoTime) {
        return ANCHOR_MICROS + (nanoTime - ANCHOR_NANOS) / 1000;
    }
}
