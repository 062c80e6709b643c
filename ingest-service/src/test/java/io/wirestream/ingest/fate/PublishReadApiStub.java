package io.wirestream.ingest.fate;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Stands in for publish-service's read API ({@code GET /v1/items/{itemId}}): answers the fates the test sets, 404
 * for the rest, and records what it was asked and with which Authorization header. An item set as "silent" gets no
 * answer until the stub closes, as a publish-service that hangs.
 */
public final class PublishReadApiStub implements AutoCloseable {

    public record Asked(String path, String authorization) {}

    private final HttpServer server;
    private final Map<String, Integer> statuses = new ConcurrentHashMap<>();
    private final Map<String, String> bodies = new ConcurrentHashMap<>();
    private final List<Asked> asked = new CopyOnWriteArrayList<>();
    private final CountDownLatch closing = new CountDownLatch(1);

    public PublishReadApiStub() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/v1/items/", exchange -> {
            String itemId = exchange.getRequestURI().getPath().substring("/v1/items/".length());
            asked.add(new Asked(exchange.getRequestURI().getRawPath(), exchange.getRequestHeaders().getFirst("Authorization")));
            if (bodies.get(itemId) == null && statuses.getOrDefault(itemId, 0) == -1) {
                try {
                    closing.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            int status = statuses.getOrDefault(itemId, 404);
            String body = bodies.getOrDefault(itemId, "{\"error\":\"not_found\",\"reason\":\"no record of item '" + itemId + "'\"}");
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(Math.max(status, 200), bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** publish-service answers this status and body for the item. */
    public PublishReadApiStub answer(String itemId, int status, String body) {
        statuses.put(itemId, status);
        bodies.put(itemId, body);
        return this;
    }

    /** publish-service takes the request for this item and never answers. */
    public PublishReadApiStub silentFor(String itemId) {
        statuses.put(itemId, -1);
        return this;
    }

    public List<Asked> asked() {
        return asked;
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
    }
}
