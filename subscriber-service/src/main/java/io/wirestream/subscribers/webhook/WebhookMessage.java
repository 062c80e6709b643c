package io.wirestream.subscribers.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wirestream.subscriptions.EditorialState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/**
 * One webhook delivery as it waits on the queue topic ({@code subscribers.webhook.topic}, keyed by subscriber id) and,
 * once given up on, on the dead-letter topic. JSON:
 * {@code {"subscriber","uri","version","state","idempotencyKey","receivedAt","queuedAt","body"}}, plus, on a dead
 * letter, {@code {"attempts","firstAttemptAt","lastAttemptAt","lastError","deadAt"}} (times in epoch milliseconds).
 *
 * @param body the exact document that is POSTed and signed
 */
public record WebhookMessage(String subscriber, String uri, long version, EditorialState state, String idempotencyKey,
                             long receivedAtMillis, long queuedAtMillis, String body, DeadLetterInfo deadLetter) {

    /** Why and when a delivery was given up on. */
    public record DeadLetterInfo(int attempts, long firstAttemptMillis, long lastAttemptMillis, String lastError, long deadAtMillis) {}

    private static final ObjectMapper JSON = new ObjectMapper();

    public WebhookMessage asDeadLetter(DeadLetterInfo info) {
        return new WebhookMessage(subscriber, uri, version, state, idempotencyKey, receivedAtMillis, queuedAtMillis, body, info);
    }

    /** The same delivery, queued again (replay): its dead-letter details dropped. */
    public WebhookMessage requeued(long nowMillis) {
        return new WebhookMessage(subscriber, uri, version, state, idempotencyKey, receivedAtMillis, nowMillis, body, null);
    }

    public byte[] toBytes() {
        ObjectNode n = JSON.createObjectNode()
                .put("subscriber", subscriber).put("uri", uri).put("version", version).put("state", state.configName())
                .put("idempotencyKey", idempotencyKey).put("receivedAt", receivedAtMillis).put("queuedAt", queuedAtMillis)
                .put("body", body);
        if (deadLetter != null) {
            n.put("attempts", deadLetter.attempts()).put("firstAttemptAt", deadLetter.firstAttemptMillis())
                    .put("lastAttemptAt", deadLetter.lastAttemptMillis()).put("lastError", deadLetter.lastError())
                    .put("deadAt", deadLetter.deadAtMillis());
        }
        try {
            return JSON.writeValueAsBytes(n);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static WebhookMessage fromBytes(byte[] bytes) {
        try {
            JsonNode n = JSON.readTree(bytes);
            DeadLetterInfo dl = n.has("deadAt") ? new DeadLetterInfo(n.path("attempts").asInt(), n.path("firstAttemptAt").asLong(),
                    n.path("lastAttemptAt").asLong(), n.path("lastError").asText(), n.path("deadAt").asLong()) : null;
            String body = n.path("body").asText(null);
            if (body == null || !n.hasNonNull("subscriber") || !n.hasNonNull("uri")) {
                throw new IllegalArgumentException("not a webhook message: subscriber, uri and body are required");
            }
            return new WebhookMessage(n.path("subscriber").asText(), n.path("uri").asText(), n.path("version").asLong(),
                    EditorialState.valueOf(n.path("state").asText("usable").toUpperCase(Locale.ROOT)), n.path("idempotencyKey").asText(),
                    n.path("receivedAt").asLong(), n.path("queuedAt").asLong(), body, dl);
        } catch (IOException e) {
            throw new IllegalArgumentException("not a webhook message: " + e.getMessage(), e);
        }
    }

    public byte[] bodyBytes() {
        return body.getBytes(StandardCharsets.UTF_8);
    }

    public static Serde<WebhookMessage> serde() {
        Serializer<WebhookMessage> ser = (topic, m) -> m == null ? null : m.toBytes();
        Deserializer<WebhookMessage> de = (topic, bytes) -> bytes == null ? null : fromBytes(bytes);
        return Serdes.serdeFrom(ser, de);
    }
}
