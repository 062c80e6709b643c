package io.wirestream.contracts.serde;

import io.wirestream.contracts.registry.SchemaRegistryClient;
import io.wirestream.contracts.registry.SchemaRegistryException;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads Avro in the Confluent wire format into a target type, resolving the writer's schema (fetched by id, cached)
 * against the reader's schema, so records written with an older compatible schema still read.
 */
public final class WireAvroDeserializer<T> implements Deserializer<T> {

    private final Class<T> type;
    private final Schema readerSchema;
    private SchemaRegistryClient registry;
    private long outageWaitMs = SerdeConfig.DEFAULT_OUTAGE_WAIT_MS;
    private final Map<Integer, DatumReader<Object>> readers = new ConcurrentHashMap<>();

    public WireAvroDeserializer(Class<T> type) {
        this.type = type;
        this.readerSchema = readerSchemaOf(type);
    }

    public WireAvroDeserializer(Class<T> type, SchemaRegistryClient registry) {
        this(type);
        this.registry = registry;
    }

    /** @param outageWaitMs how long to wait out a registry outage before throwing */
    public WireAvroDeserializer(Class<T> type, SchemaRegistryClient registry, long outageWaitMs) {
        this(type, registry);
        this.outageWaitMs = outageWaitMs;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        this.registry = SerdeConfig.client(configs);
        this.outageWaitMs = SerdeConfig.outageWaitMs(configs);
    }

    @Override
    public T deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        if (registry == null) {
            throw new SerializationException("Avro deserializer used before it was configured with a schema registry");
        }
        int id;
        try {
            id = WireFormat.schemaId(data);
        } catch (IllegalArgumentException e) {
            throw new SerializationException("record on " + topic + ": " + e.getMessage(), e);
        }
        DatumReader<Object> reader;
        try {
            reader = readers.computeIfAbsent(id, this::readerFor);
        } catch (SchemaRegistryException e) {
            // an outage keeps its registry exception as the cause, so handlers can tell "wait" from "corrupt"
            throw new SerializationException((e.isOutage() ? "schema registry unavailable" : "schema id " + id + " unknown to the registry")
                    + " reading a record on " + topic + ": " + e.getMessage(), e);
        }
        try {
            BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(data, WireFormat.HEADER_LENGTH, data.length - WireFormat.HEADER_LENGTH, null);
            Object value = reader.read(null, decoder);
            if (type == String.class && value != null) {
                value = value.toString();
            }
            return type.cast(value);
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("could not read " + type.getSimpleName() + " with schema id " + id + " on " + topic + ": " + e.getMessage(), e);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private DatumReader<Object> readerFor(int id) {
        Schema writer = schemaWaitingOutOutages(id);
        if (SpecificRecord.class.isAssignableFrom(type)) {
            return (DatumReader) new SpecificDatumReader<>(writer, readerSchema);
        }
        return new GenericDatumReader<>(writer, readerSchema);
    }

    /**
     * The writer's schema, asking again with backoff while the registry is down (unreachable, 5xx, timeout) for up to
     * the outage wait; only then the outage is thrown. "Not found" is an answer and is thrown at once.
     */
    private Schema schemaWaitingOutOutages(int id) {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(outageWaitMs);
        long backoffMs = 100;
        while (true) {
            try {
                return registry.schemaById(id);
            } catch (SchemaRegistryException e) {
                if (!e.isOutage() || Thread.currentThread().isInterrupted() || System.nanoTime() + backoffMs * 1_000_000 > deadline) {
                    throw e;
                }
            }
            try {
                Thread.sleep(backoffMs); // backoff between attempts: the registry has no event to wait on
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
                throw new SchemaRegistryException("interrupted while waiting for the schema registry", ie);
            }
            backoffMs = Math.min(backoffMs * 2, 5_000);
        }
    }

    static Schema readerSchemaOf(Class<?> type) {
        if (type == String.class || type == CharSequence.class) {
            return Schema.create(Schema.Type.STRING);
        }
        if (SpecificRecord.class.isAssignableFrom(type)) {
            return SpecificData.get().getSchema(type);
        }
        throw new IllegalArgumentException("no Avro reader schema for " + type.getName());
    }
}
