package io.wirestream.enrich.normalise.text;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Datelines as wires and publishers write them at the start of a story: "MOSCOW (Sputnik) -",
 * "BUENOS AIRES, Argentina (AP) _", "Berlin (dpa) -", "STOCKHOLM, Aug 29, 2014 (AFP) -", "NEW YORK (AP) —",
 * and the source-less "WASHINGTON —".
 */
public final class Datelines {

    /** A dateline found: as written (trimmed), the place and the source (either may be {@code null}), and where the story starts. */
    public record Dateline(String written, String place, String source, int end) {}

    private static final String PLACE = "\\p{Lu}[\\p{L}.'’/ -]{0,40}?(?:, ?[\\p{L}.'’ -]{2,30}?)?";
    private static final Pattern WITH_SOURCE = Pattern.compile(
            "^\\s*(?<place>" + PLACE + ")"
                    + "(?:,? (?<date>\\p{Lu}\\p{Ll}{2,8}\\.? \\d{1,2}(?:, \\d{4})?))?"
                    + "\\s*\\((?<src>[\\p{L}\\p{N} .&'’/+-]{2,30})\\)\\s*(?<dash>[-–—_]{1,2}|:)\\s*");
    private static final Pattern CAPS_NO_SOURCE = Pattern.compile(
            "^\\s*(?<place>\\p{Lu}[\\p{Lu} .'’-]{2,40}?(?:, [\\p{L}. ]{2,30}?)?)\\s+(?<dash>—|--|–)\\s+");
    /** "(Sports Network) - ": a source in brackets, no place. */
    private static final Pattern BRACKETED_SOURCE = Pattern.compile(
            "^\\s*\\((?<src>\\p{Lu}[\\p{L}\\p{N} .&'’/+-]{1,40})\\)\\s*(?<dash>[-–—_]{1,2})\\s+");
    /** "(New York, NY - October 21) ": place and date in brackets. */
    private static final Pattern BRACKETED_PLACE_DATE = Pattern.compile(
            "^\\s*\\((?<place>" + PLACE + ")\\s*[-–—]\\s*\\p{Lu}\\p{Ll}{2,8}\\.? \\d{1,2}(?:, \\d{4})?\\)\\s*");
    private static final Set<String> CONNECTORS = Set.of(
            "de", "del", "della", "di", "da", "do", "dos", "la", "le", "les", "el", "am", "an", "der", "im", "on",
            "upon", "sur", "of", "en", "y", "i", "al", "bei", "ob", "van", "von", "aan", "op", "sul");

    private Datelines() {}

    /** Finds a dateline at the start of a lead paragraph, or returns {@code null}. */
    public static Dateline find(String lead) {
        if (lead == null || lead.length() < 6) {
            return null;
        }
        String head = lead.length() > 160 ? lead.substring(0, 160) : lead;
        Matcher m = WITH_SOURCE.matcher(head);
        if (m.find() && plausiblePlace(m.group("place")) && plausibleSource(m.group("src"))) {
            String written = head.substring(0, m.end()).trim();
            return new Dateline(written, m.group("place").trim(), m.group("src").trim(), m.end());
        }
        m = BRACKETED_SOURCE.matcher(head);
        if (m.find() && plausibleSource(m.group("src"))) {
            return new Dateline(head.substring(0, m.end()).trim(), null, m.group("src").trim(), m.end());
        }
        m = BRACKETED_PLACE_DATE.matcher(head);
        if (m.find() && plausiblePlace(m.group("place"))) {
            return new Dateline(head.substring(0, m.end()).trim(), m.group("place").trim(), null, m.end());
        }
        m = CAPS_NO_SOURCE.matcher(head);
        if (m.find() && plausiblePlace(m.group("place")) && m.group("place").replaceAll("[^\\p{L}]", "").length() >= 4) {
            String written = head.substring(0, m.end()).trim();
            return new Dateline(written, m.group("place").trim(), null, m.end());
        }
        return null;
    }

    /**
     * Reads a dateline field a format carries on its own ("STOCKHOLM, Aug 29, 2014 (AFP) -", "London (dpa) - ",
     * "ROUND ROCK, Texas"). Returns {@code null} when the field is really a timestamp or empty.
     */
    public static Dateline parseField(String field) {
        if (field == null || field.isBlank()) {
            return null;
        }
        String f = field.trim();
        Dateline d = find(f + (f.matches(".*[-–—_:]$") ? " x" : ""));
        if (d != null && d.place() != null) {
            return new Dateline(f, d.place(), d.source(), f.length());
        }
        if (f.matches("^[\\d\\s:./T+-]+(GMT|UTC|Z)?.*") || !Character.isLetter(f.charAt(0))) {
            return null; // "2014-07-17 00:24:11 GMT+00:00" is a time, not a place
        }
        String place = f.replaceAll("\\s*[-–—_:]+\\s*$", "").trim();
        // "STOCKHOLM, Aug 29, 2014" -> drop the date part
        place = place.replaceAll(",?\\s+\\p{Lu}\\p{Ll}{2,8}\\.? \\d{1,2}(, \\d{4})?$", "").trim();
        return place.isEmpty() ? null : new Dateline(f, place, null, f.length());
    }

    private static boolean plausiblePlace(String place) {
        String[] words = place.trim().split("[\\s,/]+");
        if (words.length == 0 || words.length > 6) {
            return false;
        }
        for (String w : words) {
            if (w.isEmpty()) {
                continue;
            }
            if (!Character.isUpperCase(w.codePointAt(0)) && !CONNECTORS.contains(w.toLowerCase(Locale.ROOT))) {
                return false;
            }
        }
        return true;
    }

    private static boolean plausibleSource(String src) {
        String s = src.trim();
        return !s.isEmpty() && s.split("\\s+").length <= 4 && !s.matches("\\d+");
    }
}
