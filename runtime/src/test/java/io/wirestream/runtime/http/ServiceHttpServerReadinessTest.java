package io.wirestream.runtime.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Readiness decides whether an orchestrator sends a service traffic, so only what stops the service doing its work may
 * turn it DOWN. A problem it works around (a reloaded file refused while the previous one stays in force) is a warning:
 * {@code /health/ready} stays 200 and UP and names it under {@code warnings}, where operators (the ops page) see it.
 */
class ServiceHttpServerReadinessTest {

    static final ObjectMapper JSON = new ObjectMapper();

    final AtomicReference<String> blocking = new AtomicReference<>();
    final AtomicReference<String> warning = new AtomicReference<>();
    ServiceHttpServer server;

    @BeforeEach
    void start() {
        server = new ServiceHttpServer("test", ServiceHttpServer.newMetrics("test"), app -> { })
                .readiness("store", blocking::get)
                .warning("config-file", warning::get)
                .start("127.0.0.1", 0);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    HttpResponse<String> ready() throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/health/ready"))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aWarningKeepsTheServiceReadyAndIsNamedInTheAnswer() throws Exception {
        warning.set("the file is invalid, the previous version stays in force");

        HttpResponse<String> r = ready();

        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(r.body());
        assertThat(body.path("status").asText()).isEqualTo("UP");
        assertThat(body.path("checks").path("store").asText()).isEqualTo("OK");
        assertThat(body.path("warnings").path("config-file").asText()).isEqualTo("the file is invalid, the previous version stays in force");
        assertThat(server.readinessProblems()).isEmpty();
        assertThat(server.warnings()).containsOnlyKeys("config-file");
    }

    @Test
    void aFailingCheckIsStill503AndWarningsAreListedBesideIt() throws Exception {
        blocking.set("the store is unreachable");
        warning.set("the file is invalid");

        HttpResponse<String> r = ready();

        assertThat(r.statusCode()).isEqualTo(503);
        JsonNode body = JSON.readTree(r.body());
        assertThat(body.path("status").asText()).isEqualTo("DOWN");
        assertThat(body.path("checks").path("store").asText()).isEqualTo("the store is unreachable");
        assertThat(body.path("warnings").path("config-file").asText()).isEqualTo("the file is invalid");
    }

    @Test
    void withoutProblemsThereIsNoWarningsField() throws Exception {
        HttpResponse<String> r = ready();

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(r.body()).has("warnings")).isFalse();
    }
}
