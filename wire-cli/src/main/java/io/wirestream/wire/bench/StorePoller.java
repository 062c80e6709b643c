package io.wirestream.wire.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Follows the read API's change feed ({@code GET /v1/changes?since=CURSOR&limit=1000}) as a site polling the
 * store would, and notes when each story uri was first seen there. A full page is followed at once; after a short
 * page it waits {@code interval} before asking again, so "seen" is late by up to that interval plus one request.
 */
final class StorePoller implements AutoCloseable {

    static final int PAGE = 1000;

    private final Map<String, Long> firstSeenMicros = new ConcurrentHashMap<>();
    private final AtomicInteger requests = new AtomicInteger();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final ObjectMapper json = new ObjectMapper();
    private final String readApiUrl;
    private final Duration interval;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile String lastProblem;

    StorePoller(String readApiUrl, Duration interval) {
        this.readApiUrl = readApiUrl;
        this.interval = interval;
        thread = new Thread(this::run, "bench-store-poller");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        long cursor = 0;
        while (running) {
            int got = 0;
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(
                                URI.create(readApiUrl + "/v1/changes?since=" + cursor + "&limit=" + PAGE))
                        .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
                requests.incrementAndGet();
                long seen = BenchClock.nowMicros();
                if (r.statusCode() == 200) {
                    JsonNode body = json.readTree(r.body());
                    for (JsonNode change : body.path("changes")) {
                        firstSeenMicros.putIfAbsent(change.path("uri").asText(), seen);
                        got++;
                    }
                    cursor = Long.parseLong(body.path("nextCursor").asText(Long.toString(cursor)));
                } else {
                    lastProblem = "GET /v1/changes answered " + r.statusCode();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                lastProblem = "GET /v1/changes failed: " + e;
            }
            if (got < PAGE && running) {
                try {
                    Thread.sleep(interval.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** Epoch micros when the story was first in a page, or null. */
    Long firstSeen(String uri) {
        return firstSeenMicros.get(uri);
    }

    int requests() {
        return requests.get();
    }

    String lastProblem() {
        return lastProblem;
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
