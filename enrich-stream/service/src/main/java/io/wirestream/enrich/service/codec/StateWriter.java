package io.wirestream.enrich.service.codec;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Collection;

/**
 * Writes the fields of the stages' internal records: Java's data primitives, plus the few compound fields every
 * record shares, each written one way only. {@link StateReader} reads them back. Two string forms exist because both
 * are on disk: {@link #writeUTF} (Java's modified UTF-8, at most 64 KB; ids, keys) and {@link #writeText} (an int
 * length and UTF-8 bytes; free text such as headlines).
 */
public final class StateWriter extends DataOutputStream {

    /** Writes one value of a field. */
    public interface Field<T> {
        void write(StateWriter out, T value) throws IOException;
    }

    public StateWriter(OutputStream out) {
        super(out);
    }

    /** Presence, then the id-like string. */
    public void writeNullableUTF(String value) throws IOException {
        writeBoolean(value != null);
        if (value != null) {
            writeUTF(value);
        }
    }

    /** Free text: an int length and UTF-8, without the 64 KB limit of {@link #writeUTF}. */
    public void writeText(String value) throws IOException {
        writeSized(value.getBytes(StandardCharsets.UTF_8));
    }

    /** Presence, then the text. */
    public void writeNullableText(String value) throws IOException {
        writeBoolean(value != null);
        if (value != null) {
            writeText(value);
        }
    }

    /** Bytes behind an int length; -1 for null. */
    public void writeSized(byte[] bytes) throws IOException {
        writeInt(bytes == null ? -1 : bytes.length);
        if (bytes != null) {
            write(bytes);
        }
    }

    /** Presence, then the value. */
    public <T> void writeOptional(T value, Field<? super T> field) throws IOException {
        writeBoolean(value != null);
        if (value != null) {
            field.write(this, value);
        }
    }

    /** An int count, then each element. */
    public <T> void writeList(Collection<? extends T> values, Field<? super T> field) throws IOException {
        writeInt(values.size());
        for (T value : values) {
            field.write(this, value);
        }
    }

    /** An instant to the millisecond. */
    public void writeMillis(Instant instant) throws IOException {
        writeLong(instant.toEpochMilli());
    }
}
