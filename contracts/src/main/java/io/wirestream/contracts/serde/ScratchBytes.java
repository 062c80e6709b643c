package io.wirestream.contracts.serde;

import java.io.DataOutputStream;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * A per-thread output buffer for serializers: a record is written into a buffer the thread keeps, grown once to the
 * largest record it has written, and copied out once at the end (issue 16: a fresh 128- or 256-byte
 * {@code ByteArrayOutputStream} per record, grown by doubling to the size of an article, was about a twentieth of the
 * stream thread's time). Unsynchronised: one thread writes it. A serializer called while the thread's buffer is in
 * use (one writing another's bytes inside its own) gets a buffer of its own. A buffer grown past 1 MiB is not kept.
 */
public final class ScratchBytes extends OutputStream {

    private static final int INITIAL = 8 * 1024;
    private static final int KEEP_AT_MOST = 1 << 20;
    private static final ThreadLocal<ScratchBytes> LOCAL = ThreadLocal.withInitial(ScratchBytes::new);

    /** Something that writes a record to a stream. */
    public interface Writing {
        void writeTo(OutputStream out) throws java.io.IOException;
    }

    private byte[] buf = new byte[INITIAL];
    private int count;
    private boolean inUse;

    private ScratchBytes() {
    }

    /**
     * The bytes {@code writing} writes, through this thread's buffer.
     *
     * @throws java.io.IOException what the writing throws
     */
    public static byte[] write(Writing writing) throws java.io.IOException {
        ScratchBytes scratch = LOCAL.get();
        boolean own = !scratch.inUse;
        if (!own) {
            scratch = new ScratchBytes();
        }
        scratch.inUse = true;
        scratch.count = 0;
        try {
            writing.writeTo(scratch);
            return Arrays.copyOf(scratch.buf, scratch.count);
        } finally {
            scratch.inUse = false;
            if (own && scratch.buf.length > KEEP_AT_MOST) {
                LOCAL.remove();
            }
        }
    }

    /** Something that writes a record field by field. */
    public interface DataWriting {
        void writeTo(DataOutputStream out) throws java.io.IOException;
    }

    /** As {@link #write(Writing)}, for codecs that write fields through a {@link DataOutputStream}. */
    public static byte[] writeData(DataWriting writing) throws java.io.IOException {
        return write(bytes -> {
            DataOutputStream out = new DataOutputStream(bytes);
            writing.writeTo(out);
            out.flush();
        });
    }

    @Override
    public void write(int b) {
        ensure(count + 1);
        buf[count++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int len) {
        java.util.Objects.checkFromIndexSize(off, len, b.length);
        ensure(count + len);
        System.arraycopy(b, off, buf, count, len);
        count += len;
    }

    private void ensure(int needed) {
        if (needed > buf.length) {
            if (needed < 0) {
                throw new OutOfMemoryError("record too large for a byte array");
            }
            buf = Arrays.copyOf(buf, Math.max(needed, buf.length * 2));
        }
    }
}
