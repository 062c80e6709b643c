package io.wirestream.contracts.serde;

import java.nio.ByteBuffer;

/**
 * The Confluent wire format: byte 0 is the magic byte 0, bytes 1-4 the schema id (big-endian), then Avro binary.
 * Kept in one place so the serializer, the deserializer and the tests agree byte for byte.
 */
public final class WireFormat {

    public static final byte MAGIC_BYTE = 0x0;
    public static final int HEADER_LENGTH = 5;

    private WireFormat() {}

    /** The schema id in a wire-format record, or throws if the record is not in the wire format. */
    public static int schemaId(byte[] record) {
        if (record == null || record.length < HEADER_LENGTH) {
            throw new IllegalArgumentException("not in the Confluent wire format: shorter than the 5-byte header");
        }
        if (record[0] != MAGIC_BYTE) {
            throw new IllegalArgumentException("not in the Confluent wire format: magic byte is " + record[0] + ", expected 0");
        }
        return ByteBuffer.wrap(record, 1, 4).getInt();
    }
}
