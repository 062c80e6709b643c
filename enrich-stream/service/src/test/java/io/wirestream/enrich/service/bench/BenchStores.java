package io.wirestream.enrich.service.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * A processor's own state stores for a benchmark rig: the RocksDB key-value stores production builds
 * ({@code Stores.persistentKeyValueStore}, Kafka Streams' default RocksDB options) with the same serdes, under a
 * {@link MockProcessorContext}. What that leaves out, by necessity: the changelog (a logged store needs a running
 * task's record collector) and the record cache (it needs Kafka Streams' internal context). Closed, the stores and
 * their directory are deleted.
 */
public final class BenchStores implements AutoCloseable {

    private final Path directory;
    private final List<StateStore> stores = new ArrayList<>();

    public BenchStores(String name) {
        try {
            directory = Files.createTempDirectory("wirestream-bench-" + name + "-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A context for one processor, with its state under this rig's directory. */
    public <K, V> MockProcessorContext<K, V> context() {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "stage-bench");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        return new MockProcessorContext<>(props, new TaskId(0, 0), directory.toFile());
    }

    /** Adds a RocksDB key-value store named as production names it to the context. */
    public <K, V> KeyValueStore<K, V> keyValue(MockProcessorContext<?, ?> context, String name, Serde<K> keys, Serde<V> values) {
        KeyValueStore<K, V> store = Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), keys, values)
                .withLoggingDisabled().build();
        store.init(context.getStateStoreContext(), store);
        context.addStateStore(store);
        stores.add(store);
        return store;
    }

    @Override
    public void close() {
        stores.forEach(StateStore::close);
        stores.clear();
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
