package io.wirestream.enrich.normalise.text;

import io.wirestream.newsformats.hash.Sha256;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Locale;

/**
 * Content-derived ids for formats that carry no guid (ANPA-1312, IPTC 7901, AP NITF without doc-id, scraped copy).
 * The hash covers the story as read (slug, headline, body text, normalised: NFC, lower case, white space collapsed),
 * never the envelope, so a re-delivered file with a new transmission number gets the same id.
 */
public final class ContentHash {

    private static final int UNIT_SEPARATOR = 0x1F;

    private ContentHash() {}

    public static String of(String... parts) {
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        for (String p : parts) {
            String n = p == null ? "" : Normalizer.normalize(p, Normalizer.Form.NFC)
                    .toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").trim();
            text.writeBytes(n.getBytes(StandardCharsets.UTF_8));
            text.write(UNIT_SEPARATOR);
        }
        return Sha256.hexPrefix(text.toByteArray(), 16);
    }

    /** The first {@code hexDigits} hex digits of SHA-256 over the exact UTF-8 bytes of {@code s} (case kept). */
    public static String hex(String s, int hexDigits) {
        return Sha256.hex(s.getBytes(StandardCharsets.UTF_8)).substring(0, hexDigits);
    }
}
