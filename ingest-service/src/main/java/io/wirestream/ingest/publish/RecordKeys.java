package io.wirestream.ingest.publish;

import io.wirestream.newsformats.hash.Sha256;

/**
 * The record key of a raw item. Every version of one story must land on one partition in order, so the key is the
 * agency plus the agency's own item id; when the agency gave none, the content's hash stands in (identical re-sends
 * then share a partition, and dedupe downstream recognises them).
 */
public final class RecordKeys {

    private RecordKeys() {}

    public static String keyFor(String agency, String sourceItemId, byte[] payload) {
        if (sourceItemId != null && !sourceItemId.isBlank()) {
            return agency + "/" + sourceItemId;
        }
        return agency + "/" + contentId(payload);
    }

    /** {@code sha256:} and the first 128 bits of the payload's SHA-256, in hex. */
    public static String contentId(byte[] payload) {
        return "sha256:" + Sha256.hexPrefix(payload, 16);
    }
}
