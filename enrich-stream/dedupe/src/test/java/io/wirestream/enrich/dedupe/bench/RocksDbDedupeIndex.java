package io.wirestream.enrich.dedupe.bench;

import io.wirestream.enrich.dedupe.index.DedupeIndex;
import io.wirestream.enrich.dedupe.index.IndexedStory;
import io.wirestream.enrich.dedupe.index.IndexedStoryCodec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.BloomFilter;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;

/**
 * A {@link DedupeIndex} on RocksDB, so the benchmark's state lives on disk as it does in Kafka Streams. Postings are
 * {@code p <key>} -> the story numbers filed under it (at most the bucket capacity, so a point lookup with a Bloom
 * filter in front), stories are {@code s <number>} -> the story's binary form: one copy of
 * a story however many keys it is filed under (the Streams window store, which cannot reach the story's own task,
 * files the compact story under each key instead).
 */
final class RocksDbDedupeIndex implements DedupeIndex, AutoCloseable {

    static {
        RocksDB.loadLibrary();
    }

    private final Options options;
    private final RocksDB db;
    private final WriteOptions writeOptions = new WriteOptions().setDisableWAL(true);
    private long sequence;
    private List<String> lastKeys;
    private List<byte[]> lastPostings;

    RocksDbDedupeIndex(Path directory) throws RocksDBException {
        // Bloom filters: most keys of a new story have no bucket yet, and a miss should not read a block from disk
        options = new Options().setCreateIfMissing(true).setMaxBackgroundJobs(2).setWriteBufferSize(32L << 20)
                .setTableFormatConfig(new BlockBasedTableConfig().setFilterPolicy(new BloomFilter(10, false)));
        db = RocksDB.open(options, directory.toString());
        byte[] stored = db.get("meta:sequence".getBytes(StandardCharsets.UTF_8));
        sequence = stored == null ? 0 : ByteBuffer.wrap(stored).getLong();
    }

    @Override
    public List<IndexedStory> postings(String key, int limit) {
        return postings(List.of(key), limit).get(0);
    }

    @Override
    public List<List<IndexedStory>> postings(List<String> keys, int limit) {
        try {
            List<byte[]> postingKeys = new ArrayList<>(keys.size());
            keys.forEach(key -> postingKeys.add(postingKey(key)));
            List<byte[]> numbersByKey = db.multiGetAsList(postingKeys);
            // one more round trip for every story filed under any of the keys
            List<byte[]> storyKeys = new ArrayList<>();
            int[] counts = new int[keys.size()];
            for (int i = 0; i < keys.size(); i++) {
                byte[] numbers = numbersByKey.get(i);
                counts[i] = numbers == null ? 0 : Math.min(limit, numbers.length / 8);
                ByteBuffer buffer = numbers == null ? null : ByteBuffer.wrap(numbers);
                for (int j = 0; j < counts[i]; j++) {
                    storyKeys.add(storyKey(buffer.getLong()));
                }
            }
            List<byte[]> stories = storyKeys.isEmpty() ? List.of() : db.multiGetAsList(storyKeys);
            List<List<IndexedStory>> result = new ArrayList<>(keys.size());
            int next = 0;
            for (int i = 0; i < keys.size(); i++) {
                List<IndexedStory> filed = new ArrayList<>(counts[i]);
                for (int j = 0; j < counts[i]; j++) {
                    byte[] value = stories.get(next++);
                    if (value != null) {
                        filed.add(IndexedStoryCodec.decode(value));
                    }
                }
                result.add(filed);
            }
            lastPostings = numbersByKey;
            lastKeys = keys;
            return result;
        } catch (RocksDBException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void add(String key, IndexedStory story) {
        add(List.of(key), story);
    }

    @Override
    public void add(List<String> keys, IndexedStory story) {
        try (WriteBatch batch = new WriteBatch()) {
            long number = ++sequence;
            batch.put(storyKey(number), IndexedStoryCodec.encode(story));
            for (String key : keys) {
                byte[] postingKey = postingKey(key);
                batch.put(postingKey, append(existingPostings(key, postingKey), number));
            }
            db.write(writeOptions, batch);
        } catch (RocksDBException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The engine files a story right after reading its keys: reuse that read instead of a second lookup. */
    private byte[] existingPostings(String key, byte[] postingKey) throws RocksDBException {
        int position = lastKeys == null ? -1 : lastKeys.indexOf(key);
        return position >= 0 ? lastPostings.get(position) : db.get(postingKey);
    }

    /** Files many stories at once, each under its keys: for filling the window before measuring. */
    void addAll(List<IndexedStory> stories, List<List<String>> keys) throws RocksDBException {
        try (WriteBatch batch = new WriteBatch()) {
            for (int i = 0; i < stories.size(); i++) {
                long number = ++sequence;
                batch.put(storyKey(number), IndexedStoryCodec.encode(stories.get(i)));
                for (String key : keys.get(i)) {
                    // synthetic windows have one story per key; a shared key would need a read-modify-write here
                    batch.put(postingKey(key), longBytes(number));
                }
            }
            batch.put("meta:sequence".getBytes(StandardCharsets.UTF_8), longBytes(sequence));
            db.write(writeOptions, batch);
        }
    }

    /** Flushes and compacts, so a measurement sees a settled store rather than the fill's background compactions. */
    void settle() throws RocksDBException {
        try (var flush = new org.rocksdb.FlushOptions().setWaitForFlush(true)) {
            db.flush(flush);
        }
        db.compactRange();
    }

    @Override
    public void close() {
        db.close();
        writeOptions.close();
        options.close();
    }

    private static byte[] postingKey(String key) {
        byte[] k = key.getBytes(StandardCharsets.UTF_8);
        byte[] full = new byte[k.length + 1];
        full[0] = 'p';
        System.arraycopy(k, 0, full, 1, k.length);
        return full;
    }

    private static byte[] append(byte[] numbers, long number) {
        byte[] grown = numbers == null ? new byte[8] : Arrays.copyOf(numbers, numbers.length + 8);
        ByteBuffer.wrap(grown, grown.length - 8, 8).putLong(number);
        return grown;
    }

    private static byte[] storyKey(long number) {
        return ByteBuffer.allocate(9).put((byte) 's').putLong(number).array();
    }

    private static byte[] longBytes(long value) {
        return ByteBuffer.allocate(8).putLong(value).array();
    }
}
