package io.wirestream.ingest.publish;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

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
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(payload);
            return "sha256:" + HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
