package io.wirestream.ops.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.wirestream.runtime.http.ServiceHttpServer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The readiness of a service as ops sees it, asked of the platform's real HTTP server: a stream app whose thread keeps
 * failing answers 503 with the exception in its check, and ops must carry that reason, not merely "down".
 */
class ServiceHealthMonitorTest {

    private static final String FAILURE =
            "stream thread replaced 14 times; last: RecordTooLargeException: The message is 3145728 bytes";

    private final AtomicReference<String> problem = new AtomicReference<>();
    private ServiceHttpServer enrich;

    final AtomicReference<String> warning = new AtomicReference<>();

    @BeforeEach
    void startService() {
        enrich = new ServiceHttpServer("enrich-stream", ServiceHttpServer.newMetrics("enrich-stream"), app -> { })
                .readiness("kafka-streams", problem::get)
                .warning("config-file", warning::get)
                .start("127.0.0.1", 0);
    }

    @AfterEach
    void stopService() {
        enrich.close();
    }

    @Test
    void notReadyServiceIsReportedWithTheReasonItGaveAndReadyAgainOnceItRecovers() {
        SimpleMeterRegistry metrics = new SimpleMeterRegistry();
        ServiceHealthMonitor monitor = new ServiceHealthMonitor(Map.of("enrich-stream", readyUrl()),
                new ServiceHealthProbe(Duration.ofSeconds(2), Clock.systemUTC()), Duration.ofSeconds(1), metrics);

        problem.set(FAILURE);
        ServiceHealth failing = monitor.checkNow().get(0);
        assertThat(failing.ready()).isFalse();
        assertThat(failing.reason()).isEqualTo("kafka-streams: " + FAILURE);
        assertThat(metrics.get("wirestream.service.ready").tag("service", "enrich-stream").gauge().value()).isZero();

        problem.set(null);
        ServiceHealth recovered = monitor.checkNow().get(0);
        assertThat(recovered.ready()).isTrue();
        assertThat(recovered.reason()).isNull();
        assertThat(metrics.get("wirestream.service.ready").tag("service", "enrich-stream").gauge().value()).isEqualTo(1.0);
    }

    @Test
    void aReadyServiceWithAWarningStaysReadyAndTheWarningIsKept() {
        ServiceHealthMonitor monitor = new ServiceHealthMonitor(Map.of("enrich-stream", readyUrl()),
                new ServiceHealthProbe(Duration.ofSeconds(2), Clock.systemUTC()), Duration.ofSeconds(1), new SimpleMeterRegistry());

        warning.set("the file is invalid, the previous version stays in force");
        ServiceHealth warned = monitor.checkNow().get(0);
        assertThat(warned.ready()).isTrue();
        assertThat(warned.warning()).isEqualTo("config-file: the file is invalid, the previous version stays in force");

        warning.set(null);
        assertThat(monitor.checkNow().get(0).warning()).isNull();
    }

    @Test
    void serviceThatDoesNotAnswerIsNotReadyAndSaysSo() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        ServiceHealth h = new ServiceHealthProbe(Duration.ofSeconds(2), Clock.systemUTC())
                .check("publish-service", "http://127.0.0.1:" + closedPort + "/health/ready");
        assertThat(h.ready()).isFalse();
        assertThat(h.reason()).startsWith("unreachable: ");
    }

    @Test
    void aBodyInAnotherFormatIsShownWithItsStatus() {
        assertThat(ServiceHealthProbe.reasonOf(503, "gateway down")).isEqualTo("HTTP 503: gateway down");
        assertThat(ServiceHealthProbe.reasonOf(500, "{\"status\":\"DOWN\",\"reason\":\"task 0_1 failed: boom\"}"))
                .isEqualTo("task 0_1 failed: boom");
    }

    @Test
    void urlsAreParsedWithOrWithoutAName() {
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("enrich-stream", "http://e:8082/health/ready");
        expected.put("http://p:8083/health/ready", "http://p:8083/health/ready");
        assertThat(ServiceHealthMonitor.parseUrls(" enrich-stream=http://e:8082/health/ready, http://p:8083/health/ready,"))
                .containsExactlyEntriesOf(expected);
        assertThat(ServiceHealthMonitor.parseUrls("")).isEmpty();
        assertThat(List.copyOf(ServiceHealthMonitor.parseUrls("a=http://x/health/ready?x=1").values()))
                .containsExactly("http://x/health/ready?x=1");
    }

    private String readyUrl() {
        return "http://127.0.0.1:" + enrich.port() + "/health/ready";
    }
}
