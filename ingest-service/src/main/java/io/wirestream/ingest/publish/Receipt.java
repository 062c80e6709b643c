package io.wirestream.ingest.publish;

import java.time.Instant;

/**
 * Proof that Kafka holds an item: where it sits on the raw topic. {@link #token()} is what an agency keeps and later
 * hands to {@code GET /v1/items/{receipt}}; it carries the position, so a lookup needs no index of its own and still
 * works after a restart.
 */
public record Receipt(String itemId, String topic, int partition, long offset, Instant receivedAt) {

    /** {@code <partition>-<offset>-<itemId>}. */
    public String token() {
        return partition + "-" + offset + "-" + itemId;
    }

    /** The position a token points at. */
    public record Position(int partition, long offset, String itemId) {}

    /** Reads a token back; throws {@link IllegalArgumentException} when it is not one. */
    public static Position parse(String token) {
        String[] parts = token == null ? new String[0] : token.split("-", 3);
        if (parts.length != 3 || parts[2].isBlank()) {
            throw new IllegalArgumentException("not a receipt: '" + token + "'");
        }
        try {
            int partition = Integer.parseInt(parts[0]);
            long offset = Long.parseLong(parts[1]);
            if (partition < 0 || offset < 0) {
                throw new IllegalArgumentException("not a receipt: '" + token + "'");
            }
            return new Position(partition, offset, parts[2]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a receipt: '" + token + "'");
        }
    }
}
