package io.wirestream.ingest.push;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.wirestream.ingest.publish.IntakeResult;
import io.wirestream.ingest.publish.Receipt;
import java.time.Duration;

/** The JSON bodies of the push API: every reply, success or not, says what happened in words. */
final class ApiReply {

    static final ObjectMapper JSON = new ObjectMapper();

    private ApiReply() {}

    static void error(Context ctx, int status, String error, String message, Duration retryAfter) {
        ObjectNode body = JSON.createObjectNode().put("status", status).put("error", error).put("message", message);
        if (retryAfter != null) {
            long seconds = retryAfterSeconds(retryAfter);
            ctx.header("Retry-After", String.valueOf(seconds));
            body.put("retryAfterSeconds", seconds);
        }
        send(ctx, status, body);
    }

    static void send(Context ctx, int status, ObjectNode body) {
        ctx.status(status).contentType("application/json").result(body.toString());
    }

    static long retryAfterSeconds(Duration d) {
        return Math.max(1, (d.toMillis() + 999) / 1000);
    }

    /** The body of one item's outcome, used alone (single push) and inside batch replies. */
    static ObjectNode result(IntakeResult r, String agency, String key) {
        ObjectNode node = JSON.createObjectNode().put("status", r.status());
        if (r.isAccepted()) {
            Receipt receipt = r.receipt();
            node.put("receipt", receipt.token())
                    .put("itemId", receipt.itemId())
                    .put("agency", agency)
                    .put("key", key)
                    .put("topic", receipt.topic())
                    .put("partition", receipt.partition())
                    .put("offset", receipt.offset())
                    .put("receivedAt", receipt.receivedAt().toString())
                    .put("format", r.format())
                    .put("location", "/v1/items/" + receipt.token());
        } else {
            node.put("error", r.reasonCode()).put("message", r.message());
            if (r.retryAfter() != null) {
                node.put("retryAfterSeconds", retryAfterSeconds(r.retryAfter()));
            }
        }
        return node;
    }
}
