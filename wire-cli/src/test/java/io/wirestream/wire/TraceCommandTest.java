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
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            boolean agency = ("Bearer " + AGENCY_KEY).equals(auth);
            String body = switch (id) {
                // ingest-service's receipt look-up, for the agency whose key it is
                case "2-40-" + PUBLISHED -> !agency ? null : receipt(PUBLISHED, "{\"itemId\":\"" + PUBLISHED + "\",\"fate\":\"published\","
                        + "\"storyUri\":\"urn:acme:tram\",\"version\":2,\"status\":\"usable\"}");
                case "2-41-" + PENDING -> !agency ? null : receipt(PENDING, "{\"itemId\":\"" + PENDING + "\",\"fate\":\"pending\"}");
                case "2-42-" + UNKNOWN -> !agency ? null : receipt(UNKNOWN, "{\"itemId\":\"" + UNKNOWN + "\",\"fate\":\"unknown\","
                        + "\"reason\":\"publish_unreachable\",\"message\":\"fate unknown: publish-service unreachable (no answer within 2000 ms)\"}");
                // publish-service's read API, by item id
                case PUBLISHED -> agency ? null : "{\"itemId\":\"" + PUBLISHED + "\",\"fate\":\"published\",\"storyUri\":\"urn:acme:tram\",\"version\":2}";
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

    static final String AGENCY_KEY = "acme-push-key";
    static final String PUBLISHED = "0b6c1a4e-3f1d-4c52-9a61-6f4e0f7d2a10";
    static final String PENDING = "1c7d2b5f-402e-4d63-8b72-7a5f1e8e3b21";
    static final String UNKNOWN = "2d8e3c60-513f-4e74-9c83-8b6f2f9f4c32";

    static String receipt(String itemId, String fate) {
        return "{\"status\":\"stored\",\"itemId\":\"" + itemId + "\",\"agency\":\"acme\",\"topic\":\"wire.raw\","
                + "\"partition\":2,\"offset\":40,\"fate\":" + fate + "}";
    }

    int traceAsAgency(String receipt, String key) {
        return new CommandLine(new WireCommand()).execute("trace", receipt, "--agency-key", key, "--push-api",
                "http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Test
    void portBaseFindsTheServicesOfALocalPipelineStartedWithOne() {
        int port = server.getAddress().getPort();
        // the read API is local mode's base + 3, the push API its base
        assertThat(new CommandLine(new WireCommand()).execute("trace", "r-merged", "--key", "op",
                "--port-base", String.valueOf(port - 3))).isEqualTo(0);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("a:story");
        assertThat(new CommandLine(new WireCommand()).execute("trace", "2-40-" + PUBLISHED, "--agency-key", AGENCY_KEY,
                "--port-base", String.valueOf(port))).isEqualTo(0);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("urn:acme:tram");
    }

    @Test
    void anAgencyFollowsItsOwnReceiptToThePublishedStoryWithItsOwnKey() {
        assertThat(traceAsAgency("2-40-" + PUBLISHED, AGENCY_KEY)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains(PUBLISHED + ": published as urn:acme:tram version 2");
    }

    @Test
    void anotherAgencysReceiptIsNoSuchReceiptWithExitStatusOne() {
        assertThat(traceAsAgency("2-40-" + PUBLISHED, "globe-push-key")).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("no item of this agency's with this receipt");
    }

    @Test
    void anAgencyIsToldWhenItsItemIsStillOnItsWayOrItsFateCannotBeKnown() {
        assertThat(traceAsAgency("2-41-" + PENDING, AGENCY_KEY)).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains(PENDING + ": taken (on wire.raw at 2/40), not seen by publish-service yet");
        assertThat(traceAsAgency("2-42-" + UNKNOWN, AGENCY_KEY)).isEqualTo(2);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains(UNKNOWN + ": taken (on wire.raw); fate unknown: publish-service unreachable");
    }

    @Test
    void anOperatorMayGiveTheWholeReceiptAndTheItemIdIsTakenFromIt() {
        assertThat(trace("2-40-" + PUBLISHED)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains(PUBLISHED + ": published as urn:acme:tram version 2");
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
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream originalErr = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            assertThat(new CommandLine(new WireCommand()).execute("trace", "x", "--read-api", "http://127.0.0.1:" + port)).isEqualTo(2);
        } finally {
            System.setErr(originalErr);
        }
        // a refused connection has no message of its own: say what happened and what to check, never ": null"
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("cannot reach the read API").doesNotContain("null")
                .contains("--port-base");
    }
}
