package io.wirestream.subscribers;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wirestream.subscriptions.LiveSubscribers;
import io.wirestream.subscriptions.Subscriber;
import io.wirestream.subscriptions.SubscriberConfig;
import io.wirestream.subscribers.fanout.FanOutLag;
import io.wirestream.subscribers.fanout.FanOutMetrics;
import io.wirestream.subscribers.webhook.WebhookDispatcher;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Each subscriber's delivery as an operator sees it, in one JSON answer ({@code GET /health/subscribers}, which the ops
 * page reads): the fan-out's lag behind {@code wire.articles} (the same for every subscriber, one pass serves all),
 * when each channel last received a version, the failures, and the webhook's queue and state. Figures only: no
 * secrets, key hashes or URLs (the webhook's host at most), nothing that is not on {@code /metrics} already but the
 * last error's text. Counts are since this process started; with several instances each answers for its own share.
 */
final class SubscriberStatus {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Supplier<LiveSubscribers> subscribers;
    private final Function<String, String> topicOf;
    private final Supplier<List<WebhookDispatcher.LaneStatus>> lanes;
    private final FanOutMetrics fanOut;
    private final Supplier<FanOutLag.Figures> lag;
    private final Clock clock;

    SubscriberStatus(Supplier<LiveSubscribers> subscribers, Function<String, String> topicOf,
                     Supplier<List<WebhookDispatcher.LaneStatus>> lanes, FanOutMetrics fanOut, Supplier<FanOutLag.Figures> lag, Clock clock) {
        this.subscribers = subscribers;
        this.topicOf = topicOf;
        this.lanes = lanes;
        this.fanOut = fanOut;
        this.lag = lag;
        this.clock = clock;
    }

    ObjectNode json() {
        LiveSubscribers live = subscribers.get();
        SubscriberConfig config = live.get();
        FanOutLag.Figures figures = lag.get();
        ObjectNode body = JSON.createObjectNode().put("service", SubscriberService.SERVICE_NAME).put("at", clock.instant().toString());
        ObjectNode file = body.putObject("file").put("version", LiveSubscribers.shortDigest(config.digest()));
        if (live.problem() != null) {
            file.put("problem", live.problem());
        }
        ObjectNode lagNode = body.putObject("fanOut").put("lagRecords", figures.records()).put("lagSeconds", figures.seconds());
        putInstant(lagNode, "sampledAt", figures.sampledAt());
        if (figures.problem() != null) {
            lagNode.put("problem", figures.problem());
        }
        Map<String, WebhookDispatcher.LaneStatus> byId = new HashMap<>();
        lanes.get().forEach(l -> byId.put(l.subscriber(), l));
        ArrayNode list = body.putArray("subscribers");
        for (Subscriber s : config.subscribers()) {
            ObjectNode n = list.addObject().put("id", s.id()).put("name", s.name())
                    .put("fanOutLagRecords", figures.records()).put("fanOutLagSeconds", figures.seconds())
                    .put("fanOutFailures", fanOut.failures(s.id()));
            if (s.topic()) {
                ObjectNode topic = n.putObject("topic").put("name", topicOf.apply(s.id()));
                putInstant(topic, "lastDeliveryAt", fanOut.lastDelivery(s.id(), "topic").orElse(null));
            }
            if (s.webhook() != null) {
                webhook(n.putObject("webhook").put("host", s.webhook().url().getHost()), s.id(), byId.get(s.id()));
            }
        }
        return body;
    }

    private void webhook(ObjectNode w, String id, WebhookDispatcher.LaneStatus lane) {
        putInstant(w, "lastQueuedAt", fanOut.lastDelivery(id, "webhook-queue").orElse(null));
        if (lane == null) { // nothing came through the queue for it since start
            w.put("state", WebhookDispatcher.WebhookState.OK.name()).put("queued", 0).put("oldestWaitingSeconds", 0.0)
                    .put("delivered", 0).put("failures", 0).put("deadLetters", 0).put("deadLettersSinceDelivery", 0);
            return;
        }
        WebhookDispatcher.Health h = lane.health();
        w.put("state", h.state().name()).put("queued", lane.queued())
                .put("oldestWaitingSeconds", lane.oldestWaiting().toMillis() / 1000.0)
                .put("delivered", lane.delivered()).put("failures", h.attemptsFailed())
                .put("deadLetters", lane.deadLettered()).put("deadLettersSinceDelivery", h.deadLetteredSinceDelivery());
        putInstant(w, "lastDeliveryAt", h.lastDeliveredAt());
        putInstant(w, "retryingSince", h.retryingSince());
        putInstant(w, "giveUpAt", h.giveUpAt());
        putInstant(w, "nextAttemptAt", h.retryingSince() == null ? null : lane.nextAttemptAt());
        putInstant(w, "lastDeadLetterAt", h.lastDeadLetterAt());
        if (h.lastError() != null) {
            w.put("lastError", h.lastError());
        }
    }

    private static void putInstant(ObjectNode node, String field, Instant at) {
        if (at != null) {
            node.put(field, at.toString());
        }
    }
}
