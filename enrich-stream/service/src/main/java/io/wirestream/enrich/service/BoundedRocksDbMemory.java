package io.wirestream.enrich.service;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Cache;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.WriteBufferManager;

/**
 * Bounds the memory every RocksDB store of the process takes outside the Java heap, together.
 *
 * <p>Kafka Streams opens a RocksDB instance per store, per task, and per segment of a window store: 57 of them for
 * one enrich-stream instance with 3 partitions, about twice that with 6. Left to its defaults each has its own block
 * cache (up to 50 MiB) and up to three 16 MiB memtables, and its index and filter blocks outside any cache, so the
 * total grows with partitions, stores and write load and has no bound: under a container's memory limit the process
 * is killed, and it restarts into the same state and the same growth.
 *
 * <p>Here all stores of the process share one block cache of {@code wirestream.rocksdb.memory.bytes}, memtables are
 * charged to the same cache through one write buffer manager (at most half of it; a write waits for a flush when
 * they are over it), and index and filter blocks live
 * in the cache too (kept with high priority, so reads stay fast). The bound is soft: the cache does not refuse an
 * insert at its capacity (a strict limit would fail reads), so pinned blocks and memtables waiting for their flush can
 * take it over for a while. Stores that share the budget get smaller memtables (4 MiB, at most two), so many fit.
 * Operators may name their own setter ({@code enrich.streams.rocksdb.config.setter}); this one is the default.
 */
public final class BoundedRocksDbMemory implements RocksDBConfigSetter {

    /** The Streams config key carrying the budget in bytes (set from {@code enrich.rocksdb.memory.bytes}). */
    public static final String BUDGET_CONFIG = "wirestream.rocksdb.memory.bytes";
    static final long MEMTABLE_BYTES = 4L * 1024 * 1024;
    static final int MEMTABLES = 2;

    /** One cache and write buffer manager per budget, shared by every store (and every instance) of the process. */
    private static final Map<Long, Shared> SHARED = new ConcurrentHashMap<>();

    record Shared(Cache cache, WriteBufferManager writeBuffers) {}

    static Shared sharedFor(long budgetBytes) {
        return SHARED.computeIfAbsent(budgetBytes, b -> {
            // a quarter of the cache is kept for high-priority blocks (index and filter)
            Cache cache = new LRUCache(b, -1, false, 0.25);
            // a write waits while memtables are over their share and flushes catch up (without that, fast writers
            // outrun the flushes and the share is no bound); the stream thread waits for a flush, never for ever
            return new Shared(cache, new WriteBufferManager(b / 2, cache, true));
        });
    }

    @Override
    public void setConfig(String storeName, Options options, Map<String, Object> configs) {
        Object budget = configs.get(BUDGET_CONFIG);
        if (budget == null) {
            return; // not configured: RocksDB's and Kafka Streams' defaults
        }
        long bytes = Long.parseLong(budget.toString());
        if (bytes <= 0) {
            return;
        }
        Shared shared = sharedFor(bytes);
        BlockBasedTableConfig table = (BlockBasedTableConfig) options.tableFormatConfig();
        table.setBlockCache(shared.cache());
        table.setCacheIndexAndFilterBlocks(true);
        table.setCacheIndexAndFilterBlocksWithHighPriority(true);
        table.setPinTopLevelIndexAndFilter(true);
        options.setTableFormatConfig(table);
        options.setWriteBufferManager(shared.writeBuffers());
        options.setWriteBufferSize(MEMTABLE_BYTES);
        options.setMaxWriteBufferNumber(MEMTABLES);
    }

    @Override
    public void close(String storeName, Options options) {
        // the cache and the write buffer manager are shared by every store of the process: never closed with one
    }
}
