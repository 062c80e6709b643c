package io.wirestream.enrich.dedupe.index;

import io.wirestream.enrich.dedupe.fingerprint.StorySignature;
import io.wirestream.enrich.dedupe.fingerprint.StoryTraits;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;

/**
 * Compact binary form of an {@link IndexedStory} for on-disk stores. Byte 0 is a format version so a later release can
 * read what an earlier one wrote during a rolling upgrade: format 1 (no traits) is still read, as a story without
 * traits; format 2 appends the {@link StoryTraits} after the MinHash values. Flag bit 4 (same format, no extra byte)
 * says the kept terms are a bottom-k sketch with their kinds marked, bit 8 that every figure's place was kept;
 * format-2 entries written without them read as before.
 */
public final class IndexedStoryCodec {

    private static final byte FORMAT_V1 = 1;
    private static final byte FORMAT_V2 = 2;

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
        StoryTraits traits = story.signature().traits();
        out.writeByte(traits == null ? FORMAT_V1 : FORMAT_V2);
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
        if (traits != null) {
            writeShorts(out, traits.leadNames());
            writeShorts(out, traits.leadTickers());
            writeShorts(out, traits.leadFigures());
            writeShorts(out, traits.present());
            out.writeByte((traits.presentComplete() ? 1 : 0) | (traits.correction() ? 2 : 0) | (traits.sketch() ? 4 : 0)
                    | (traits.placesComplete() ? 8 : 0));
            out.writeShort(traits.directions());
            out.writeByte(traits.openingFigures());
        }
    }

    public static IndexedStory read(DataInputStream in) throws IOException {
        byte format = in.readByte();
        if (format != FORMAT_V1 && format != FORMAT_V2) {
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
        StoryTraits traits = null;
        if (format == FORMAT_V2) {
            short[] names = readShorts(in);
            short[] tickers = readShorts(in);
            short[] figures = readShorts(in);
            short[] present = readShorts(in);
            int flags = in.readUnsignedByte();
            int directions = in.readUnsignedShort();
            int opening = in.readUnsignedByte();
            traits = new StoryTraits(names, tickers, figures, opening, present, (flags & 1) != 0, directions,
                    (flags & 2) != 0, (flags & 4) != 0, (flags & 8) != 0);
        }
        return new IndexedStory(uri, agency, receivedAt, new StorySignature(exact, shingleCount, minHash, traits));
    }

    private static void writeShorts(DataOutputStream out, short[] values) throws IOException {
        out.writeByte(values.length); // at most StoryTraits.MAX_PRESENT
        for (short value : values) {
            out.writeShort(value);
        }
    }

    private static short[] readShorts(DataInputStream in) throws IOException {
        short[] values = new short[in.readUnsignedByte()];
        for (int i = 0; i < values.length; i++) {
            values[i] = in.readShort();
        }
        return values;
    }
}
