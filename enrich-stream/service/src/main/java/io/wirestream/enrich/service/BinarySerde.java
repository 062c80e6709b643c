package io.wirestream.enrich.service;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import io.wirestream.contracts.serde.ScratchBytes;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * A serde for the stages' private records (state values and internal-topic messages), written as fields behind a
 * leading format byte. Records an earlier version wrote as JSON (which always start with '{') can still be read
 * through {@link #readingLegacyJson}, so a stage can change format without migrating its stores or topics.
 */
public final class BinarySerde<T> implements Serde<T> {

    public interface Writer<T> {
        void write(DataOutputStream out, T value) throws IOException;
    }

    public interface Reader<T> {
        T read(DataInputStream in) throws IOException;
    }

    private static final byte FORMAT_V1 = 1;

    private final String name;
    private final Writer<T> writer;
    private final Reader<T> reader;
    private final Deserializer<T> legacyJson;

    /** For state values; errors name them "state". */
    public BinarySerde(Writer<T> writer, Reader<T> reader) {
        this("state", writer, reader, null);
    }

    /** @param name what the records are, for error messages */
    public BinarySerde(String name, Writer<T> writer, Reader<T> reader) {
        this(name, writer, reader, null);
    }

    private BinarySerde(String name, Writer<T> writer, Reader<T> reader, Deserializer<T> legacyJson) {
        this.name = name;
        this.writer = writer;
        this.reader = reader;
        this.legacyJson = legacyJson;
    }

    /** The same serde, also reading records an earlier version wrote as JSON. */
    public BinarySerde<T> readingLegacyJson(Deserializer<T> json) {
        return new BinarySerde<>(name, writer, reader, json);
    }

    @Override
    public Serializer<T> serializer() {
        return (topic, value) -> {
            if (value == null) {
                return null;
            }
            try {
                return ScratchBytes.writeData(out -> {
                    out.writeByte(FORMAT_V1);
                    writer.write(out, value);
                });
            } catch (IOException e) {
                throw new SerializationException("cannot encode " + name, e);
            }
        };
    }

    @Override
    public Deserializer<T> deserializer() {
        return (topic, data) -> {
            if (data == null) {
                return null;
            }
            if (legacyJson != null && data.length > 0 && data[0] == '{') {
                return legacyJson.deserialize(topic, data);
            }
            try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
                byte format = in.readByte();
                if (format != FORMAT_V1) {
                    throw new SerializationException("unknown " + name + " format " + format);
                }
                return reader.read(in);
            } catch (IOException e) {
                throw new SerializationException("cannot decode " + name, e);
            }
        };
    }
}
