package io.wirestream.ops.subscribers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Asks every subscriber-service ops knows of for its subscribers' delivery figures, periodically. Ops already has each
 * service's readiness URL ({@code ops.health.urls}); an entry whose name starts with {@value #SERVICE_PREFIX} is a
 * subscriber-service, and its {@code /health/subscribers} sits beside its {@code /health/ready} (the readiness URL
 * with its last segment replaced), so nothing more is configured and every instance (subscriber-service-2, ...) is
 * asked too.
 */
public final class SubscriberStatusMonitor implements AutoCloseable {

    public static final String SERVICE_PREFIX = "subscriber-service";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int BODY_SHOWN = 200;

    private final Map<String, String> urls;
    private final HttpClient client;
    private final Duration timeout;
    private final Duration interval;
    private final Clock clock;
    private volatile List<SubscribersReport> latest;
    private ScheduledExecutorService scheduler;

    /** @param urls the status URL by service name ({@link #statusUrls}) */
    public SubscriberStatusMonitor(Map<String, String> urls, Duration timeout, Duration interval, Clock clock) {
        this.urls = new LinkedHashMap<>(urls);
        this.client = HttpClient.newBuilder().connectTimeout(timeout).build();
        this.timeout = timeout;
        this.interval = interval;
        this.clock = clock;
        List<SubscribersReport> initial = new ArrayList<>();
        this.urls.forEach((service, url) -> initial.add(SubscribersReport.notCheckedYet(service, url)));
        this.latest = List.copyOf(initial);
    }

    /** The status URL of every subscriber-service among the readiness URLs, by service name. */
    public static Map<String, String> statusUrls(Map<String, String> readinessUrls) {
        Map<String, String> urls = new LinkedHashMap<>();
        readinessUrls.forEach((service, readyUrl) -> {
            if (service.startsWith(SERVICE_PREFIX)) {
                urls.put(service, URI.create(readyUrl).resolve("subscribers").toString());
            }
        });
        return urls;
    }

    public synchronized void start() {
        if (scheduler != null || urls.isEmpty()) {
            return;
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "wirestream-subscriber-status");
            t.setDaemon(true);
            return t;
        });
        scheduler.scheduleWithFixedDelay(this::checkNow, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Asks every subscriber-service once, on the caller's thread. */
    public List<SubscribersReport> checkNow() {
        List<SubscribersReport> round = new ArrayList<>();
        urls.forEach((service, url) -> round.add(check(service, url)));
        latest = List.copyOf(round);
        return latest;
    }

    public List<SubscribersReport> latest() {
        return latest;
    }

    SubscribersReport check(String service, String url) {
        String body;
        try {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(url)).timeout(timeout).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                String shown = response.body() == null ? "" : response.body().strip();
                return failed(service, url, "HTTP " + response.statusCode()
                        + (shown.isEmpty() ? "" : ": " + (shown.length() > BODY_SHOWN ? shown.substring(0, BODY_SHOWN) + "…" : shown)));
            }
            body = response.body();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed(service, url, "interrupted while asking");
        } catch (IOException | RuntimeException e) {
            return failed(service, url, "unreachable: " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        }
        try {
            JsonNode json = JSON.readTree(body);
            if (!json.path("subscribers").isArray()) {
                return failed(service, url, "not a subscriber status (no 'subscribers' list)");
            }
            List<SubscriberView> subscribers = new ArrayList<>();
            json.path("subscribers").forEach(s -> subscribers.add(SubscriberView.of(service, s)));
            JsonNode fanOut = json.path("fanOut");
            String fanOutProblem = fanOut.hasNonNull("problem") ? fanOut.get("problem").asText() : null;
            return new SubscribersReport(service, url, clock.instant(), null, fanOutProblem, List.copyOf(subscribers));
        } catch (IOException | RuntimeException e) {
            return failed(service, url, "unreadable answer: " + e.getMessage());
        }
    }

    private SubscribersReport failed(String service, String url, String problem) {
        return new SubscribersReport(service, url, clock.instant(), problem, null, List.of());
    }

    @Override
    public synchronized void close() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }
}
