package io.wirestream.contracts.serde;

import io.wirestream.contracts.registry.SchemaRegistryClient;
import java.util.Map;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Serializer and deserializer in the Confluent wire format, for Kafka Streams and plain clients: for one type, or,
 * built by name ({@code default.value.serde=io.wirestream.contracts.serde.WireAvroSerde}), reading what
 * {@code specific.avro.reader} says (see {@link WireAvroDeserializer}).
 */
public final class WireAvroSerde<T> implements Serde<T> {

    private final WireAvroSerializer<T> serializer;
    private final WireAvroDeserializer<T> deserializer;

    /** For Kafka Streams, which builds default serdes by class name and then calls {@link #configure}. */
    public WireAvroSerde() {
        this.serializer = new WireAvroSerializer<>();
        this.deserializer = new WireAvroDeserializer<>();
    }

    public WireAvroSerde(Class<T> type) {
        this.serializer = new WireAvroSerializer<>();
        this.deserializer = new WireAvroDeserializer<>(type);
    }

    public WireAvroSerde(Class<T> type, SchemaRegistryClient registry, boolean autoRegister, boolean isKey) {
        this.serializer = new WireAvroSerializer<>(registry, autoRegister, isKey);
        this.deserializer = new WireAvroDeserializer<>(type, registry);
    }

    /** A ready serde for the given registry configuration (Confluent property names). */
    public static <T> WireAvroSerde<T> of(Class<T> type, Map<String, ?> config, boolean isKey) {
        WireAvroSerde<T> serde = new WireAvroSerde<>(type);
        serde.configure(config, isKey);
        return serde;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        serializer.configure(configs, isKey);
        deserializer.configure(configs, isKey);
    }

    @Override
    public Serializer<T> serializer() {
        return serializer;
    }

    @Override
    public Deserializer<T> deserializer() {
        return deserializer;
    }
}
