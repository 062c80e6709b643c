package io.wirestream.subscribers;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.wirestream.subscriptions.LiveSubscribers;
import io.wirestream.subscriptions.Product;
import io.wirestream.subscriptions.Subscriber;
import io.wirestream.subscriptions.SubscriberConfig;
import io.wirestream.subscribers.webhook.DeadLetterReplay;
import io.wirestream.subscribers.webhook.WebhookDispatcher;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * The operator's routes. {@code GET /health/subscribers} (each subscriber's delivery figures and webhook state,
 * {@link SubscriberStatus}) is open like {@code /health/ready} and {@code /metrics}, whose figures it repeats, so the
 * ops page can read it with nothing but the readiness URL it already has. The others are each behind
 * {@code Authorization: Bearer <subscribers.admin.token>} (401 without it or with a wrong one; 403 while no token is
 * configured):
 * <ul>
 *   <li>{@code GET /v1/subscribers}: the file in force (version, when applied, why a newer one was refused), each
 *   subscriber's products, format, channels and webhook state (no secrets, no key hashes, the webhook's host only);</li>
 *   <li>{@code GET /v1/dead-letters?subscriber=ID&since=ISO-8601}: the dead letters kept (without bodies);</li>
 *   <li>{@code POST /v1/dead-letters/replay?subscriber=ID&since=ISO-8601}: queues them again (newest version per story).</li>
 * </ul>
 */
final class AdminRoutes {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final SubscriberService service;
    private final String token;

    AdminRoutes(SubscriberService service, String token) {
        this.service = service;
        this.token = token == null || token.isBlank() ? null : token;
    }

    void register(RoutesConfig app) {
        app.get("/health/subscribers", ctx -> ctx.header("Cache-Control", "no-store").contentType("application/json")
                .result(service.status().json().toString()));
        app.get("/v1/subscribers", ctx -> { if (authorised(ctx)) subscribers(ctx); });
        app.get("/v1/dead-letters", ctx -> { if (authorised(ctx)) deadLetters(ctx); });
        app.post("/v1/dead-letters/replay", ctx -> { if (authorised(ctx)) replay(ctx); });
    }

    private boolean authorised(Context ctx) {
        if (token == null) {
            error(ctx, 403, "admin-disabled", "set subscribers.admin.token to use this route");
            return false;
        }
        String header = ctx.header("Authorization");
        String presented = header != null && header.startsWith("Bearer ") ? header.substring(7).strip() : "";
        if (!MessageDigest.isEqual(presented.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8))) {
            ctx.header("WWW-Authenticate", "Bearer");
            error(ctx, 401, "unauthorised", "a valid admin token is required (Authorization: Bearer ...)");
            return false;
        }
        return true;
    }

    private void subscribers(Context ctx) {
        LiveSubscribers live = service.subscribers();
        SubscriberConfig config = live.get();
        ObjectNode body = JSON.createObjectNode();
        body.put("file", live.file().toString()).put("version", LiveSubscribers.shortDigest(config.digest()))
                .put("appliedAt", live.appliedAt().toString());
        if (live.problem() != null) {
            body.put("refused", live.problem());
        }
        Map<String, WebhookDispatcher.LaneStatus> lanes = new java.util.HashMap<>();
        service.dispatcher().status().forEach(l -> lanes.put(l.subscriber(), l));
        ArrayNode list = body.putArray("subscribers");
        for (Subscriber s : config.subscribers()) {
            ObjectNode n = list.addObject().put("id", s.id()).put("name", s.name()).put("format", s.format().configName())
                    .put("apiKeys", s.apiKeyHashes().size());
            ArrayNode products = n.putArray("products");
            s.products().stream().map(Product::name).forEach(products::add);
            ObjectNode channels = n.putObject("channels");
            if (s.topic()) {
                channels.put("topic", service.topics().topicOf(s.id()));
            }
            if (s.webhook() != null) {
                ObjectNode w = channels.putObject("webhook").put("host", s.webhook().url().getHost());
                WebhookDispatcher.LaneStatus lane = lanes.get(s.id());
                w.put("state", lane == null ? "IDLE" : lane.state());
                if (lane != null) {
                    w.put("queued", lane.queued()).put("failedAttempts", lane.failedAttempts()).put("delivered", lane.delivered())
                            .put("deadLettered", lane.deadLettered()).put("oldestWaitingSeconds", lane.oldestWaiting().toSeconds());
                    if (lane.lastError() != null) {
                        w.put("lastError", lane.lastError());
                    }
                    if (lane.nextAttemptAt() != null) {
                        w.put("nextAttemptAt", lane.nextAttemptAt().toString());
                    }
                }
            }
        }
        ctx.contentType("application/json").result(body.toString());
    }

    private void deadLetters(Context ctx) {
        Instant since = since(ctx);
        if (since == Instant.MIN) {
            return;
        }
        ObjectNode body = JSON.createObjectNode();
        ArrayNode list = body.putArray("deadLetters");
        for (DeadLetterReplay.Entry e : service.deadLetters(ctx.queryParam("subscriber"), since)) {
            list.addObject().put("subscriber", e.subscriber()).put("uri", e.uri()).put("version", e.version()).put("state", e.state())
                    .put("attempts", e.attempts()).put("deadAt", String.valueOf(e.deadAt())).put("lastError", e.lastError());
        }
        ctx.contentType("application/json").result(body.toString());
    }

    private void replay(Context ctx) {
        Instant since = since(ctx);
        if (since == Instant.MIN) {
            return;
        }
        String subscriber = ctx.queryParam("subscriber");
        if (subscriber != null && service.subscribers().get().byId(subscriber) == null) {
            error(ctx, 404, "unknown-subscriber", "no subscriber '" + subscriber + "' in the subscribers file in force");
            return;
        }
        DeadLetterReplay.Result r = service.replay(subscriber, since);
        ObjectNode body = JSON.createObjectNode().put("read", r.read()).put("requeued", r.total());
        ObjectNode per = body.putObject("bySubscriber");
        r.requeued().forEach(per::put);
        ctx.contentType("application/json").result(body.toString());
    }

    /** The since parameter, null when absent; Instant.MIN (after answering 400) when it does not parse. */
    private static Instant since(Context ctx) {
        String text = ctx.queryParam("since");
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(text.strip());
        } catch (DateTimeParseException e) {
            error(ctx, 400, "bad-since", "since must be an ISO-8601 instant such as 2026-03-01T12:00:00Z");
            return Instant.MIN;
        }
    }

    private static void error(Context ctx, int status, String error, String reason) {
        ctx.status(status).contentType("application/json").result(JSON.createObjectNode().put("error", error).put("reason", reason).toString());
    }
}
