package io.wirestream.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * HTTP/1.1 over a plain socket, for what an HTTP client library will not send: a Content-Length the body never
 * reaches, a chunked body that does not end, headers and no body at all.
 */
final class RawHttp {

    private RawHttp() {}

    /** Sends the head (request line and headers, ending with an empty line) and maybe some body bytes; returns the reply. */
    static String headOnly(int port, String head, byte[] bodyStart, int readTimeoutMillis) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(readTimeoutMillis);
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.ISO_8859_1));
            out.write(bodyStart);
            out.flush();
            return readReply(socket.getInputStream());
        }
    }

    /** The status line of a reply, e.g. {@code HTTP/1.1 413 Payload Too Large}. */
    static String statusLine(String reply) {
        int end = reply.indexOf("\r\n");
        return end < 0 ? reply : reply.substring(0, end);
    }

    /** What a chunked upload did: the reply the server gave (empty if none) and how many body bytes were written. */
    record Upload(String reply, long bytesWritten) {}

    /**
     * Sends the head with {@code Transfer-Encoding: chunked}, then 64 KiB chunks until the server replies or closes,
     * or {@code maxBytes} were written (then the body is ended properly). A reader runs alongside, so a reply sent
     * early is seen even when the server then resets the connection.
     */
    static Upload chunked(int port, String head, byte[] chunk, long maxBytes, int readTimeoutMillis) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(readTimeoutMillis);
            AtomicReference<String> reply = new AtomicReference<>();
            Thread reader = new Thread(() -> {
                try {
                    reply.set(readReply(socket.getInputStream()));
                } catch (IOException e) {
                    reply.compareAndSet(null, "");
                }
            }, "raw-http-reader");
            reader.setDaemon(true);
            reader.start();
            AtomicLong written = new AtomicLong();
            OutputStream out = socket.getOutputStream();
            try {
                out.write(head.getBytes(StandardCharsets.ISO_8859_1));
                byte[] size = (Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
                while (reply.get() == null && written.get() < maxBytes) {
                    out.write(size);
                    out.write(chunk);
                    out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
                    written.addAndGet(chunk.length);
                }
                out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
            } catch (IOException e) {
                // the server stopped reading: what it replied is what counts
            }
            reader.join(readTimeoutMillis + 1000L);
            return new Upload(reply.get() == null ? "" : reply.get(), written.get());
        }
    }

    /** Reads one reply: the head, then as much body as Content-Length says (replies here are small JSON). */
    private static String readReply(InputStream in) throws IOException {
        StringBuilder s = new StringBuilder();
        int c;
        while ((c = in.read()) >= 0) {
            s.append((char) c);
            if (s.length() >= 4 && s.substring(s.length() - 4).equals("\r\n\r\n")) {
                break;
            }
        }
        String head = s.toString();
        long length = 0;
        for (String line : head.split("\r\n")) {
            if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
                length = Long.parseLong(line.substring(15).strip());
            }
        }
        byte[] body = in.readNBytes((int) Math.min(length, 1 << 20));
        return head + new String(body, StandardCharsets.UTF_8);
    }
}
