package io.wirestream.subscribers.webhook;

import io.wirestream.subscriptions.WebhookChannel;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;

/**
 * POSTs a delivery: the body is the document (ninjs JSON) exactly as signed; the headers say what it is.
 *
 * <table>
 *   <caption>request headers</caption>
 *   <tr><td>{@code X-Wirestream-Signature}</td><td>{@code t=<unix seconds>,v1=<hex HMAC-SHA256 of t + "." + body>} ({@link WebhookSignature})</td></tr>
 *   <tr><td>{@code Idempotency-Key}</td><td>the same for every attempt, redelivery and replay of this delivery; new for a new version or content</td></tr>
 *   <tr><td>{@code X-Wirestream-Subscriber}, {@code X-Wirestream-Story}, {@code X-Wirestream-Version}, {@code X-Wirestream-State}</td><td>who it is for, the story uri (URL-encoded), its version, its editorial state</td></tr>
 *   <tr><td>{@code X-Wirestream-Attempt}</td><td>1 for the first attempt</td></tr>
 * </table>
 * Any 2xx answer delivers it; anything else, a timeout or a refused connection is a failed attempt.
 */
public final class HttpWebhookSender implements WebhookSender {

    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    public static final String SUBSCRIBER = "X-Wirestream-Subscriber";
    public static final String STORY = "X-Wirestream-Story";
    public static final String VERSION = "X-Wirestream-Version";
    public static final String STATE = "X-Wirestream-State";
    public static final String ATTEMPT = "X-Wirestream-Attempt";

    private final HttpClient client;
    private final Duration timeout;
    private final Clock clock;

    public HttpWebhookSender(Duration timeout, Clock clock) {
        this.client = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
        this.timeout = timeout;
        this.clock = clock;
    }

    @Override
    public Attempt send(WebhookChannel channel, WebhookMessage message, int attempt) {
        byte[] body = message.bodyBytes();
        HttpRequest request = HttpRequest.newBuilder(channel.url())
                .timeout(timeout)
                .header("Content-Type", "application/json; charset=utf-8")
                .header("User-Agent", "Wirestream-Webhooks/1")
                .header(WebhookSignature.HEADER, WebhookSignature.sign(channel.secret().value(), clock.instant().getEpochSecond(), body))
                .header(IDEMPOTENCY_KEY, message.idempotencyKey())
                .header(SUBSCRIBER, message.subscriber())
                .header(STORY, URLEncoder.encode(message.uri(), StandardCharsets.UTF_8))
                .header(VERSION, Long.toString(message.version()))
                .header(STATE, message.state().configName())
                .header(ATTEMPT, Integer.toString(attempt))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        try {
            HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
            int status = response.statusCode();
            return status >= 200 && status < 300 ? Attempt.ok(status) : Attempt.failed(status, "HTTP " + status);
        } catch (IOException e) {
            return Attempt.failed(0, e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Attempt.failed(0, "interrupted");
        }
    }
}
