package io.wirestream.enrich.normalise.text;

import io.wirestream.enrich.normalise.model.WireTime;
import java.time.Instant;
import java.time.ZoneId;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Embargoes that envelope formats (ANPA-1312, IPTC 7901) and editors' notes write as text: "EMBARGOED until
 * 12:01 a.m. EST, Jan. 25, 2024", "Eds: Embargoed for release at 0001 GMT 25 January 2024", "SPERRFRIST 25.01.2024
 * 06:00 MEZ", "HOLD FOR RELEASE until ...". Only a complete date is taken; a vague "embargoed until Thursday" is not.
 */
public final class Embargoes {

    private static final Pattern EMBARGO = Pattern.compile(
            "(?i)\\b(?:embargo(?:ed)?|sperrfrist|hold for release)\\b\\W{0,3}(?:until|till|for release(?: at)?|bis|:)?\\s*(.{4,90})");
    private static final Pattern HHMM = Pattern.compile("(?<![\\d:.])([01]\\d|2[0-3])([0-5]\\d)(?=\\s*(?:GMT|UTC|Z)\\b)");

    private Embargoes() {}

    /** The embargo a line announces, or {@code null}. */
    public static WireTime find(String line, ZoneId zone, Instant reference) {
        if (line == null) {
            return null;
        }
        Matcher m = EMBARGO.matcher(line);
        if (!m.find()) {
            return null;
        }
        // wires write "0001 GMT": give the loose reader a colon
        String when = HHMM.matcher(m.group(1)).replaceAll("$1:$2");
        return WireDates.parseLoose(when, zone, reference);
    }
}
