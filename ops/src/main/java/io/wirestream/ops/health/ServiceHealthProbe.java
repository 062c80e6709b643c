package io.wirestream.ops.health;

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
import java.util.List;

/**
 * Asks one service's readiness URL. Reads the platform's format ({@code {"service","status","checks":{name: "OK" or
 * problem}}}, HTTP 503 when a check fails) and keeps each failing check's problem as the reason; a top-level
 * {@code reason} or {@code lastError} field, if a service adds one, is taken too. Anything else non-200 is reported
 * with its status and the start of its body, so an unknown format still shows why. A ready service's {@code warnings}
 * ({@code {name: problem}}, problems it works around) are kept beside its readiness.
 */
public final class ServiceHealthProbe {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int BODY_SHOWN = 300;

    private final HttpClient client;
    private final Duration timeout;
    private final Clock clock;

    public ServiceHealthProbe(Duration timeout, Clock clock) {
        this.client = HttpClient.newBuilder().connectTimeout(timeout).build();
        this.timeout = timeout;
        this.clock = clock;
    }

    public ServiceHealth check(String service, String url) {
        try {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(url)).timeout(timeout).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200) {
                return new ServiceHealth(service, url, true, null, clock.instant(), warningsOf(response.body()));
            }
            return new ServiceHealth(service, url, false, reasonOf(response.statusCode(), response.body()), clock.instant());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new ServiceHealth(service, url, false, "interrupted while asking", clock.instant());
        } catch (IOException | RuntimeException e) {
            return new ServiceHealth(service, url, false, "unreachable: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()), clock.instant());
        }
    }

    static String reasonOf(int status, String body) {
        List<String> problems = new ArrayList<>();
        try {
            JsonNode json = JSON.readTree(body);
            for (String field : List.of("reason", "lastError")) {
                if (json.hasNonNull(field) && !json.get(field).asText().isBlank()) {
                    problems.add(json.get(field).asText());
                }
            }
            JsonNode checks = json.path("checks");
            checks.fieldNames().forEachRemaining(name -> {
                String problem = checks.get(name).asText();
                if (!"OK".equals(problem) && !problems.contains(problem)) {
                    problems.add(name + ": " + problem);
                }
            });
        } catch (IOException | RuntimeException e) {
            // not the platform's JSON: the raw body below says what there is
        }
        if (problems.isEmpty()) {
            String shown = body == null ? "" : body.strip();
            return "HTTP " + status + (shown.isEmpty() ? "" : ": " + shorten(shown));
        }
        return String.join("; ", problems);
    }

    /** The {@code warnings} a ready service names ({@code check: problem; ...}), or null when it names none. */
    static String warningsOf(String body) {
        List<String> warnings = new ArrayList<>();
        try {
            JsonNode w = JSON.readTree(body).path("warnings");
            w.fieldNames().forEachRemaining(name -> warnings.add(name + ": " + w.get(name).asText()));
        } catch (IOException | RuntimeException e) {
            return null;
        }
        return warnings.isEmpty() ? null : String.join("; ", warnings);
    }

    private static String shorten(String s) {
        return s.length() <= BODY_SHOWN ? s : s.substring(0, BODY_SHOWN) + "…";
    }
}
