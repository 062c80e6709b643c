package io.wirestream.enrich.service.dedupe;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** A duplicate cluster is named after its head story, so its id never changes while the cluster grows. */
final class ClusterIds {

    private ClusterIds() {
    }

    static String of(String headUri) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(headUri.getBytes(StandardCharsets.UTF_8));
            return "dc-" + HexFormat.of().formatHex(digest, 0, 10);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
