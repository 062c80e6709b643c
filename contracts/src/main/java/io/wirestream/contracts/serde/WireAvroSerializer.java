package io.wirestream.contracts.serde;

import io.wirestream.contracts.registry.SchemaRegistryClient;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericContainer;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes Avro in the Confluent wire format. Subjects follow TopicNameStrategy ({@code <topic>-key},
 * {@code <topic>-value}). With auto-registration off the schema must already be registered under the subject.
 * Handles generated SpecificRecord classes and plain strings (for keys).
 */
public final class WireAvroSerializer<T> implements Serializer<T> {

    private static final Schema STRING_SCHEMA = Schema.create(Schema.Type.STRING);

    private SchemaRegistryClient registry;
    private boolean autoRegister = true;
    private boolean isKey;
    /** Schema ids per topic and schema: no subject string is built per record once a topic's schema is known. */
    private final Map<String, Map<Schema, Integer>> idsByTopic = new ConcurrentHashMap<>();
    private final Map<Schema, DatumWriter<Object>> writers = new ConcurrentHashMap<>();

    public WireAvroSerializer() {}

    public WireAvroSerializer(SchemaRegistryClient registry, boolean autoRegister, boolean isKey) {
        this.registry = registry;
        this.autoRegister = autoRegister;
        this.isKey = isKey;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        this.registry = SerdeConfig.client(configs);
        this.autoRegister = SerdeConfig.autoRegister(configs);
        this.isKey = isKey;
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
        int id = idsByTopic.computeIfAbsent(topic, t -> new ConcurrentHashMap<>())
                .computeIfAbsent(schema, s -> idFor(subject(topic), s));
        try {
            DatumWriter<Object> writer = writers.computeIfAbsent(schema, WireAvroSerializer::writerFor);
            return ScratchBytes.write(out -> {
                out.write(WireFormat.MAGIC_BYTE);
                out.write(ByteBuffer.allocate(4).putInt(id).array());
                BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
                writer.write(data, encoder);
                encoder.flush();
            });
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("could not write " + schema.getFullName() + " for " + subject(topic) + ": " + e.getMessage(), e);
        }
    }

    private String subject(String topic) {
        return topic + (isKey ? "-key" : "-value");
    }

    private int idFor(String subject, Schema schema) {
        if (autoRegister) {
            return registry.register(subject, schema);
        }
        return registry.lookup(subject, schema)
                .orElseThrow(() -> new SerializationException("schema " + schema.getFullName()
                        + " is not registered under subject " + subject + " and auto-registration is off"))
                .id();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static DatumWriter<Object> writerFor(Schema schema) {
        return schema.getType() == Schema.Type.RECORD ? (DatumWriter) new SpecificDatumWriter<>(schema) : new GenericDatumWriter<>(schema);
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
