package io.wirestream.subscribers.testing;

import com.sun.net.httpserver.HttpServer;
import io.wirestream.subscribers.webhook.HttpWebhookSender;
import io.wirestream.subscribers.webhook.WebhookSignature;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A subscriber's webhook endpoint as a site would write one: it checks the signature, keeps what it received by
 * {@code Idempotency-Key} (a key seen before is answered 200 and dropped), and can be down (503) until a given instant.
 * It can also lose its answer once after storing a delivery (500 after the store), as a crash between the two would.
 */
public final class WebhookReceiver implements AutoCloseable {

    /** One request as it arrived. */
    public record Request(String subscriber, String key, String uri, long version, String state, int attempt, int status,
                          boolean signatureValid, String body) {}

    private final HttpServer server;
    private final Map<String, byte[]> secrets;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final List<Request> kept = new CopyOnWriteArrayList<>();
    private final Set<String> keys = ConcurrentHashMap.newKeySet();
    private final Set<String> loseAnswerOnce = ConcurrentHashMap.newKeySet();
    private volatile Instant downUntil = Instant.MIN;
    private volatile boolean down;

    public WebhookReceiver(Map<String, String> secretsBySubscriber) throws IOException {
        this.secrets = new ConcurrentHashMap<>();
        secretsBySubscriber.forEach((k, v) -> secrets.put(k, v.getBytes(StandardCharsets.UTF_8)));
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        server.createContext("/hook", exchange -> {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            var h = exchange.getRequestHeaders();
            String subscriber = h.getFirst(HttpWebhookSender.SUBSCRIBER);
            String key = h.getFirst(HttpWebhookSender.IDEMPOTENCY_KEY);
            byte[] secret = subscriber == null ? null : secrets.get(subscriber);
            boolean valid = secret != null && WebhookSignature.verify(secret, h.getFirst(WebhookSignature.HEADER), body,
                    Instant.now().getEpochSecond(), 300);
            int status;
            if (down || Instant.now().isBefore(downUntil)) {
                status = 503;
            } else if (!valid) {
                status = 401;
            } else {
                Request r = request(subscriber, key, h, 200, true, body);
                if (keys.add(key)) {
                    kept.add(r);
                    status = loseAnswerOnce.remove(r.uri() + "@" + r.version()) ? 500 : 200;
                } else {
                    status = 200; // seen before: dropped by its idempotency key
                }
            }
            requests.add(request(subscriber, key, h, status, valid, body));
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    private static Request request(String subscriber, String key, com.sun.net.httpserver.Headers h, int status, boolean valid, byte[] body) {
        String story = h.getFirst(HttpWebhookSender.STORY);
        return new Request(subscriber, key, story == null ? null : URLDecoder.decode(story, StandardCharsets.UTF_8),
                Long.parseLong(h.getFirst(HttpWebhookSender.VERSION)), h.getFirst(HttpWebhookSender.STATE),
                Integer.parseInt(h.getFirst(HttpWebhookSender.ATTEMPT)), status, valid, new String(body, StandardCharsets.UTF_8));
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    /** Answers 503 until this instant. */
    public void downUntil(Instant until) {
        downUntil = until;
    }

    public void down(boolean isDown) {
        down = isDown;
    }

    /** Stores this delivery when it first arrives but answers 500, as if the answer were lost. */
    public void loseTheAnswerOnce(String uri, long version) {
        loseAnswerOnce.add(uri + "@" + version);
    }

    /** Every request, in arrival order. */
    public List<Request> requests() {
        return new ArrayList<>(requests);
    }

    /** The deliveries kept (each idempotency key once), in arrival order. */
    public List<Request> kept() {
        return new ArrayList<>(kept);
    }

    public List<Request> kept(String subscriber) {
        return kept.stream().filter(r -> r.subscriber().equals(subscriber)).toList();
    }

    /** "uri@version" of what a subscriber kept, in arrival order. */
    public List<String> keptVersions(String subscriber) {
        return kept(subscriber).stream().map(r -> r.uri() + "@" + r.version()).toList();
    }

    public Set<String> keptKeys() {
        Set<String> s = new LinkedHashSet<>();
        kept.forEach(r -> s.add(r.key()));
        return s;
    }

    @Override
    public void close() {
        server.stop(0);
    }

}
