package io.wirestream.enrich.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.WriteOptions;

/**
 * The RocksDB memory bound on real RocksDB instances: several stores written hard hold their memtables together
 * within the shared budget, where each store alone would otherwise keep its own.
 */
class BoundedRocksDbMemoryTest {

    static final long BUDGET = 8L * 1024 * 1024;
    static final int STORES = 4;

    @TempDir
    Path dir;

    /** Writes 48 MiB of incompressible values across the stores; returns the most their memtables held together. */
    long mostMemtableBytesWhileWriting(Map<String, Object> configs) throws Exception {
        RocksDB.loadLibrary();
        List<Options> options = new ArrayList<>();
        List<RocksDB> dbs = new ArrayList<>();
        long most = 0;
        try (WriteOptions write = new WriteOptions().setDisableWAL(true)) {
            for (int i = 0; i < STORES; i++) {
                // as Kafka Streams hands them to a setter: its own table config in place
                Options o = new Options().setCreateIfMissing(true).setTableFormatConfig(new BlockBasedTableConfig())
                        .setWriteBufferSize(16L * 1024 * 1024).setMaxWriteBufferNumber(3);
                new BoundedRocksDbMemory().setConfig("store-" + i, o, configs);
                options.add(o);
                dbs.add(RocksDB.open(o, dir.resolve("store-" + i + "-" + configs.size()).toString()));
            }
            SplittableRandom random = new SplittableRandom(7);
            byte[] value = new byte[4096];
            for (int n = 0; n < 12_288; n++) {
                for (int b = 0; b < value.length; b++) {
                    value[b] = (byte) random.nextInt();
                }
                dbs.get(n % STORES).put(write, ("key-" + n).getBytes(), value);
                if (n % 256 == 0) {
                    long sum = 0;
                    for (RocksDB db : dbs) {
                        sum += Long.parseLong(db.getProperty("rocksdb.size-all-mem-tables"));
                    }
                    most = Math.max(most, sum);
                }
            }
        } finally {
            dbs.forEach(RocksDB::close);
            options.forEach(Options::close);
        }
        return most;
    }

    @Test
    void storesSharingTheBudgetKeepTheirMemtablesWithinIt() throws Exception {
        long bounded = mostMemtableBytesWhileWriting(Map.of(BoundedRocksDbMemory.BUDGET_CONFIG, String.valueOf(BUDGET)));
        long unbounded = mostMemtableBytesWhileWriting(Map.of());
        assertThat(unbounded).as("without the bound each store keeps its own memtables").isGreaterThan(2 * BUDGET);
        // half the budget for memtables, plus the one being filled when a write waits (seen: 3.2 MB against 50 MB)
        assertThat(bounded).as("memtables of all stores together").isLessThanOrEqualTo(BUDGET / 2 + BoundedRocksDbMemory.MEMTABLE_BYTES);
    }

    @Test
    void everyStoreOfTheProcessSharesOneCacheAndWriteBufferManagerPerBudget() {
        assertThat(BoundedRocksDbMemory.sharedFor(BUDGET)).isSameAs(BoundedRocksDbMemory.sharedFor(BUDGET));
        assertThat(BoundedRocksDbMemory.sharedFor(BUDGET)).isNotSameAs(BoundedRocksDbMemory.sharedFor(2 * BUDGET));
    }

    @Test
    void aBudgetOfZeroLeavesRocksDbsDefaults() {
        try (Options o = new Options().setWriteBufferSize(16L * 1024 * 1024)) {
            new BoundedRocksDbMemory().setConfig("store", o, Map.of(BoundedRocksDbMemory.BUDGET_CONFIG, "0"));
            assertThat(o.writeBufferSize()).isEqualTo(16L * 1024 * 1024);
        }
    }
}
