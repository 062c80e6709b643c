package io.wirestream.enrich.service.codec;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Reads what {@link StateWriter} wrote, field for field, from one record's bytes. */
public final class StateReader extends DataInputStream {

    /** Reads one value of a field. */
    public interface Field<T> {
        T read(StateReader in) throws IOException;
    }

    public StateReader(byte[] record) {
        super(new ByteArrayInputStream(record));
    }

    /**
     * Whether the record goes on: records are only ever extended at the end, so a reader asks this before a field a
     * former release did not write.
     */
    public boolean hasMore() throws IOException {
        return available() > 0;
    }

    public String readNullableUTF() throws IOException {
        return readBoolean() ? readUTF() : null;
    }

    public String readText() throws IOException {
        return new String(readSized(), StandardCharsets.UTF_8);
    }

    public String readNullableText() throws IOException {
        return readBoolean() ? readText() : null;
    }

    public byte[] readSized() throws IOException {
        int length = readInt();
        if (length < 0) {
            return null;
        }
        byte[] bytes = new byte[length];
        readFully(bytes);
        return bytes;
    }

    public <T> T readOptional(Field<T> field) throws IOException {
        return readBoolean() ? field.read(this) : null;
    }

    public <T> List<T> readList(Field<T> field) throws IOException {
        int count = readInt();
        List<T> values = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            values.add(field.read(this));
        }
        return values;
    }

    public Instant readMillis() throws IOException {
        return Instant.ofEpochMilli(readLong());
    }
}
