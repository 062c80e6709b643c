package io.wirestream.runtime.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Stopping a service answers the requests it is already handling (a push waiting for Kafka's acknowledgement gets its
 * 202 or 503, not a dropped connection), takes no new ones meanwhile, and gives up on a request that never finishes.
 */
class ServiceHttpServerStopTest {

    @Test
    void aRequestInFlightWhenTheServerStopsIsAnsweredAndNewOnesAreRefused() throws Exception {
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ServiceHttpServer server = new ServiceHttpServer("test", ServiceHttpServer.newMetrics("test"),
                routes -> routes.get("/wait", ctx -> {
                    inside.countDown();
                    release.await(30, TimeUnit.SECONDS);
                    ctx.result("answered");
                })).start("127.0.0.1", 0);
        int port = server.port();
        CompletableFuture<String> inFlight = CompletableFuture.supplyAsync(() -> get(port, "/wait"));
        assertThat(inside.await(10, TimeUnit.SECONDS)).as("the request reached its route").isTrue();

        CompletableFuture<Void> stopping = CompletableFuture.runAsync(server::close);
        await("the server stops taking connections").atMost(Duration.ofSeconds(10)).until(() -> refused(port));
        assertThat(stopping).as("stop waits for the request in flight").isNotDone();

        release.countDown();
        assertThat(inFlight.get(10, TimeUnit.SECONDS)).startsWith("HTTP/1.1 200").endsWith("answered");
        stopping.get(10, TimeUnit.SECONDS);
    }

    @Test
    void aRequestThatNeverFinishesDoesNotHoldTheStopForever() throws Exception {
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch never = new CountDownLatch(1);
        ServiceHttpServer server = new ServiceHttpServer("test", ServiceHttpServer.newMetrics("test"),
                routes -> routes.get("/hang", ctx -> {
                    inside.countDown();
                    never.await(120, TimeUnit.SECONDS);
                }), HttpLimits.defaults(), Duration.ofSeconds(1)).start("127.0.0.1", 0);
        int port = server.port();
        CompletableFuture.runAsync(() -> get(port, "/hang"));
        assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();
        try {
            CompletableFuture.runAsync(server::close).get(30, TimeUnit.SECONDS); // the grace is 1 s; the route would wait 120 s
        } finally {
            never.countDown();
        }
        assertThat(refused(port)).as("stopped all the same").isTrue();
    }

    static boolean refused(int port) {
        try (Socket ignored = new Socket("127.0.0.1", port)) {
            return false;
        } catch (ConnectException e) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static String get(int port, String path) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            return "failed: " + e;
        }
    }
}
