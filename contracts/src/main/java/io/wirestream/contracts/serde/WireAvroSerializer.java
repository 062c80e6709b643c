package io.wirestream.contracts.serde;

import io.wirestream.contracts.registry.RegisteredSchema;
import io.wirestream.contracts.registry.SchemaRegistryClient;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.generic.GenericContainer;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.Encoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes Avro in the Confluent wire format: generated SpecificRecord classes, GenericRecords, and plain strings (for
 * keys). Kafka can build it by name ({@code value.serializer=io.wirestream.contracts.serde.WireAvroSerializer}) and
 * configure it with Confluent's settings (see {@link SerdeConfig}):
 * <ul>
 *   <li>the subject follows {@code key.subject.name.strategy} / {@code value.subject.name.strategy}
 *   (TopicNameStrategy, {@code <topic>-key} / {@code <topic>-value}, unless configured otherwise);</li>
 *   <li>with {@code auto.register.schemas} (default) the record's schema is registered under the subject;</li>
 *   <li>without it and with {@code use.latest.version}, the record is written with the subject's latest schema,
 *   field by field by name; with {@code latest.compatibility.strict} (default) only when that schema can read what
 *   the record's own schema writes;</li>
 *   <li>otherwise the record's schema must already be registered under the subject.</li>
 * </ul>
 * The subject's schema id is asked once per topic and schema for the serializer's life.
 */
public final class WireAvroSerializer<T> implements Serializer<T> {

    private static final Schema STRING_SCHEMA = Schema.create(Schema.Type.STRING);

    private SchemaRegistryClient registry;
    private boolean autoRegister = true;
    private boolean useLatestVersion;
    private boolean latestCompatibilityStrict = true;
    private SubjectNameStrategy strategy = SubjectNameStrategy.TOPIC_NAME;
    private boolean isKey;
    /** Per topic and schema: no subject is built or asked for per record once a topic's schema is known. */
    private final Map<String, Map<Schema, Target>> targetsByTopic = new ConcurrentHashMap<>();
    private final Map<Schema, DatumWriter<Object>> specificWriters = new ConcurrentHashMap<>();
    private final Map<Schema, DatumWriter<Object>> genericWriters = new ConcurrentHashMap<>();

    /** For Kafka, which builds serializers by class name and then calls {@link #configure}. */
    public WireAvroSerializer() {}

    /** TopicNameStrategy subjects, through the given registry. */
    public WireAvroSerializer(SchemaRegistryClient registry, boolean autoRegister, boolean isKey) {
        this.registry = registry;
        this.autoRegister = autoRegister;
        this.isKey = isKey;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        SerdeConfig.Settings settings = SerdeConfig.read(configs);
        this.registry = settings.client();
        this.autoRegister = settings.autoRegister();
        this.useLatestVersion = settings.useLatestVersion();
        this.latestCompatibilityStrict = settings.latestCompatibilityStrict();
        this.strategy = settings.strategy(isKey);
        this.isKey = isKey;
        targetsByTopic.clear();
    }

    @Override
    public byte[] serialize(String topic, T data) {
        if (data == null) {
            return null;
        }
        if (registry == null) {
            throw new SerializationException("Avro serializer used before it was configured with a schema registry");
        }
        Schema schema = schemaOf(data);
        Target target = targetsByTopic.computeIfAbsent(topic, t -> new ConcurrentHashMap<>())
                .computeIfAbsent(schema, s -> targetFor(topic, s));
        try {
            DatumWriter<Object> writer = writerFor(schema, data);
            return ScratchBytes.write(out -> {
                out.write(WireFormat.MAGIC_BYTE);
                out.write(ByteBuffer.allocate(4).putInt(target.id()).array());
                BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
                if (target.projection() == null) {
                    writer.write(data, encoder);
                } else {
                    target.projection().write(writer, data, encoder);
                }
                encoder.flush();
            });
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("could not write " + schema.getFullName() + " for " + target.subject() + ": " + e.getMessage(), e);
        }
    }

    /** Where records of one schema go on one topic: the subject, the schema id, and how to write as another schema. */
    private record Target(String subject, int id, Projection projection) {}

    private Target targetFor(String topic, Schema schema) {
        String subject = strategy.subject(topic, isKey, schema);
        if (autoRegister) {
            return new Target(subject, registry.register(subject, schema), null);
        }
        if (useLatestVersion) {
            RegisteredSchema latest = registry.latest(subject).orElseThrow(() -> new SerializationException(
                    SerdeConfig.USE_LATEST_VERSION + " is set but subject " + subject + " has no schema in the registry"));
            if (latest.schema().equals(schema)) {
                return new Target(subject, latest.id(), null);
            }
            if (latestCompatibilityStrict) {
                SchemaCompatibility.SchemaPairCompatibility check = SchemaCompatibility.checkReaderWriterCompatibility(latest.schema(), schema);
                if (check.getType() != SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE) {
                    throw new SerializationException("the latest schema of subject " + subject + " (version " + latest.version()
                            + ", id " + latest.id() + ") cannot read records of " + schema.getFullName() + ": " + check.getDescription()
                            + "; set " + SerdeConfig.LATEST_COMPATIBILITY_STRICT + "=false to write with it anyway");
                }
            }
            return new Target(subject, latest.id(), new Projection(schema, latest.schema()));
        }
        int id = registry.lookup(subject, schema)
                .orElseThrow(() -> new SerializationException("schema " + schema.getFullName()
                        + " is not registered under subject " + subject + " and auto-registration is off"))
                .id();
        return new Target(subject, id, null);
    }

    /**
     * Writes a record of its own schema as another (the subject's latest): its bytes are read back with Avro's schema
     * resolution (fields matched by name, defaults filled in, a union's branch chosen by name) and written again with
     * the other schema. Only the {@code use.latest.version} path pays for this, and only when the schemas differ.
     */
    private static final class Projection {
        private final DatumReader<Object> resolve;
        private final DatumWriter<Object> write;

        Projection(Schema own, Schema target) {
            this.resolve = new GenericDatumReader<>(own, target);
            this.write = new GenericDatumWriter<>(target);
        }

        void write(DatumWriter<Object> ownWriter, Object data, Encoder out) throws IOException {
            ByteArrayOutputStream own = new ByteArrayOutputStream();
            BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(own, null);
            ownWriter.write(data, encoder);
            encoder.flush();
            write.write(resolve.read(null, DecoderFactory.get().binaryDecoder(own.toByteArray(), null)), out);
        }
    }

    /**
     * A generated record is written with its class's own model (the conversions the Avro compiler gave it), found from
     * the class, not by name, so no package allow-list is involved; anything else (GenericRecord, string) with generic
     * data that converts Java logical types (Instant, ...) and leaves Avro primitives as they are.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private DatumWriter<Object> writerFor(Schema schema, Object data) {
        boolean specific = data instanceof SpecificRecord;
        Map<Schema, DatumWriter<Object>> writers = specific ? specificWriters : genericWriters;
        DatumWriter<Object> known = writers.get(schema); // no lambda per record once the schema is known
        if (known != null) {
            return known;
        }
        return writers.computeIfAbsent(schema, s -> specific
                ? (DatumWriter) new SpecificDatumWriter<>(s, SpecificData.getForClass(data.getClass()))
                : new GenericDatumWriter<>(s, AvroModels.GENERIC_LOGICAL_TYPES));
    }

    static Schema schemaOf(Object data) {
        if (data instanceof SpecificRecord record) {
            return record.getSchema();
        }
        if (data instanceof GenericContainer container) {
            return container.getSchema();
        }
        if (data instanceof CharSequence) {
            return STRING_SCHEMA;
        }
        throw new SerializationException("no Avro schema for " + data.getClass().getName());
    }
}
