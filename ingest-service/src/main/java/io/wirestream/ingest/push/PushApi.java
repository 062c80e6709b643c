package io.wirestream.ingest.push;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.wirestream.avro.IngestChannel;
import io.wirestream.avro.RawItem;
import io.wirestream.ingest.auth.CredentialStore;
import io.wirestream.ingest.fate.FateLookup;
import io.wirestream.ingest.limit.AgencyRateLimiter;
import io.wirestream.ingest.limit.LookupLimits;
import io.wirestream.ingest.publish.IncomingItem;
import io.wirestream.ingest.publish.IntakeResult;
import io.wirestream.ingest.publish.ItemIntake;
import io.wirestream.ingest.publish.KafkaUnavailableException;
import io.wirestream.ingest.publish.Receipt;
import io.wirestream.ingest.publish.ReceiptLookup;
import io.wirestream.ingest.publish.RecordKeys;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The push API. Every reply is JSON; 202 means Kafka acknowledged the item with acks=all, nothing less.
 * <ul>
 *   <li>{@code POST /v1/items} (or {@code /v1/agencies/{agency}/items}): the body is one item, as is.
 *       Headers: {@code X-Item-Id}, {@code X-Item-Version}, {@code X-Format-Hint}, {@code Content-Type}.</li>
 *   <li>{@code POST /v1/items/batch} (or {@code /v1/agencies/{agency}/items/batch}): several items, one result each.</li>
 *   <li>{@code GET /v1/items/{receipt}}: whether Kafka holds the item the receipt names, and what became of it
 *       downstream (asked of publish-service, see {@link FateLookup}). Only the receipt's own agency learns
 *       anything: for any other key it is a 404 like a receipt that names nothing, so receipts cannot be probed.</li>
 * </ul>
 */
public final class PushApi {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(PushApi.class);

    public static final String ITEM_ID_HEADER = "X-Item-Id";
    public static final String ITEM_VERSION_HEADER = "X-Item-Version";
    public static final String FORMAT_HINT_HEADER = "X-Format-Hint";
    /** Request headers copied into the raw item's transport map: useful for tracing a delivery back to its sender. */
    private static final List<String> KEPT_HEADERS = List.of("User-Agent", "X-Request-Id", "X-Forwarded-For", "Date", "Content-Encoding");

    private final PushAuthenticator authenticator;
    private final AgencyRateLimiter rateLimiter;
    private final ItemIntake intake;
    private final ReceiptLookup lookup;
    private final FateLookup fates;
    private final LookupLimits lookupLimits;
    private final int batchMaxItems;
    private final long batchMaxBytes;

    public PushApi(CredentialStore credentials, AgencyRateLimiter rateLimiter, ItemIntake intake, ReceiptLookup lookup,
            FateLookup fates, LookupLimits lookupLimits, int batchMaxItems, long batchMaxBytes) {
        this.authenticator = new PushAuthenticator(credentials);
        this.rateLimiter = rateLimiter;
        this.intake = intake;
        this.lookup = lookup;
        this.fates = fates;
        this.lookupLimits = lookupLimits;
        this.batchMaxItems = batchMaxItems;
        this.batchMaxBytes = batchMaxBytes;
    }

    /** Declares the push API's routes and exception handlers on a Javalin app's route config. */
    public void register(RoutesConfig app) {
        app.post("/v1/items", ctx -> pushOne(ctx, null));
        app.post("/v1/agencies/{agency}/items", ctx -> pushOne(ctx, ctx.pathParam("agency")));
        app.post("/v1/items/batch", ctx -> pushBatch(ctx, null));
        app.post("/v1/agencies/{agency}/items/batch", ctx -> pushBatch(ctx, ctx.pathParam("agency")));
        app.get("/v1/items/{receipt}", this::lookUp);
        // whatever goes wrong, the caller gets JSON with a reason, and never a 2xx
        app.exception(HttpResponseException.class, (e, ctx) ->
                ApiReply.error(ctx, e.getStatus(), "http_" + e.getStatus(), e.getMessage(), null));
        app.exception(Exception.class, (e, ctx) -> {
            if (connectionGone(e)) {
                // a client that went away, or a slow one the connection guard cut off: nothing was taken, and nobody
                // reads the answer, which is still a refusal: a handler that sets nothing would leave Javalin's 200
                log.info("{} {}: the connection closed before the request was read ({})", ctx.method(), ctx.path(), e.toString());
                ctx.header("Connection", "close");
                ApiReply.error(ctx, 400, "http_400", "the connection closed before the request was read", null);
                return;
            }
            log.error("{} {} failed", ctx.method(), ctx.path(), e);
            ApiReply.error(ctx, 500, "internal", "unexpected error (" + e.getClass().getSimpleName() + "); resend with the same X-Item-Id", null);
        });
    }

    private void pushOne(Context ctx, String agencyInPath) throws java.io.IOException {
        String agency = admit(ctx, agencyInPath, 1, intake.maxItemBytes());
        if (agency == null) {
            return;
        }
        byte[] body = readBody(ctx, agency, intake.maxItemBytes(), "the item");
        if (body == null) {
            return;
        }
        IncomingItem item = new IncomingItem(agency, blankToNull(ctx.header(ITEM_ID_HEADER)), blankToNull(ctx.header(ITEM_VERSION_HEADER)),
                blankToNull(ctx.header("Content-Type")), blankToNull(ctx.header(FORMAT_HINT_HEADER)), IngestChannel.PUSH, transport(ctx), body);
        IntakeResult result = intake.offer(item);
        ObjectNode reply = ApiReply.result(result, agency, RecordKeys.keyFor(agency, item.sourceItemId(), body));
        if (result.isAccepted()) {
            ctx.header("Location", "/v1/items/" + result.receipt().token());
        }
        if (result.retryAfter() != null) {
            ctx.header("Retry-After", String.valueOf(ApiReply.retryAfterSeconds(result.retryAfter())));
        }
        ApiReply.send(ctx, result.status(), reply);
    }

    private void pushBatch(Context ctx, String agencyInPath) throws java.io.IOException {
        // one item's worth of rate is taken before the body is read, so an agency over its rate costs no reading;
        // the rest of the batch's items are charged once they are counted
        String agency = admit(ctx, agencyInPath, 1, batchMaxBytes);
        if (agency == null) {
            return;
        }
        byte[] raw = readBody(ctx, agency, batchMaxBytes, "the batch");
        if (raw == null) {
            return;
        }
        List<BatchItem> items;
        try {
            items = BatchItem.parseAll(ApiReply.JSON.readTree(raw));
        } catch (Exception e) {
            refuse(ctx, agency, 400, "bad_batch", "the batch is not readable JSON of the form {\"items\":[...]}: " + e.getMessage(), null, raw.length);
            return;
        }
        if (items.isEmpty()) {
            refuse(ctx, agency, 422, "empty", "the batch holds no items", null, raw.length);
            return;
        }
        if (items.size() > batchMaxItems) {
            refuse(ctx, agency, 413, "too_many_items", "the batch has " + items.size() + " items, the limit is " + batchMaxItems, null, raw.length);
            return;
        }
        Duration wait = items.size() > 1 ? rateLimiter.tryAcquire(agency, items.size() - 1) : Duration.ZERO;
        if (!wait.isZero()) {
            refuse(ctx, agency, 429, "rate_limited", "agency '" + agency + "' is over its push rate; retry later", wait, raw.length);
            return;
        }
        Map<String, String> transport = transport(ctx);
        List<IncomingItem> readable = new ArrayList<>();
        for (BatchItem b : items) {
            if (b.problem() == null) {
                readable.add(new IncomingItem(agency, blankToNull(b.id()), blankToNull(b.version()), blankToNull(b.contentType()),
                        blankToNull(b.formatHint()), IngestChannel.PUSH, transport, b.body()));
            }
        }
        Iterator<IntakeResult> outcomes = intake.offerAll(readable).iterator();
        Iterator<IncomingItem> offered = readable.iterator();
        ArrayNode results = ApiReply.JSON.createArrayNode();
        int accepted = 0;
        int unavailable = 0;
        Duration retryAfter = null;
        for (int i = 0; i < items.size(); i++) {
            BatchItem b = items.get(i);
            ObjectNode node;
            if (b.problem() != null) {
                intake.countRefusal(agency, "push", "bad_item", 0);
                node = ApiReply.JSON.createObjectNode().put("status", 422).put("error", "bad_item").put("message", b.problem());
            } else {
                IncomingItem item = offered.next();
                IntakeResult r = outcomes.next();
                accepted += r.isAccepted() ? 1 : 0;
                if (r.isTransient()) {
                    unavailable++;
                    retryAfter = r.retryAfter();
                }
                node = ApiReply.result(r, agency, RecordKeys.keyFor(agency, item.sourceItemId(), item.payload()));
            }
            node.put("index", i);
            if (b.id() != null && b.id().length() <= intake.maxIdBytes()) { // an over-long id is refused, not echoed back whole
                node.put("id", b.id());
            }
            results.add(node);
        }
        // 202 only when every item is in Kafka; 503 when Kafka took none; otherwise each item's own status tells
        int status = accepted == items.size() ? 202 : unavailable == items.size() ? 503 : 207;
        if (retryAfter != null) {
            ctx.header("Retry-After", String.valueOf(ApiReply.retryAfterSeconds(retryAfter)));
        }
        ObjectNode reply = ApiReply.JSON.createObjectNode().put("status", status).put("agency", agency)
                .put("accepted", accepted).put("rejected", items.size() - accepted);
        reply.set("results", results);
        ApiReply.send(ctx, status, reply);
    }

    private void lookUp(Context ctx) {
        PushAuthenticator.Outcome auth = authenticator.authenticate(ctx, null);
        if (!auth.allowed()) {
            ApiReply.error(ctx, auth.status(), auth.error(), auth.message(), null);
            return;
        }
        LookupLimits.Refusal refusal = lookupLimits.admit(auth.agency());
        if (refusal != null) {
            ApiReply.error(ctx, refusal.status(), refusal.reason(), refusal.message(), refusal.retryAfter());
            return;
        }
        try {
            lookUp(ctx, auth.agency());
        } finally {
            lookupLimits.release(auth.agency());
        }
    }

    private void lookUp(Context ctx, String agency) {
        Receipt.Position position;
        try {
            position = Receipt.parse(ctx.pathParam("receipt"));
        } catch (IllegalArgumentException e) {
            ApiReply.error(ctx, 404, "not_found", e.getMessage() + " (receipts look like <partition>-<offset>-<itemId>)", null);
            return;
        }
        Optional<ReceiptLookup.StoredItem> found;
        try {
            found = lookup.find(position);
        } catch (KafkaUnavailableException e) {
            ApiReply.error(ctx, 503, "kafka_unavailable", e.getMessage(), intake.retryAfter());
            return;
        }
        // another agency's receipt answers exactly as one that names nothing: a key cannot learn what others pushed
        if (found.isEmpty() || !found.get().item().getAgency().equals(agency)) {
            ApiReply.error(ctx, 404, "not_found", "no item of yours with this receipt is on the raw topic (never taken, "
                    + "another agency's, or past retention)", null);
            return;
        }
        RawItem item = found.get().item();
        ObjectNode body = ApiReply.JSON.createObjectNode().put("status", "stored")
                .put("receipt", ctx.pathParam("receipt"))
                .put("itemId", item.getItemId())
                .put("agency", item.getAgency())
                .put("sourceItemId", item.getSourceItemId())
                .put("sourceVersion", item.getSourceVersion())
                .put("topic", io.wirestream.contracts.topics.Topics.RAW.name())
                .put("partition", found.get().partition())
                .put("offset", found.get().offset())
                .put("receivedAt", item.getReceivedAt().toString())
                .put("bytes", item.getPayload().remaining());
        body.set("fate", fates.fateOf(item.getItemId()));
        ApiReply.send(ctx, 200, body);
    }

    /** Authentication, declared size and rate: everything decided before the body is read. Null when refused. */
    private String admit(Context ctx, String agencyInPath, int items, long maxBytes) {
        PushAuthenticator.Outcome auth = authenticator.authenticate(ctx, agencyInPath);
        if (!auth.allowed()) {
            intake.countRefusal("unknown", "push", auth.status() == 401 ? "unauthenticated" : "forbidden", 0);
            ApiReply.error(ctx, auth.status(), auth.error(), auth.message(), null);
            return null;
        }
        String agency = auth.agency();
        // the long form: the servlet's int Content-Length is -1 for a body declared over 2 GiB, which would pass
        long declared = ctx.req().getContentLengthLong();
        if (declared > maxBytes) {
            refuse(ctx, agency, 413, "too_large", "the body is declared as " + declared + " bytes, the limit is " + maxBytes, null, 0);
            return null;
        }
        if (items > 0) {
            Duration wait = rateLimiter.tryAcquire(agency, items);
            if (!wait.isZero()) {
                refuse(ctx, agency, 429, "rate_limited", "agency '" + agency + "' is over its push rate; retry later", wait, 0);
                return null;
            }
        }
        return agency;
    }

    /** The body, read no further than the limit (chunked or not); null when refused (413 sent). */
    private byte[] readBody(Context ctx, String agency, long limit, String what) throws java.io.IOException {
        try {
            return BoundedBody.read(ctx.req().getInputStream(), limit);
        } catch (BoundedBody.TooLargeException e) {
            ctx.header("Connection", "close"); // the rest of the body is never read: this connection cannot carry another request
            refuse(ctx, agency, 413, "too_large", what + " goes past the limit: the limit is " + limit + " bytes (reading stopped there)", null, e.bytesRead());
            return null;
        }
    }

    private void refuse(Context ctx, String agency, int status, String reason, String message, Duration retryAfter, long bytes) {
        intake.countRefusal(agency, "push", reason, bytes);
        ApiReply.error(ctx, status, reason, message, retryAfter);
    }

    private static Map<String, String> transport(Context ctx) {
        Map<String, String> t = new HashMap<>();
        t.put("remoteAddress", ctx.req().getRemoteAddr());
        t.put("path", ctx.path());
        t.put("receivedVia", "http");
        for (String h : KEPT_HEADERS) {
            String v = ctx.header(h);
            if (v != null && !v.isBlank()) {
                t.put(h.toLowerCase(java.util.Locale.ROOT), v.length() > 512 ? v.substring(0, 512) : v);
            }
        }
        return t;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static boolean connectionGone(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.nio.channels.ClosedChannelException || t instanceof org.eclipse.jetty.io.EofException) {
                return true;
            }
        }
        return false;
    }
}
