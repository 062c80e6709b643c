package io.wirestream.contracts.serde;

import io.wirestream.contracts.registry.RegisteredSchema;
import io.wirestream.contracts.registry.SchemaRegistryClient;
import io.wirestream.contracts.registry.SchemaRegistryException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
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
 * Reads Avro in the Confluent wire format, resolving the writer's schema (fetched by id, cached) against the reader's
 * schema, so records written with an older compatible schema still read.
 *
 * <p>Built with a type ({@code new WireAvroDeserializer<>(Article.class)}), it reads into that type. Built by Kafka
 * from its class name ({@code value.deserializer=io.wirestream.contracts.serde.WireAvroDeserializer}), it reads as
 * Confluent's {@code KafkaAvroDeserializer} does, by its settings (see {@link SerdeConfig}):
 * <ul>
 *   <li>{@code specific.avro.reader=true}: records as the generated classes of {@code io.wirestream.avro} (such as
 *   {@code Article}), found by the writer schema's full name and read with the class's own schema;</li>
 *   <li>otherwise {@code GenericRecord}s, read with the writer's schema, or with {@code use.latest.version} with the
 *   latest schema registered under the subject ({@code key/value.subject.name.strategy}; looked up once per topic and
 *   schema id for the deserializer's life);</li>
 *   <li>either way an Avro string (every key of the pipeline's topics) as a {@code String}, bytes as {@code byte[]},
 *   other primitives as their boxed Java values; a tombstone (null) as null.</li>
 * </ul>
 */
public final class WireAvroDeserializer<T> implements Deserializer<T> {

    /** Null when built by name: what a record reads as then follows the settings. */
    private final Class<T> type;
    private final Schema readerSchema;
    private SchemaRegistryClient registry;
    private long outageWaitMs = SerdeConfig.DEFAULT_OUTAGE_WAIT_MS;
    private boolean specificReader;
    private boolean useLatestVersion;
    private GenericData genericData = AvroModels.GENERIC;
    private SubjectNameStrategy strategy = SubjectNameStrategy.TOPIC_NAME;
    private boolean isKey;
    /** Readers by writer schema id. */
    private final Map<Integer, Reader> readers = new ConcurrentHashMap<>();
    /** With use.latest.version for generic records: by topic, then id (under TopicNameStrategy the subject is the topic's). */
    private final Map<String, Map<Integer, Reader>> latestReadersByTopic = new ConcurrentHashMap<>();

    /** For Kafka, which builds deserializers by class name and then calls {@link #configure}. */
    public WireAvroDeserializer() {
        this.type = null;
        this.readerSchema = null;
    }

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
        SerdeConfig.Settings settings = SerdeConfig.read(configs);
        this.registry = settings.client();
        this.outageWaitMs = settings.outageWaitMs();
        this.specificReader = settings.specificReader();
        this.useLatestVersion = settings.useLatestVersion();
        this.genericData = settings.logicalTypeConverters() ? AvroModels.GENERIC_LOGICAL_TYPES : AvroModels.GENERIC;
        this.strategy = settings.strategy(isKey);
        this.isKey = isKey;
        readers.clear();
        latestReadersByTopic.clear();
    }

    @Override
    @SuppressWarnings("unchecked")
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
        Reader reader;
        try {
            Map<Integer, Reader> known = readsLatest() ? latestReadersByTopic.computeIfAbsent(topic, t -> new ConcurrentHashMap<>()) : readers;
            reader = known.get(id);
            if (reader == null) {
                reader = known.computeIfAbsent(id, i -> readerFor(topic, i));
            }
        } catch (SchemaRegistryException e) {
            // an outage keeps its registry exception as the cause, so handlers can tell "wait" from "corrupt"
            throw new SerializationException((e.isOutage() ? "schema registry unavailable" : "schema id " + id + " unknown to the registry")
                    + " reading a record on " + topic + ": " + e.getMessage(), e);
        }
        try {
            BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(data, WireFormat.HEADER_LENGTH, data.length - WireFormat.HEADER_LENGTH, null);
            Object value = reader.read(decoder);
            return type == null ? (T) value : type.cast(value);
        } catch (IOException | RuntimeException e) {
            String as = type != null ? type.getSimpleName() : specificReader ? "a generated record" : "a generic record";
            throw new SerializationException("could not read " + as + " with schema id " + id + " on " + topic + ": " + e.getMessage(), e);
        }
    }

    /** How one writer schema is read, and what the decoded value becomes. */
    private record Reader(DatumReader<Object> datum, Schema.Type writerType, boolean asString) {

        Object read(BinaryDecoder decoder) throws IOException {
            Object value = datum.read(null, decoder);
            if (value == null) {
                return null;
            }
            if (asString) {
                return value.toString(); // Avro's Utf8 as the String a caller expects, as Confluent's reader gives it
            }
            if (writerType == Schema.Type.BYTES && value instanceof ByteBuffer buffer) {
                byte[] bytes = new byte[buffer.remaining()];
                buffer.duplicate().get(bytes);
                return bytes;
            }
            return value;
        }
    }

    /** Whether generic records are read with the subject's latest schema, which depends on the topic. */
    private boolean readsLatest() {
        return type == null && useLatestVersion && !specificReader;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private Reader readerFor(String topic, int id) {
        Schema writer = waitingOutOutages(() -> registry.schemaById(id));
        Schema.Type writerType = writer.getType();
        if (type != null) {
            if (SpecificRecord.class.isAssignableFrom(type)) {
                return new Reader((DatumReader) new SpecificDatumReader<>(writer, readerSchema, AvroModels.forGenerated(type)), writerType, false);
            }
            return new Reader(new GenericDatumReader<>(writer, readerSchema), writerType, type == String.class);
        }
        boolean named = writerType == Schema.Type.RECORD || writerType == Schema.Type.ENUM || writerType == Schema.Type.FIXED;
        if (specificReader && named) {
            Class<?> generated = AvroModels.generated(writer);
            if (generated == null) {
                throw new SerializationException("specific.avro.reader is set but " + writer.getFullName()
                        + " (schema id " + id + ") is not a generated class of " + AvroModels.PACKAGE.substring(0, AvroModels.PACKAGE.length() - 1)
                        + "; read it as a GenericRecord (specific.avro.reader=false)");
            }
            return new Reader((DatumReader) new SpecificDatumReader<>(writer, SpecificData.get().getSchema(generated),
                    AvroModels.forGenerated(generated)), writerType, false);
        }
        Schema reader = writer;
        if (readsLatest()) {
            String subject = strategy.subject(topic, isKey, writer);
            RegisteredSchema latest = waitingOutOutages(() -> registry.latest(subject)).orElseThrow(() -> new SerializationException(
                    SerdeConfig.USE_LATEST_VERSION + " is set but subject " + subject + " has no schema in the registry"));
            reader = latest.schema();
        }
        return new Reader(new GenericDatumReader<>(writer, reader, genericData), writerType, writerType == Schema.Type.STRING);
    }

    /**
     * Asks the registry, asking again with backoff while it is down (unreachable, 5xx, timeout) for up to the outage
     * wait; only then the outage is thrown. "Not found" is an answer and is thrown at once.
     */
    private <R> R waitingOutOutages(Supplier<R> question) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(outageWaitMs);
        long backoffMs = 100;
        while (true) {
            try {
                return question.get();
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
