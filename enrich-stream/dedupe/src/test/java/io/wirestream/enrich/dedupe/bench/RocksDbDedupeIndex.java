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
    private String lastUri;
    private long lastStoryNumber;

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
        try {
            byte[] numbers = db.get(postingKey(key));
            if (numbers == null) {
                return List.of();
            }
            int count = Math.min(limit, numbers.length / 8);
            List<byte[]> storyKeys = new ArrayList<>(count);
            ByteBuffer buffer = ByteBuffer.wrap(numbers);
            for (int i = 0; i < count; i++) {
                storyKeys.add(storyKey(buffer.getLong()));
            }
            List<IndexedStory> stories = new ArrayList<>(count);
            for (byte[] value : db.multiGetAsList(storyKeys)) {
                if (value != null) {
                    stories.add(IndexedStoryCodec.decode(value));
                }
            }
            return stories;
        } catch (RocksDBException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void add(String key, IndexedStory story) {
        try (WriteBatch batch = new WriteBatch()) {
            if (!story.uri().equals(lastUri)) {
                lastUri = story.uri();
                lastStoryNumber = ++sequence;
                batch.put(storyKey(lastStoryNumber), IndexedStoryCodec.encode(story));
            }
            byte[] postingKey = postingKey(key);
            byte[] existing = db.get(postingKey);
            batch.put(postingKey, append(existing, lastStoryNumber));
            db.write(writeOptions, batch);
        } catch (RocksDBException e) {
            throw new IllegalStateException(e);
        }
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

    void flush() throws RocksDBException {
        try (var flush = new org.rocksdb.FlushOptions().setWaitForFlush(true)) {
            db.flush(flush);
        }
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
