package io.wirestream.enrich.service.codec;

/**
 * Where the next scan of one timer store may start, kept in memory by the processor that owns the store. A tick
 * deletes (or files again, later) every {@link DueTimeKey} it reads; but a RocksDB store keeps deleted keys as
 * tombstones until a compaction, and a scan from {@link DueTimeKey#FIRST} steps over every one of them. With a key
 * written and deleted per story, that grew to about 0.2 us per story judged since the last compaction: 2 ms a tick
 * after 10,000 stories, 19 ms after 100,000, ten ticks a second per task (DedupeJudgeBenchmark).
 *
 * <p>The floor holds that no due key before it is in the store. It starts at the beginning of time (a new processor
 * instance, after a restart or a rebalance, knows nothing of what its restored store holds), moves to just past a
 * tick's upper bound once the tick has read its range, and comes down again whenever a key is filed earlier than it.
 * Keys that sort after every due key (markers starting with {@code '~'}) are not due keys and do not count.
 */
final class DueScanFloor {

    private long floor;

    /** Call for every due key put into the store, before the next scan. */
    public void filed(long dueMillis) {
        floor = Math.min(floor, Math.max(0, dueMillis));
    }

    /**
     * Whether a scan up to {@code millis} can find anything: not when the floor is past it (a tick in the same
     * millisecond as the last, or a wall clock set back). Skip the scan then: a range whose lower bound is above its
     * upper bound is empty, and RocksDB logs a warning for each one.
     */
    public boolean mayHoldDueBy(long millis) {
        return floor <= millis;
    }

    /** The lower bound for the next scan. */
    public String from() {
        return DueTimeKey.of(floor, "");
    }

    /**
     * Call once a scan up to {@link DueTimeKey#dueBy}{@code (millis)} has been read, when every key it read is
     * deleted or filed again (through {@link #filed}, which may bring the floor back down).
     */
    public void readThrough(long millis) {
        floor = Math.max(floor, millis + 1);
    }

    /** The same for a scan up to {@link DueTimeKey#dueBefore}{@code (millis)}. */
    public void readBefore(long millis) {
        floor = Math.max(floor, millis);
    }
}
