package io.wirestream.enrich.dedupe.index;

import io.wirestream.enrich.dedupe.fingerprint.StorySignature;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;

/**
 * Compact binary form of an {@link IndexedStory} for on-disk stores. Byte 0 is a format version so a later release can
 * read what an earlier one wrote during a rolling upgrade.
 */
public final class IndexedStoryCodec {

    private static final byte FORMAT_V1 = 1;

    private IndexedStoryCodec() {
    }

    public static byte[] encode(IndexedStory story) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + story.signature().minHash().length * 2);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            write(out, story);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    public static IndexedStory decode(byte[] data) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void write(DataOutputStream out, IndexedStory story) throws IOException {
        out.writeByte(FORMAT_V1);
        out.writeUTF(story.uri());
        out.writeUTF(story.agency() == null ? "" : story.agency());
        out.writeLong(story.receivedAt().toEpochMilli());
        StorySignature signature = story.signature();
        out.writeUTF(signature.exact());
        out.writeInt(signature.shingleCount());
        out.writeShort(signature.minHash().length);
        for (int value : signature.minHash()) {
            out.writeShort(value); // MinHash values are 16 bits wide
        }
    }

    public static IndexedStory read(DataInputStream in) throws IOException {
        byte format = in.readByte();
        if (format != FORMAT_V1) {
            throw new IOException("unknown indexed-story format " + format);
        }
        String uri = in.readUTF();
        String agency = in.readUTF();
        Instant receivedAt = Instant.ofEpochMilli(in.readLong());
        String exact = in.readUTF();
        int shingleCount = in.readInt();
        int[] minHash = new int[in.readUnsignedShort()];
        for (int i = 0; i < minHash.length; i++) {
            minHash[i] = in.readUnsignedShort();
        }
        return new IndexedStory(uri, agency, receivedAt, new StorySignature(exact, shingleCount, minHash));
    }
}
