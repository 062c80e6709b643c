package io.wirestream.enrich.normalise.text;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Content-derived ids for formats that carry no guid (ANPA-1312, IPTC 7901, AP NITF without doc-id, scraped copy).
 * The hash covers the story as read (slug, headline, body text, normalised: NFC, lower case, white space collapsed),
 * never the envelope, so a re-delivered file with a new transmission number gets the same id.
 */
public final class ContentHash {

    private ContentHash() {}

    public static String of(String... parts) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (String p : parts) {
                String n = p == null ? "" : Normalizer.normalize(p, Normalizer.Form.NFC)
                        .toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").trim();
                md.update(n.getBytes(StandardCharsets.UTF_8));
                md.update((byte) 0x1F);
            }
            return HexFormat.of().formatHex(md.digest(), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JVM", e);
        }
    }

    /** The first {@code hexDigits} hex digits of SHA-256 over the exact UTF-8 bytes of {@code s} (case kept). */
    public static String hex(String s, int hexDigits) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, hexDigits);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JVM", e);
        }
    }
}
