package io.wirestream.enrich.normalise.text;

import io.wirestream.enrich.normalise.model.WireTime;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Embargoes that envelope formats (ANPA-1312, IPTC 7901) and editors' notes write as text: "EMBARGOED until
 * 12:01 a.m. EST, Jan. 25, 2024", "Eds: Embargoed for release at 0001 GMT 25 January 2024", "SPERRFRIST 25.01.2024
 * 06:00 MEZ", "HOLD FOR RELEASE until ...", "Eds: do not use before 0600 GMT".
 *
 * <p>Two questions, kept apart on purpose: does the text announce an embargo at all ({@link #isMarker}), and can its
 * time be read ({@link #resolve}). A marker whose time cannot be read withholds the story (the assembler decides),
 * so a vague time must never be mistaken for "no embargo". A time without a date ("0001 GMT Thursday", "0600 GMT")
 * is read relative to the item's own time: the first such moment after it.
 */
public final class Embargoes {

    /** Words that announce an embargo wherever they stand in an advisory line. */
    private static final Pattern MARKER = Pattern.compile(
            "(?:\\bEMBARGO(?:ED)?\\b|(?i:\\bembargo(?:ed)?\\s*(?:until|till|for\\s+release)\\b|\\bembargo\\s*:|\\bembargoed\\b"
                    + "|\\bsperrfrist\\b|\\bhold for release\\b|\\bnot for (?:publication|release|use|broadcast)\\s+"
                    + "(?:before|until|till)\\b|\\bdo not (?:use|publish|release|broadcast)\\s+(?:before|until|till)\\b"
                    + "|\\bfor release (?:at|after)\\b))");
    private static final Pattern EMBARGO = Pattern.compile(
            "(?i)\\b(?:embargo(?:ed)?|sperrfrist|hold for release|before|until|till|release at|release after)\\b"
                    + "\\W{0,3}(?:until|till|for release(?: at)?|bis|:)?\\s*(.{4,90})");
    private static final Pattern HHMM = Pattern.compile("(?<![\\d:.])([01]\\d|2[0-3])([0-5]\\d)(?=\\s*(?:GMT|UTC|Z)\\b)");
    /** A clock time: "0001 GMT", "00:01 GMT", "12:01 a.m. EST", "6 p.m. EDT", "06.00 MEZ". */
    private static final Pattern CLOCK = Pattern.compile(
            "(?i)(?<![\\d:.])(?:(?<hhmm>[01]\\d|2[0-3])(?<mm>[0-5]\\d)(?=\\s*[A-Z]{1,4}\\b)"
                    + "|(?<h>\\d{1,2})(?:[:.](?<m>[0-5]\\d))?\\s*(?<ap>[ap])\\.?m\\.?"
                    + "|(?<h24>[01]?\\d|2[0-3])[:.h](?<m24>[0-5]\\d))(?![\\d])");
    private static final Map<String, DayOfWeek> WEEKDAYS = Map.ofEntries(
            Map.entry("monday", DayOfWeek.MONDAY), Map.entry("tuesday", DayOfWeek.TUESDAY),
            Map.entry("wednesday", DayOfWeek.WEDNESDAY), Map.entry("thursday", DayOfWeek.THURSDAY),
            Map.entry("friday", DayOfWeek.FRIDAY), Map.entry("saturday", DayOfWeek.SATURDAY),
            Map.entry("sunday", DayOfWeek.SUNDAY),
            Map.entry("montag", DayOfWeek.MONDAY), Map.entry("dienstag", DayOfWeek.TUESDAY),
            Map.entry("mittwoch", DayOfWeek.WEDNESDAY), Map.entry("donnerstag", DayOfWeek.THURSDAY),
            Map.entry("freitag", DayOfWeek.FRIDAY), Map.entry("samstag", DayOfWeek.SATURDAY),
            Map.entry("sonntag", DayOfWeek.SUNDAY));
    private static final Pattern WEEKDAY = Pattern.compile(
            "(?i)\\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday|montag|dienstag|mittwoch|donnerstag"
                    + "|freitag|samstag|sonntag)\\b");
    private static final Pattern RELATIVE_DAY = Pattern.compile("(?i)\\b(today|tonight|tomorrow|heute|morgen)\\b");

    private Embargoes() {}

    /** True when the line announces an embargo ("EMBARGOED", "embargoed until", "do not use before", "Sperrfrist"). */
    public static boolean isMarker(String line) {
        return line != null && !line.isBlank() && MARKER.matcher(line).find();
    }

    /**
     * The embargo a line announces when it carries a full date, or {@code null}. Kept for the envelope readers that
     * have only a reference for two-digit years; {@link #resolve} also reads times without a date.
     */
    public static WireTime find(String line, ZoneId zone, Instant reference) {
        if (!isMarker(line)) {
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

    /**
     * The embargo time of a marker line: a full date when written, else a clock time (with an optional weekday or
     * "tomorrow") taken as the first such moment after {@code itemTime}. {@code null} when the line is no marker or
     * its time cannot be read without guessing (no clock time, no item time, two weekdays, ...).
     */
    public static WireTime resolve(String line, ZoneId zone, Instant itemTime) {
        WireTime full = find(line, zone, itemTime);
        if (full != null || !isMarker(line) || itemTime == null) {
            return full;
        }
        Matcher c = CLOCK.matcher(line);
        if (!c.find()) {
            return null;
        }
        LocalTime time = clock(c);
        if (time == null || c.find()) {
            return null; // no time, or two times: which one is meant is a guess
        }
        Matcher w = WEEKDAY.matcher(line);
        DayOfWeek weekday = w.find() ? WEEKDAYS.get(w.group(1).toLowerCase(Locale.ROOT)) : null;
        if (weekday != null && w.find() && WEEKDAYS.get(w.group(1).toLowerCase(Locale.ROOT)) != weekday) {
            return null;
        }
        Matcher r = RELATIVE_DAY.matcher(line);
        String relative = r.find() ? r.group(1).toLowerCase(Locale.ROOT) : null;
        if (weekday != null && relative != null) {
            return null;
        }
        ZoneOffset written = WireDates.findZone(line);
        ZoneId at = written != null ? written : zone;
        ZonedDateTime ref = itemTime.atZone(at);
        LocalDate day = ref.toLocalDate();
        if ("tomorrow".equals(relative) || "morgen".equals(relative)) {
            day = day.plusDays(1);
        }
        ZonedDateTime candidate = ZonedDateTime.of(day, time, at);
        if (weekday != null) {
            while (candidate.getDayOfWeek() != weekday || !candidate.isAfter(ref)) {
                candidate = candidate.plusDays(1);
            }
        } else if (relative == null && !candidate.isAfter(ref)) {
            candidate = candidate.plusDays(1); // "until 0600 GMT" sent at 0700: the next morning
        }
        WireTime t = WireTime.item(candidate.toInstant());
        return written != null ? t : new WireTime(t.instant(), io.wirestream.enrich.normalise.model.TimeSource.ITEM_NO_ZONE);
    }

    private static LocalTime clock(Matcher c) {
        if (c.group("hhmm") != null) {
            return LocalTime.of(Integer.parseInt(c.group("hhmm")), Integer.parseInt(c.group("mm")));
        }
        if (c.group("h") != null) {
            int h = Integer.parseInt(c.group("h"));
            if (h < 1 || h > 12) {
                return null;
            }
            int m = c.group("m") == null ? 0 : Integer.parseInt(c.group("m"));
            return LocalTime.of(h % 12 + (c.group("ap").equalsIgnoreCase("p") ? 12 : 0), m);
        }
        return LocalTime.of(Integer.parseInt(c.group("h24")), Integer.parseInt(c.group("m24")));
    }
}
