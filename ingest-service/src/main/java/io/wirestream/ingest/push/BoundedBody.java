package io.wirestream.ingest.push;

import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a request body up to a limit, chunked or not. Reading stops one byte past the limit, so a request never
 * costs more memory than its limit (plus one buffer), whatever it declares or however long it streams: the caller
 * answers 413 and the server closes the connection instead of reading the rest.
 */
final class BoundedBody {

    /** The body went past the limit; {@code bytesRead} is how far reading got (limit + 1). */
    static final class TooLargeException extends Exception {
        private final long bytesRead;

        TooLargeException(long bytesRead) {
            super("body over the limit after " + bytesRead + " bytes", null, false, false);
            this.bytesRead = bytesRead;
        }

        long bytesRead() {
            return bytesRead;
        }
    }

    private BoundedBody() {}

    static byte[] read(InputStream in, long limit) throws IOException, TooLargeException {
        int max = (int) Math.min(limit, Integer.MAX_VALUE - 16);
        // readNBytes grows its buffers as data comes, so a small body costs little whatever the limit is
        byte[] body = in.readNBytes(max + 1);
        if (body.length > max) {
            throw new TooLargeException(body.length);
        }
        return body;
    }
}
