package io.wirestream.runtime.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The limits every service's HTTP server applies before any route runs, tried on a real server with raw sockets:
 * a slowloris client that dribbles headers or a body loses its connection long before Jetty's idle timeout would
 * notice (each byte restarts that), and oversized headers get 431 while the server keeps answering.
 */
class ServiceHttpServerLimitsTest {

    /** Short on purpose: the test waits for these, and the idle timeout is far longer, so it cannot be what acts. */
    static final HttpLimits LIMITS = new HttpLimits(8 * 1024, Duration.ofSeconds(2), Duration.ofSeconds(60), 1024);

    ServiceHttpServer server;

    @BeforeEach
    void start() {
        server = new ServiceHttpServer("test", ServiceHttpServer.newMetrics("test"),
                app -> {
                    app.post("/echo", ctx -> ctx.result(String.valueOf(ctx.bodyAsBytes().length)));
                    // refuses by the headers alone, as the push API does for a declared size or rate, or after a part
                    app.post("/refuse", ctx -> {
                        int part = Integer.parseInt(ctx.queryParamAsClass("read", String.class).getOrDefault("0"));
                        ctx.req().getInputStream().readNBytes(part);
                        ctx.status(413).contentType("application/json").result("{\"error\":\"too_large\"}");
                    });
                }, LIMITS)
                .start("127.0.0.1", 0);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aClientThatDribblesItsHeadersLosesTheConnection() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            Dribbler dribbler = new Dribbler(socket, "GET /health/live HTTP/1.1\r\nHost: localhost\r\n", "X-Slow: ");
            dribbler.start();
            await("the server closes the connection").atMost(Duration.ofSeconds(15)).until(dribbler::closedByServer);
            assertThat(dribbler.bytesDribbled()).as("it was still sending when cut off").isGreaterThan(0);
        }
        assertThat(get("/health/live")).startsWith("HTTP/1.1 200");
    }

    @Test
    void aClientThatDribblesItsBodyLosesTheConnection() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            Dribbler dribbler = new Dribbler(socket,
                    "POST /echo HTTP/1.1\r\nHost: localhost\r\nContent-Type: text/plain\r\nContent-Length: 100000\r\n\r\n", "");
            dribbler.start();
            await("the server gives up on the body").atMost(Duration.ofSeconds(15)).until(dribbler::closedByServer);
            assertThat(dribbler.reply()).as("no answer: the connection is simply closed").isEmpty();
        }
        assertThat(get("/health/live")).startsWith("HTTP/1.1 200");
    }

    /**
     * A route that answers before reading the body (or all of it) leaves the rest unread. Closing the connection then
     * makes the kernel reset it, and a reset can throw away the answer before the client has read it, so an ordinary
     * client that sends its whole body at once saw "connection reset" instead of the refusal now and then. The server
     * reads and drops the rest (bounded) before it closes.
     */
    @Test
    void aClientAlwaysReadsARefusalGivenBeforeItsBodyWasRead() throws Exception {
        byte[] body = new byte[3 * 1024 * 1024];
        java.util.Arrays.fill(body, (byte) 'a');
        java.net.http.HttpClient client = java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_1_1).build();
        java.util.List<String> missed = new java.util.ArrayList<>();
        for (int i = 0; i < 30; i++) {
            String read = i % 2 == 0 ? "0" : "65536";
            java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create("http://127.0.0.1:" + server.port() + "/refuse?read=" + read))
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body)).build();
            try {
                java.net.http.HttpResponse<String> r = client.send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() != 413 || !r.body().contains("too_large")) {
                    missed.add(i + ": " + r.statusCode() + " " + r.body());
                }
            } catch (IOException e) {
                missed.add(i + ": " + e);
            }
        }
        assertThat(missed).as("requests that did not read the refusal").isEmpty();
        assertThat(get("/health/live")).startsWith("HTTP/1.1 200");
    }

    /**
     * Dropping an unread body must not hold a thread: a client refused on its headers (even for a missing key) that
     * declares a body and sends none would otherwise hold one of the server's threads for each such connection.
     */
    @Test
    void clientsThatDeclareABodyAndSendNoneHoldNoThread() throws Exception {
        List<Socket> sockets = new java.util.ArrayList<>();
        try {
            for (int i = 0; i < 20; i++) {
                Socket socket = new Socket("127.0.0.1", server.port());
                sockets.add(socket);
                socket.setSoTimeout(10_000);
                socket.getOutputStream().write("POST /refuse HTTP/1.1\r\nHost: localhost\r\nContent-Length: 100000\r\n\r\n"
                        .getBytes(StandardCharsets.ISO_8859_1));
                socket.getOutputStream().flush();
                assertThat(new String(socket.getInputStream().readNBytes(12), StandardCharsets.ISO_8859_1)).isEqualTo("HTTP/1.1 413");
            }
            // well before the slow-client guard (LIMITS: 2 s) would free a blocked thread by closing its connection
            await("no thread waits in the drain").atMost(Duration.ofMillis(1200)).until(() -> threadsIn(UnreadBodyDrain.class) == 0);
            assertThat(get("/health/live")).startsWith("HTTP/1.1 200");
        } finally {
            for (Socket socket : sockets) {
                socket.close();
            }
        }
    }

    static long threadsIn(Class<?> type) {
        return Thread.getAllStackTraces().values().stream()
                .filter(stack -> java.util.Arrays.stream(stack).anyMatch(frame -> frame.getClassName().startsWith(type.getName())))
                .count();
    }

    /** The server drops an unread body only up to its bound: a client that would send 1 GiB has its connection closed. */
    @Test
    void theUnreadBodyIsDroppedOnlyUpToItsBound() throws Exception {
        long declared = 1024L * 1024 * 1024;
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(20_000);
            AtomicReference<String> reply = new AtomicReference<>();
            Thread reader = new Thread(() -> {
                try {
                    reply.set(new String(socket.getInputStream().readNBytes(12), StandardCharsets.ISO_8859_1));
                } catch (IOException e) {
                    reply.compareAndSet(null, "");
                }
            });
            reader.start();
            OutputStream out = socket.getOutputStream();
            out.write(("POST /refuse HTTP/1.1\r\nHost: localhost\r\nContent-Length: " + declared + "\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            byte[] block = new byte[64 * 1024];
            long written = 0;
            try {
                while (written < declared) {
                    out.write(block);
                    written += block.length;
                }
            } catch (IOException closedByServer) {
                // expected: past the bound the server closes
            }
            reader.join(20_000);
            assertThat(written).as("the server stopped reading long before the declared length").isLessThan(declared / 2)
                    .isGreaterThan(ServiceHttpServer.UNREAD_BODY_DRAIN_BYTES);
            assertThat(reply.get()).startsWith("HTTP/1.1 413");
        }
        assertThat(get("/health/live")).startsWith("HTTP/1.1 200");
    }

    @Test
    void hugeHeadersGet431AndTheServerKeepsAnswering() throws Exception {
        String reply = exchange("GET /health/live HTTP/1.1\r\nHost: localhost\r\nX-Big: " + "a".repeat(20 * 1024)
                + "\r\nConnection: close\r\n\r\n");
        assertThat(reply).startsWith("HTTP/1.1 431").contains("application/json")
                .contains("\"status\":431").contains("\"message\":\"Request Header Fields Too Large\"");
        assertThat(get("/health/live")).startsWith("HTTP/1.1 200");
    }

    @Test
    void aMalformedChunkedBodyIs400WithTheReasonAndTheServerKeepsAnswering() throws Exception {
        String reply = exchange("POST /echo HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
                + "ZZ\r\nhello\r\n0\r\n\r\n");
        assertThat(reply).startsWith("HTTP/1.1 400").contains("application/json").contains("\"error\":\"http_400\"")
                .contains("malformed or ended early");
        assertThat(get("/health/live")).startsWith("HTTP/1.1 200");
    }

    @Test
    void aNormalRequestWithABodyIsUntouched() throws Exception {
        String reply = exchange("POST /echo HTTP/1.1\r\nHost: localhost\r\nContent-Length: 5\r\nConnection: close\r\n\r\nhello");
        assertThat(reply).startsWith("HTTP/1.1 200").endsWith("5");
    }

    @Test
    void aKeepAliveConnectionWithManyQuickRequestsOutlivesTheHeaderDeadline() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            long until = System.nanoTime() + LIMITS.headerTimeout().multipliedBy(2).toNanos();
            int answered = 0;
            while (System.nanoTime() < until) {
                out.write("POST /echo HTTP/1.1\r\nHost: localhost\r\nContent-Length: 2\r\n\r\nhi".getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
                assertThat(readOneReply(in)).startsWith("HTTP/1.1 200");
                answered++;
            }
            assertThat(answered).as("requests on one connection, over twice the header deadline").isGreaterThan(1);
        }
    }

    @Test
    void aLargeBodySentAtAnOrdinaryPaceIsTaken() throws Exception {
        String body = "b".repeat(2 * 1024 * 1024);
        String reply = exchange("POST /echo HTTP/1.1\r\nHost: localhost\r\nContent-Length: " + body.length() + "\r\nConnection: close\r\n\r\n" + body);
        assertThat(reply).startsWith("HTTP/1.1 200").endsWith(String.valueOf(body.length()));
    }

    /** One reply with a Content-Length body, leaving the connection open for the next. */
    static String readOneReply(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int c = in.read();
            if (c < 0) {
                return head.toString();
            }
            head.append((char) c);
        }
        int length = 0;
        for (String line : head.toString().split("\r\n")) {
            if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
                length = Integer.parseInt(line.substring(15).strip());
            }
        }
        return head + new String(in.readNBytes(length), StandardCharsets.ISO_8859_1);
    }

    String get(String path) throws IOException {
        return exchange("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
    }

    String exchange(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    /** Sends a prefix, then one byte every 200 ms, while another thread notes when the server closes the socket. */
    static final class Dribbler {

        private final Socket socket;
        private final String prefix;
        private final String dribble;
        private final AtomicBoolean closed = new AtomicBoolean();
        private final AtomicReference<String> reply = new AtomicReference<>("");
        private volatile int dribbled;

        Dribbler(Socket socket, String prefix, String dribble) {
            this.socket = socket;
            this.prefix = prefix;
            this.dribble = dribble;
        }

        void start() throws IOException {
            OutputStream out = socket.getOutputStream();
            out.write(prefix.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            Thread reader = new Thread(() -> {
                try (InputStream in = socket.getInputStream()) {
                    reply.set(new String(in.readAllBytes(), StandardCharsets.ISO_8859_1));
                } catch (IOException e) {
                    // a reset is a close too
                }
                closed.set(true);
            }, "dribbler-reader");
            reader.setDaemon(true);
            reader.start();
            Thread writer = new Thread(() -> {
                try {
                    for (int i = 0; !closed.get() && i < 600; i++) {
                        out.write(i < dribble.length() ? dribble.charAt(i) : 'a');
                        out.flush();
                        dribbled++;
                        Thread.sleep(200); // the client's pace, not a wait for the server
                    }
                } catch (IOException | InterruptedException e) {
                    // the server closed the connection
                }
            }, "dribbler-writer");
            writer.setDaemon(true);
            writer.start();
        }

        boolean closedByServer() {
            return closed.get();
        }

        int bytesDribbled() {
            return dribbled;
        }

        String reply() {
            return reply.get();
        }
    }
}
