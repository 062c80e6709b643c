package io.wirestream.wire;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code wire trace} against a stand-in read API: it prints each fate plainly and exits 0, 1 or 2. */
class TraceCommandTest {

    HttpServer server;
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream original;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v1/items/", exchange -> {
            String id = exchange.getRequestURI().getPath().substring("/v1/items/".length());
            String body = switch (id) {
                case "r-merged" -> "{\"itemId\":\"r-merged\",\"fate\":\"merged\",\"storyUri\":\"b:copy\",\"version\":1,"
                        + "\"mergedInto\":{\"storyUri\":\"a:story\",\"clusterId\":\"c7\"},\"reason\":\"near-duplicate\"}";
                case "r-rejected" -> "{\"itemId\":\"r-rejected\",\"fate\":\"rejected\",\"stage\":\"parse\",\"reason\":\"malformed-xml\"}";
                default -> null;
            };
            byte[] bytes = (body == null ? "{\"error\":\"not_found\",\"reason\":\"no record\"}" : body).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(body == null ? 404 : 200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        original = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void stop() {
        System.setOut(original);
        server.stop(0);
    }

    int trace(String id) {
        return new CommandLine(new WireCommand()).execute("trace", id, "--read-api",
                "http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Test
    void printsWhereAMergedItemWent() {
        assertThat(trace("r-merged")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("r-merged: merged into a:story", "cluster c7", "near-duplicate");
    }

    @Test
    void printsTheStageAndReasonOfARejection() {
        assertThat(trace("r-rejected")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("rejected at stage parse", "malformed-xml");
    }

    @Test
    void anUnknownItemIsNotSeenYetWithExitStatusOne() {
        assertThat(trace("r-unknown")).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("r-unknown: not seen by publish-service yet");
    }

    @Test
    void anUnreachableReadApiIsExitStatusTwo() {
        int port = server.getAddress().getPort();
        server.stop(0);
        assertThat(new CommandLine(new WireCommand()).execute("trace", "x", "--read-api", "http://127.0.0.1:" + port)).isEqualTo(2);
    }
}
