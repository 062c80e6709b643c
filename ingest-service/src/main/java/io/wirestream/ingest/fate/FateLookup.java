package io.wirestream.ingest.fate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * What became of an item after ingest, asked of publish-service's read API ({@code GET /v1/items/{itemId}}, which
 * keeps every item's fate: published, held, merged, dropped, rejected). ingest-service holds the receipt and knows
 * whose it is; publish-service knows the fate; an agency asks the one door it has a key for, and ingest asks on its
 * behalf with a key of its own (an operator key of the read API).
 *
 * <p>The lookup never fails the agency's request: whatever goes wrong (publish-service down, slow, refusing the key)
 * becomes the fate {@code unknown} with the reason in words, within {@code timeout}.
 */
public final class FateLookup {

    /** What publish-service's read API adds to the fates it keeps: not seen yet, or not knowable right now. */
    public static final String PENDING = "pending";
    public static final String UNKNOWN = "unknown";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String baseUrl;
    private final String key;
    private final Duration timeout;
    private final HttpClient http;

    private FateLookup(String baseUrl, String key, Duration timeout) {
        this.baseUrl = baseUrl;
        this.key = key;
        this.timeout = timeout;
        this.http = baseUrl == null ? null : HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    /**
     * @param baseUrl publish-service's read API, e.g. {@code http://publish-service:8083}; blank: fates are not asked
     * @param key     a key the read API takes for item lineage (an operator key); blank when the read API is open
     * @param timeout the longest wait for publish-service's answer, connecting included
     */
    public static FateLookup of(String baseUrl, String key, Duration timeout) {
        if (baseUrl == null || baseUrl.isBlank()) {
            return new FateLookup(null, null, timeout);
        }
        String base = baseUrl.strip();
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        URI uri = URI.create(base); // a malformed URL is a setting error, found at start
        if (uri.getScheme() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https")) || uri.getHost() == null) {
            throw new IllegalArgumentException("ingest.fate.url must be an http(s) URL of publish-service's read API, not '" + baseUrl + "'");
        }
        return new FateLookup(base, key == null || key.isBlank() ? null : key.strip(), timeout);
    }

    /** No publish-service to ask: every fate is {@code unknown}, saying so. */
    public static FateLookup none() {
        return new FateLookup(null, null, Duration.ZERO);
    }

    public boolean configured() {
        return baseUrl != null;
    }

    /**
     * The fate of the item with this receipt id: publish-service's answer as it gave it when it knows the item
     * ({@code fate} is {@code published}, {@code held}, {@code merged}, {@code dropped} or {@code rejected}),
     * {@code pending} when it has no record of it yet, {@code unknown} with a {@code reason} and {@code message}
     * when it could not be asked or did not answer.
     */
    public ObjectNode fateOf(String itemId) {
        if (baseUrl == null) {
            return unknown(itemId, "not_configured", "fate unknown: this ingest-service is not set up to ask publish-service (ingest.fate.url)");
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + "/v1/items/"
                        + URLEncoder.encode(itemId, StandardCharsets.UTF_8).replace("+", "%20")))
                .timeout(timeout).header("Accept", "application/json").GET();
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            return unknown(itemId, "publish_unreachable", "fate unknown: publish-service unreachable (no answer within " + timeout.toMillis() + " ms)");
        } catch (IOException e) {
            return unknown(itemId, "publish_unreachable", "fate unknown: publish-service unreachable (" + describe(e) + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return unknown(itemId, "publish_unreachable", "fate unknown: interrupted while asking publish-service");
        }
        JsonNode body;
        try {
            body = JSON.readTree(response.body());
        } catch (IOException e) {
            body = null;
        }
        if (response.statusCode() == 200 && body instanceof ObjectNode fate && fate.hasNonNull("fate")) {
            return fate;
        }
        if (response.statusCode() == 404) {
            return JSON.createObjectNode().put("itemId", itemId).put("fate", PENDING)
                    .put("message", "publish-service has no record of this item yet: it is still on its way through the pipeline");
        }
        String why = body != null && body.hasNonNull("reason") ? ": " + body.get("reason").asText() : "";
        return unknown(itemId, "publish_refused", "fate unknown: publish-service answered " + response.statusCode() + why);
    }

    private static ObjectNode unknown(String itemId, String reason, String message) {
        return JSON.createObjectNode().put("itemId", itemId).put("fate", UNKNOWN).put("reason", reason).put("message", message);
    }

    private static String describe(IOException e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return root.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message);
    }
}
