package io.wirestream.newsformats.hash;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 as lowercase hex, whole or cut to its first bytes. Content ids, story keys, cluster ids, fingerprints and
 * key hashes are all this; they differ only in how many bytes they keep, which each caller states.
 */
public final class Sha256 {

    private static final HexFormat HEX = HexFormat.of();

    private Sha256() {}

    public static byte[] digest(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** All 32 bytes, as 64 hex digits. */
    public static String hex(byte[] bytes) {
        return HEX.formatHex(digest(bytes));
    }

    /** The first {@code keepBytes} bytes of the digest, as {@code 2 * keepBytes} hex digits. */
    public static String hexPrefix(byte[] bytes, int keepBytes) {
        if (keepBytes < 1 || keepBytes > 32) {
            throw new IllegalArgumentException("keepBytes must be 1..32, not " + keepBytes);
        }
        return HEX.formatHex(digest(bytes), 0, keepBytes);
    }

    /** {@link #hexPrefix(byte[], int)} of the text's UTF-8 bytes. */
    public static String hexPrefix(String text, int keepBytes) {
        return hexPrefix(text.getBytes(StandardCharsets.UTF_8), keepBytes);
    }
}
