package io.wirestream.ops.subscribers;

import com.fasterxml.jackson.databind.JsonNode;
import io.wirestream.ops.lag.LagStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One subscriber of one subscriber-service instance on the ops page: the figures its {@code /health/subscribers}
 * gave, and the status ops judges from them ({@link #judge}).
 *
 * @param fanOutLagRecords the fan-out's lag behind wire.articles (the same for every subscriber: one pass serves all)
 * @param webhookState     OK, RETRYING, GIVING_UP or DEAD_LETTERED; null when the subscriber takes no webhook
 * @param webhookQueued    deliveries waiting in the webhook lane; {@code webhookOldestWaitingSeconds} the oldest's age
 * @param deadLetters      deliveries given up on since the service started; {@code deadLettersSinceDelivery} since the last 2xx
 */
public record SubscriberView(String service, String id, String name, LagStatus status, String reason,
                             long fanOutLagRecords, double fanOutLagSeconds, long fanOutFailures,
                             String topic, Instant topicLastDeliveryAt,
                             String webhookHost, String webhookState, int webhookQueued, double webhookOldestWaitingSeconds,
                             Instant webhookLastQueuedAt, Instant webhookLastDeliveryAt, long webhookDelivered,
                             long webhookFailures, long deadLetters, long deadLettersSinceDelivery,
                             Instant retryingSince, Instant giveUpAt, Instant lastDeadLetterAt, String lastError) {

    /** Reads one entry of subscriber-service's {@code /health/subscribers} and judges it. */
    public static SubscriberView of(String service, JsonNode s) {
        JsonNode topic = s.path("topic");
        JsonNode w = s.path("webhook");
        boolean hasWebhook = w.isObject();
        SubscriberView raw = new SubscriberView(service, s.path("id").asText(), s.path("name").asText(s.path("id").asText()),
                LagStatus.OK, null, s.path("fanOutLagRecords").asLong(), s.path("fanOutLagSeconds").asDouble(),
                s.path("fanOutFailures").asLong(),
                topic.isObject() ? topic.path("name").asText() : null, instant(topic, "lastDeliveryAt"),
                hasWebhook ? w.path("host").asText() : null, hasWebhook ? w.path("state").asText("OK") : null,
                w.path("queued").asInt(), w.path("oldestWaitingSeconds").asDouble(), instant(w, "lastQueuedAt"),
                instant(w, "lastDeliveryAt"), w.path("delivered").asLong(), w.path("failures").asLong(),
                w.path("deadLetters").asLong(), w.path("deadLettersSinceDelivery").asLong(),
                instant(w, "retryingSince"), instant(w, "giveUpAt"), instant(w, "lastDeadLetterAt"),
                w.hasNonNull("lastError") ? w.path("lastError").asText() : null);
        return raw.judge();
    }

    /**
     * The row's status: ERR while the webhook is giving up on a delivery or has given up on some since its last 2xx
     * (the subscriber is missing copy until someone replays them), WARN while it retries (copy waits, nothing is lost
     * yet), OK otherwise. The fan-out's own lag is judged on the "subscribers" stage by the lag monitor.
     */
    SubscriberView judge() {
        List<String> why = new ArrayList<>();
        LagStatus judged = LagStatus.OK;
        if ("GIVING_UP".equals(webhookState)) {
            judged = LagStatus.ERR;
            why.add("webhook giving up on a delivery" + (lastError == null ? "" : ": " + lastError));
        } else if ("RETRYING".equals(webhookState)) {
            judged = LagStatus.WARN;
            why.add("webhook retrying since " + retryingSince + (lastError == null ? "" : ": " + lastError)
                    + "; " + webhookQueued + " waiting" + (giveUpAt == null ? "" : ", gives up at " + giveUpAt));
        }
        if (deadLettersSinceDelivery > 0 || "DEAD_LETTERED".equals(webhookState)) {
            judged = LagStatus.ERR;
            why.add("webhook dead-lettered " + deadLettersSinceDelivery + " deliver" + (deadLettersSinceDelivery == 1 ? "y" : "ies")
                    + " since its last success" + (lastDeadLetterAt == null ? "" : " (last at " + lastDeadLetterAt + ")")
                    + ": replay them with POST /v1/dead-letters/replay");
        }
        return new SubscriberView(service, id, name, judged, why.isEmpty() ? null : String.join("; ", why), fanOutLagRecords,
                fanOutLagSeconds, fanOutFailures, topic, topicLastDeliveryAt, webhookHost, webhookState, webhookQueued,
                webhookOldestWaitingSeconds, webhookLastQueuedAt, webhookLastDeliveryAt, webhookDelivered, webhookFailures,
                deadLetters, deadLettersSinceDelivery, retryingSince, giveUpAt, lastDeadLetterAt, lastError);
    }

    private static Instant instant(JsonNode node, String field) {
        if (!node.hasNonNull(field)) {
            return null;
        }
        try {
            return Instant.parse(node.get(field).asText());
        } catch (RuntimeException e) {
            return null;
        }
    }
}
