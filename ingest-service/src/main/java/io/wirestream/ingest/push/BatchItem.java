package io.wirestream.ingest.push;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * One entry of a batch request. The batch body is
 * <pre>{"items": [{"id": "...", "version": "...", "contentType": "...", "formatHint": "...",
 *                 "body": "text as is"  |  "bodyBase64": "bytes, for binary formats such as ANPA-1312"}]}</pre>
 * An entry that cannot be read is reported as such (its {@link #problem()}), without failing the others.
 */
record BatchItem(String id, String version, String contentType, String formatHint, byte[] body, String problem) {

    static List<BatchItem> parseAll(JsonNode root) {
        JsonNode items = root == null ? null : root.get("items");
        if (items == null || !items.isArray()) {
            throw new IllegalArgumentException("a batch is a JSON object with an 'items' array");
        }
        List<BatchItem> result = new ArrayList<>();
        items.forEach(node -> result.add(parse(node)));
        return result;
    }

    private static BatchItem parse(JsonNode node) {
        if (!node.isObject()) {
            return invalid("an item must be a JSON object");
        }
        String id = text(node, "id");
        String version = text(node, "version");
        String contentType = text(node, "contentType");
        String hint = text(node, "formatHint");
        String body = text(node, "body");
        String base64 = text(node, "bodyBase64");
        if ((body == null) == (base64 == null)) {
            return new BatchItem(id, version, contentType, hint, null, "give exactly one of 'body' and 'bodyBase64'");
        }
        if (body != null) {
            return new BatchItem(id, version, contentType, hint, body.getBytes(StandardCharsets.UTF_8), null);
        }
        try {
            return new BatchItem(id, version, contentType, hint, Base64.getDecoder().decode(base64), null);
        } catch (IllegalArgumentException e) {
            return new BatchItem(id, version, contentType, hint, null, "'bodyBase64' is not Base64: " + e.getMessage());
        }
    }

    private static BatchItem invalid(String problem) {
        return new BatchItem(null, null, null, null, null, problem);
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
