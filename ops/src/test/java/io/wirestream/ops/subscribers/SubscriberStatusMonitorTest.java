package io.wirestream.ops.subscribers;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.ops.lag.LagStatus;
import io.wirestream.ops.testing.SubscriberStatusBodies;
import io.wirestream.runtime.http.ServiceHttpServer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Each subscriber as ops sees it, asked of a real HTTP server answering in subscriber-service's documented shape:
 * found beside the readiness URL ops already has, a retrying webhook WARN with since when and why, dead letters ERR
 * until a delivery succeeds, and a service that cannot say a problem rather than an empty, OK list.
 */
class SubscriberStatusMonitorTest {

    private final AtomicReference<String> body = new AtomicReference<>(SubscriberStatusBodies.oneOfEach());
    private ServiceHttpServer subscriberService;
    private ServiceHttpServer olderService;

    @BeforeEach
    void start() {
        subscriberService = new ServiceHttpServer("subscriber-service", ServiceHttpServer.newMetrics("subscriber-service"),
                app -> app.get("/health/subscribers", ctx -> ctx.contentType("application/json").result(body.get())))
                .start("127.0.0.1", 0);
        olderService = new ServiceHttpServer("subscriber-service", ServiceHttpServer.newMetrics("subscriber-service"), app -> { })
                .start("127.0.0.1", 0);
    }

    @AfterEach
    void stop() {
        subscriberService.close();
        olderService.close();
    }

    private static String readyUrl(ServiceHttpServer server) {
        return "http://127.0.0.1:" + server.port() + "/health/ready";
    }

    @Test
    void everySubscriberServiceAmongTheReadinessUrlsIsAskedBesideItsReadiness() {
        Map<String, String> readiness = new LinkedHashMap<>();
        readiness.put("ingest-service", "http://ingest:8080/health/ready");
        readiness.put("subscriber-service", "http://subscribers:8084/health/ready");
        readiness.put("subscriber-service-2", "http://gateway/subscribers-2/health/ready");
        assertThat(SubscriberStatusMonitor.statusUrls(readiness)).containsExactly(
                Map.entry("subscriber-service", "http://subscribers:8084/health/subscribers"),
                Map.entry("subscriber-service-2", "http://gateway/subscribers-2/health/subscribers"));
    }

    @Test
    void aRetryingWebhookIsWarnWithSinceWhenAndWhyAndDeadLettersAreErr() {
        SubscriberStatusMonitor monitor = new SubscriberStatusMonitor(
                SubscriberStatusMonitor.statusUrls(Map.of("subscriber-service", readyUrl(subscriberService))),
                Duration.ofSeconds(2), Duration.ofSeconds(1), Clock.systemUTC());
        assertThat(monitor.latest()).singleElement().satisfies(r -> assertThat(r.problem()).isEqualTo("not checked yet"));

        SubscribersReport report = monitor.checkNow().get(0);
        assertThat(report.problem()).isNull();
        assertThat(report.subscribers()).extracting(SubscriberView::id).containsExactly("harbour-daily", "quay-news", "pier-wire");
        SubscriberView harbour = report.subscribers().get(0);
        assertThat(harbour.status()).isEqualTo(LagStatus.OK);
        assertThat(harbour.reason()).isNull();
        assertThat(harbour.topicLastDeliveryAt()).isEqualTo(Instant.parse("2026-11-28T03:00:30Z"));
        assertThat(harbour.fanOutLagRecords()).isEqualTo(3);
        assertThat(harbour.webhookState()).isNull();

        SubscriberView quay = report.subscribers().get(1);
        assertThat(quay.status()).isEqualTo(LagStatus.WARN);
        assertThat(quay.reason()).isEqualTo("webhook retrying since 2026-11-28T03:00:00Z: HTTP 503; 2 waiting, gives up at 2026-11-29T03:00:00Z");
        assertThat(quay.webhookQueued()).isEqualTo(2);
        assertThat(quay.webhookOldestWaitingSeconds()).isEqualTo(40.0);
        assertThat(quay.fanOutFailures()).isEqualTo(1);

        SubscriberView pier = report.subscribers().get(2);
        assertThat(pier.status()).isEqualTo(LagStatus.ERR);
        assertThat(pier.reason()).startsWith("webhook dead-lettered 2 deliveries since its last success (last at 2026-11-28T03:00:10Z)");
        assertThat(report.status()).isEqualTo(LagStatus.ERR);

        body.set(SubscriberStatusBodies.allWell());
        SubscribersReport recovered = monitor.checkNow().get(0);
        assertThat(recovered.subscribers()).extracting(SubscriberView::status).containsOnly(LagStatus.OK);
        assertThat(recovered.status()).isEqualTo(LagStatus.OK);
    }

    @Test
    void aServiceThatCannotSayIsAProblemNotAnEmptyList() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        Map<String, String> readiness = new LinkedHashMap<>();
        readiness.put("subscriber-service", readyUrl(olderService));
        readiness.put("subscriber-service-2", "http://127.0.0.1:" + closedPort + "/health/ready");
        List<SubscribersReport> reports = new SubscriberStatusMonitor(SubscriberStatusMonitor.statusUrls(readiness),
                Duration.ofSeconds(2), Duration.ofSeconds(1), Clock.systemUTC()).checkNow();
        assertThat(reports.get(0).problem()).startsWith("HTTP 404");
        assertThat(reports.get(1).problem()).startsWith("unreachable: ");
        assertThat(reports).allSatisfy(r -> {
            assertThat(r.subscribers()).isEmpty();
            assertThat(r.status()).isEqualTo(LagStatus.WARN);
        });

        body.set("{\"status\":\"UP\"}");
        SubscribersReport notStatus = new SubscriberStatusMonitor(
                SubscriberStatusMonitor.statusUrls(Map.of("subscriber-service", readyUrl(subscriberService))),
                Duration.ofSeconds(2), Duration.ofSeconds(1), Clock.systemUTC()).checkNow().get(0);
        assertThat(notStatus.problem()).isEqualTo("not a subscriber status (no 'subscribers' list)");
    }
}
