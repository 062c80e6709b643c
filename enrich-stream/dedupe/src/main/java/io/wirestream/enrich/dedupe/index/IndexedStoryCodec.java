package io.wirestream.enrich.dedupe.index;

import io.wirestream.enrich.dedupe.fingerprint.StorySignature;
import io.wirestream.enrich.dedupe.fingerprint.StoryTraits;
import io.wirestream.contracts.serde.ScratchBytes;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;

/**
 * Compact binary form of an {@link IndexedStory} for on-disk stores. Byte 0 is a format version so a later release can
 * read what an earlier one wrote during a rolling upgrade: format 1 (no traits) is still read, as a story without
 * traits; format 2 appends the {@link StoryTraits} after the MinHash values; format 3 (written now) writes the kept
 * terms first and each lead term they hold as a one-byte index into them, so the places the judge keeps cost no more
 * than that saves. Flag bit 4 (formats 2 and 3)
 * says the kept terms are a bottom-k sketch with their kinds marked, bit 8 that every figure's place was kept;
 * format-2 entries written without them read as before.
 */
public final class IndexedStoryCodec {

    private static final byte FORMAT_V1 = 1;
    private static final byte FORMAT_V2 = 2;
    private static final byte FORMAT_V3 = 3;
    // in format 3 a lead term that the kept terms hold is written as its index there (one byte, not two)
    private static final int NOT_KEPT = 0xff;

    private IndexedStoryCodec() {
    }

    public static byte[] encode(IndexedStory story) {
        try {
            return ScratchBytes.writeData(out -> write(out, story));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static IndexedStory decode(byte[] data) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The uri of an encoded story without decoding the rest: a story is filed under many index keys, and a reader
     * that meets it under several needs to decode it once.
     */
    public static String uriOf(byte[] data) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
            byte format = in.readByte();
            if (format != FORMAT_V1 && format != FORMAT_V2 && format != FORMAT_V3) {
                throw new IOException("unknown indexed-story format " + format);
            }
            return in.readUTF();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void write(DataOutputStream out, IndexedStory story) throws IOException {
        StoryTraits traits = story.signature().traits();
        out.writeByte(traits == null ? FORMAT_V1 : FORMAT_V3);
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
            writeShorts(out, traits.present());
            writeLead(out, traits.leadNames(), traits.present());
            writeLead(out, traits.leadTickers(), traits.present());
            writeLead(out, traits.leadFigures(), traits.present());
            out.writeByte((traits.presentComplete() ? 1 : 0) | (traits.correction() ? 2 : 0) | (traits.sketch() ? 4 : 0)
                    | (traits.placesComplete() ? 8 : 0));
            out.writeShort(traits.directions());
            out.writeByte(traits.openingFigures());
        }
    }

    public static IndexedStory read(DataInputStream in) throws IOException {
        byte format = in.readByte();
        if (format != FORMAT_V1 && format != FORMAT_V2 && format != FORMAT_V3) {
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
        if (format == FORMAT_V2 || format == FORMAT_V3) {
            short[] names;
            short[] tickers;
            short[] figures;
            short[] present;
            if (format == FORMAT_V2) {
                names = readShorts(in);
                tickers = readShorts(in);
                figures = readShorts(in);
                present = readShorts(in);
            } else {
                present = readShorts(in);
                names = readLead(in, present);
                tickers = readLead(in, present);
                figures = readLead(in, present);
            }
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

    private static void writeLead(DataOutputStream out, short[] lead, short[] present) throws IOException {
        out.writeByte(lead.length);
        for (short value : lead) {
            int index = indexOf(present, value);
            out.writeByte(index < 0 ? NOT_KEPT : index);
            if (index < 0) {
                out.writeShort(value);
            }
        }
    }

    private static int indexOf(short[] present, short value) {
        for (int i = 0; i < present.length && i < NOT_KEPT; i++) {
            if (present[i] == value) {
                return i;
            }
        }
        return -1;
    }

    private static short[] readLead(DataInputStream in, short[] present) throws IOException {
        short[] values = new short[in.readUnsignedByte()];
        for (int i = 0; i < values.length; i++) {
            int index = in.readUnsignedByte();
            values[i] = index == NOT_KEPT ? in.readShort() : present[index];
        }
        return values;
    }

    private static short[] readShorts(DataInputStream in) throws IOException {
        short[] values = new short[in.readUnsignedByte()];
        for (int i = 0; i < values.length; i++) {
            values[i] = in.readShort();
        }
        return values;
    }
}
