package io.wirestream.enrich.service.codec;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import io.wirestream.contracts.serde.ScratchBytes;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The serde of the stages' private records (state values and internal-topic messages, which no other service reads):
 * a format byte, then the record's fields through {@link StateWriter}, into the thread's {@link ScratchBytes}. A codec
 * may also read records an earlier release wrote as JSON (which always start with '{'), so a stage changed format
 * without migrating its stores or topics. The bytes are what running deployments hold: {@code state-v1/} in the test
 * resources keeps them, and a change to a record's layout only ever appends fields a reader can tell are there.
 */
public final class StateCodec<T> implements Serde<T> {

    private static final byte FORMAT_V1 = 1;
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final String name;
    private final StateWriter.Field<T> writer;
    private final StateReader.Field<T> reader;
    private final Class<T> legacyJson;

    private StateCodec(String name, StateWriter.Field<T> writer, StateReader.Field<T> reader, Class<T> legacyJson) {
        this.name = name;
        this.writer = writer;
        this.reader = reader;
        this.legacyJson = legacyJson;
    }

    /** @param name what the records are, for error messages */
    public static <T> StateCodec<T> of(String name, StateWriter.Field<T> writer, StateReader.Field<T> reader) {
        return new StateCodec<>(name, writer, reader, null);
    }

    /** The same codec, also reading records of {@code type} that an earlier release wrote as JSON. */
    public StateCodec<T> readingLegacyJson(Class<T> type) {
        return new StateCodec<>(name, writer, reader, type);
    }

    /**
     * Records still kept as JSON (the links collector's bookkeeping and a story's indexed keys): small, written
     * once per message, and on disk in this form. Unknown properties are ignored so fields can be dropped.
     */
    public static <T> Serde<T> json(Class<T> type) {
        return org.apache.kafka.common.serialization.Serdes.serdeFrom(
                (topic, value) -> value == null ? null : writeJson(value),
                (topic, bytes) -> bytes == null ? null : readJson(bytes, type));
    }

    private static byte[] writeJson(Object value) {
        try {
            return JSON.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new SerializationException("cannot encode " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    private static <T> T readJson(byte[] bytes, Class<T> type) {
        try {
            return JSON.readValue(bytes, type);
        } catch (IOException e) {
            throw new SerializationException("cannot decode " + type.getSimpleName() + " from JSON", e);
        }
    }

    public byte[] encode(T value) {
        try {
            return ScratchBytes.write(bytes -> {
                StateWriter out = new StateWriter(bytes);
                out.writeByte(FORMAT_V1);
                writer.write(out, value);
                out.flush();
            });
        } catch (IOException e) {
            throw new SerializationException("cannot encode " + name, e);
        }
    }

    public T decode(byte[] data) {
        if (legacyJson != null && data.length > 0 && data[0] == '{') {
            return readJson(data, legacyJson);
        }
        try (StateReader in = new StateReader(data)) {
            byte format = in.readByte();
            if (format != FORMAT_V1) {
                throw new SerializationException("unknown " + name + " format " + format);
            }
            return reader.read(in);
        } catch (IOException e) {
            throw new SerializationException("cannot decode " + name, e);
        }
    }

    @Override
    public Serializer<T> serializer() {
        return (topic, value) -> value == null ? null : encode(value);
    }

    @Override
    public Deserializer<T> deserializer() {
        return (topic, data) -> data == null ? null : decode(data);
    }
}
