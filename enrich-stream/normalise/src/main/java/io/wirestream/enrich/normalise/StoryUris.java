package io.wirestream.enrich.normalise;

import io.wirestream.avro.RawItem;
import io.wirestream.enrich.normalise.model.DraftArticle;
import io.wirestream.enrich.normalise.text.ContentHash;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Story uris: {@code urn:wirestream:<agency key>:<id>}, or {@code urn:wirestream:<agency key>:hash:<content hash>}
 * for formats without an id.
 */
public final class StoryUris {

    private static final Pattern PLAIN_AGENCY = Pattern.compile("[a-z0-9._-]+");
    private static final String[] TRANSPORT_URL_KEYS = {"url", "source-url", "sourceUrl", "page-url", "link"};

    private StoryUris() {}

    /**
     * urn:wirestream:&lt;agency&gt;:&lt;format id&gt; when the format (or ingest) gave an id, else
     * urn:wirestream:&lt;agency&gt;:hash:&lt;content hash&gt;. Characters a URI cannot hold are percent-encoded.
     */
    static String of(RawItem raw, DraftArticle d, String headline, List<String> paragraphs) {
        String agency = agencyKey(raw.getAgency());
        String id = d.formatId();
        if (id == null || id.isBlank()) {
            id = raw.getSourceItemId();
        }
        if (id == null || id.isBlank()) {
            id = transportUrl(raw);
        }
        if (id == null || id.isBlank()) {
            String hash = ContentHash.of(d.slug(), headline, String.join("\n", paragraphs));
            return "urn:wirestream:" + agency + ":hash:" + hash;
        }
        return "urn:wirestream:" + agency + ":" + encode(id.trim());
    }

    /** The story uri an agency's own id maps to (used for package members and other references). */
    public static String storyUri(String agency, String id) {
        return "urn:wirestream:" + agencyKey(agency) + ":" + encode(id.trim());
    }

    private static String transportUrl(RawItem raw) {
        if (raw.getTransport() == null) {
            return null;
        }
        for (String key : TRANSPORT_URL_KEYS) {
            String v = raw.getTransport().get(key);
            if (v != null && v.matches("(?i)https?://\\S+")) {
                return v;
            }
        }
        return null;
    }

    /**
     * The agency as it stands in story uris. Agencies are case-sensitive names (credentials say "AP" and "ap" are two
     * agencies), so two agencies must never share a key. A name that is already a plain lower-case key
     * ({@code [a-z0-9._-]+}) is its own key, as it always was, so stored uris stay valid. Any other name keeps the old
     * readable form and adds {@code ~} (which no plain key holds) and a digest of the exact name: "AP" becomes
     * "ap~" + 16 hex digits, distinct from "ap" and from "Ap".
     */
    public static String agencyKey(String agency) {
        if (agency == null) {
            return "unknown";
        }
        if (PLAIN_AGENCY.matcher(agency).matches()) {
            return agency;
        }
        String a = agency.trim().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]+", "-");
        return (a.isEmpty() ? "unknown" : a) + "~" + ContentHash.hex(agency, 16);
    }

    private static String encode(String id) {
        StringBuilder sb = new StringBuilder(id.length());
        for (byte b : id.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || "-._~:/?#@!$&'()*+,;=%".indexOf(c) >= 0;
            if (ok && c != '%') {
                sb.append((char) c);
            } else {
                sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
            }
        }
        String s = sb.toString();
        try {
            new URI("urn:x:" + s);
            return s;
        } catch (URISyntaxException e) {
            return s.replace("#", "%23");
        }
    }
}
