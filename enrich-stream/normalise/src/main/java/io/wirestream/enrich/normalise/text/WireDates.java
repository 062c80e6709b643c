package io.wirestream.enrich.normalise.text;

import io.wirestream.enrich.normalise.model.TimeSource;
import io.wirestream.enrich.normalise.model.WireTime;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Agency date styles, parsed rather than guessed. A value with a zone or offset becomes an instant directly
 * ({@link TimeSource#ITEM}); a value without one is read in the zone the caller assumes for the agency and is marked
 * {@link TimeSource#ITEM_NO_ZONE}. Zone abbreviations are only accepted where they have one fixed meaning
 * (the RFC 822 ones, GMT/UTC and a few unambiguous European and Asian ones).
 */
public final class WireDates {

    private static final Map<String, ZoneOffset> ABBREVIATIONS = Map.ofEntries(
            Map.entry("GMT", ZoneOffset.UTC), Map.entry("UTC", ZoneOffset.UTC), Map.entry("UT", ZoneOffset.UTC),
            Map.entry("Z", ZoneOffset.UTC),
            Map.entry("EST", ZoneOffset.ofHours(-5)), Map.entry("EDT", ZoneOffset.ofHours(-4)),
            Map.entry("CST", ZoneOffset.ofHours(-6)), Map.entry("CDT", ZoneOffset.ofHours(-5)),
            Map.entry("MST", ZoneOffset.ofHours(-7)), Map.entry("MDT", ZoneOffset.ofHours(-6)),
            Map.entry("PST", ZoneOffset.ofHours(-8)), Map.entry("PDT", ZoneOffset.ofHours(-7)),
            Map.entry("BST", ZoneOffset.ofHours(1)), Map.entry("CET", ZoneOffset.ofHours(1)),
            Map.entry("CEST", ZoneOffset.ofHours(2)), Map.entry("MEZ", ZoneOffset.ofHours(1)),
            Map.entry("MESZ", ZoneOffset.ofHours(2)), Map.entry("EET", ZoneOffset.ofHours(2)),
            Map.entry("EEST", ZoneOffset.ofHours(3)), Map.entry("MSK", ZoneOffset.ofHours(3)),
            Map.entry("JST", ZoneOffset.ofHours(9)), Map.entry("KST", ZoneOffset.ofHours(9)),
            Map.entry("HKT", ZoneOffset.ofHours(8)), Map.entry("SGT", ZoneOffset.ofHours(8)),
            Map.entry("AEST", ZoneOffset.ofHours(10)), Map.entry("AEDT", ZoneOffset.ofHours(11)),
            Map.entry("NZST", ZoneOffset.ofHours(12)), Map.entry("NZDT", ZoneOffset.ofHours(13)));

    private static final Map<String, Integer> MONTHS = Map.ofEntries(
            Map.entry("jan", 1), Map.entry("feb", 2), Map.entry("mar", 3), Map.entry("apr", 4), Map.entry("may", 5),
            Map.entry("jun", 6), Map.entry("jul", 7), Map.entry("aug", 8), Map.entry("sep", 9), Map.entry("oct", 10),
            Map.entry("nov", 11), Map.entry("dec", 12),
            // German and French month names seen on European wires
            Map.entry("jän", 1), Map.entry("mär", 3), Map.entry("mai", 5), Map.entry("okt", 10), Map.entry("dez", 12),
            Map.entry("janv", 1), Map.entry("févr", 2), Map.entry("fevr", 2), Map.entry("mars", 3), Map.entry("avr", 4),
            Map.entry("juin", 6), Map.entry("juil", 7), Map.entry("août", 8), Map.entry("aout", 8), Map.entry("sept", 9),
            Map.entry("déc", 12));

    /** ISO-8601 extended: 2022-10-11T11:14:42+02:00, 2014-07-17T00:24:11.000Z, 2017-08-24T04:38:34+0000, no zone. */
    private static final DateTimeFormatter ISO_EXTENDED = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .optionalStart().appendLiteral('T').optionalEnd()
            .optionalStart().appendLiteral(' ').optionalEnd()
            .appendValue(ChronoField.HOUR_OF_DAY, 2).appendLiteral(':').appendValue(ChronoField.MINUTE_OF_HOUR, 2)
            .optionalStart().appendLiteral(':').appendValue(ChronoField.SECOND_OF_MINUTE, 2)
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true).optionalEnd()
            .optionalEnd()
            .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HH", "Z").optionalEnd()
            .toFormatter(Locale.ROOT);

    /** ISO-8601 basic as NITF and NewsML 1 write it: 20131020T192751+1100, 20151210T191044Z, 20140829T1349Z. */
    private static final DateTimeFormatter ISO_BASIC = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .appendValue(ChronoField.YEAR, 4).appendValue(ChronoField.MONTH_OF_YEAR, 2).appendValue(ChronoField.DAY_OF_MONTH, 2)
            .appendLiteral('T')
            .appendValue(ChronoField.HOUR_OF_DAY, 2).appendValue(ChronoField.MINUTE_OF_HOUR, 2)
            .optionalStart().appendValue(ChronoField.SECOND_OF_MINUTE, 2).optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .toFormatter(Locale.ROOT);

    private static final Pattern TIME = Pattern.compile(
            "(?<![\\d:])(\\d{1,2})[:.](\\d{2})(?:[:.](\\d{2}))?\\s*(?:([ap])\\.?m\\.?)?(?![\\d])", Pattern.CASE_INSENSITIVE);
    private static final Pattern ZONE = Pattern.compile(
            "(?<![\\p{L}])(GMT|UTC|UT|Z|EST|EDT|CST|CDT|MST|MDT|PST|PDT|BST|CET|CEST|MEZ|MESZ|EET|EEST|MSK|JST|KST|HKT|SGT|AEST|AEDT|NZST|NZDT)"
                    + "(?:\\s*([+-]\\d{1,2})(?::?(\\d{2}))?)?(?![\\p{L}])"
                    + "|(?<![\\d:])([+-])(\\d{2}):?(\\d{2})(?!\\d)");
    private static final Pattern DAY_MONTH_YEAR = Pattern.compile(
            "(?<!\\d)(\\d{1,2})\\.?\\s*(\\p{L}{3,9})\\.?,?\\s+(\\d{4})(?!\\d)");
    private static final Pattern MONTH_DAY_YEAR = Pattern.compile(
            "(?<![\\p{L}])(\\p{L}{3,9})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})(?!\\d)");
    private static final Pattern NUMERIC_DMY = Pattern.compile("(?<![\\d.])(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4})(?!\\d)");
    private static final Pattern NUMERIC_YMD = Pattern.compile("(?<!\\d)(\\d{4})-(\\d{2})-(\\d{2})(?!\\d)");
    private static final Pattern DTG_7901 = Pattern.compile(
            "(\\d{2})(\\d{2})(\\d{2})\\s*(?:(\\p{Lu}{1,5})\\s+)?(\\p{L}{3})\\p{L}*\\.?\\s+(\\d{2,4})");
    private static final Pattern ANPA_TRAILER = Pattern.compile(
            "(\\d{1,2})-(\\d{1,2})-(\\d{2,4})\\s+(\\d{2})(\\d{2})(?:\\s*(\\p{Lu}{1,5})\\b)?");

    private WireDates() {}

    /**
     * Parses the structured date-time forms formats use (ISO-8601 extended and basic, RFC 822/1123, "2014-07-17
     * 00:24:11 GMT+00:00"), falling back to {@link #parseLoose}. Returns {@code null} when nothing parses.
     */
    public static WireTime parse(String value, ZoneId assumedZone) {
        if (value == null) {
            return null;
        }
        String s = value.trim();
        if (s.isEmpty()) {
            return null;
        }
        WireTime iso = tryIso(s, ISO_EXTENDED, assumedZone);
        if (iso != null) {
            return iso;
        }
        iso = tryIso(s, ISO_BASIC, assumedZone);
        if (iso != null) {
            return iso;
        }
        if (s.length() == 10 && NUMERIC_YMD.matcher(s).matches()) {
            try {
                LocalDate d = LocalDate.parse(s);
                return new WireTime(d.atStartOfDay(assumedZone).toInstant(), TimeSource.ITEM_NO_ZONE);
            } catch (DateTimeException e) {
                return null;
            }
        }
        try {
            return WireTime.item(OffsetDateTime.parse(s, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
        } catch (DateTimeParseException ignored) {
            // fall through to the loose reader, which knows zone abbreviations and two-digit years
        }
        return parseLoose(s, assumedZone, null);
    }

    private static WireTime tryIso(String s, DateTimeFormatter f, ZoneId assumedZone) {
        try {
            TemporalAccessor t = f.parse(s);
            LocalDateTime ldt = LocalDateTime.of(
                    LocalDate.of(t.get(ChronoField.YEAR), t.get(ChronoField.MONTH_OF_YEAR), t.get(ChronoField.DAY_OF_MONTH)),
                    LocalTime.of(t.get(ChronoField.HOUR_OF_DAY), t.get(ChronoField.MINUTE_OF_HOUR),
                            t.isSupported(ChronoField.SECOND_OF_MINUTE) ? t.get(ChronoField.SECOND_OF_MINUTE) : 0,
                            t.isSupported(ChronoField.NANO_OF_SECOND) ? t.get(ChronoField.NANO_OF_SECOND) : 0));
            if (t.isSupported(ChronoField.OFFSET_SECONDS)) {
                return WireTime.item(ldt.toInstant(ZoneOffset.ofTotalSeconds(t.get(ChronoField.OFFSET_SECONDS))));
            }
            return new WireTime(ldt.atZone(assumedZone).toInstant(), TimeSource.ITEM_NO_ZONE);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /**
     * Reads a date and a time from free text as web pages and agency trailers write them: "18:59 GMT24 June 2021",
     * "24 June 2021, 18:59 GMT", "June 24, 2021 6:59 PM EDT", "24.06.2021 18:59 MESZ", "2021-06-24 18:59 UTC",
     * "Tue, 10 Jun 2003 04:00:00 EST". Needs a full date (day, month, year); without a time the day starts at
     * midnight. Without a zone, {@code assumedZone} is used and the result is {@link TimeSource#ITEM_NO_ZONE}.
     *
     * @param reference when not {@code null}, two-digit years are read relative to it
     */
    public static WireTime parseLoose(String text, ZoneId assumedZone, Instant reference) {
        if (text == null || text.isBlank() || text.length() > 200) {
            return null;
        }
        LocalDate date = findDate(text);
        if (date == null) {
            return null;
        }
        LocalTime time = LocalTime.MIDNIGHT;
        Matcher tm = TIME.matcher(text);
        while (tm.find()) {
            int h = Integer.parseInt(tm.group(1));
            int m = Integer.parseInt(tm.group(2));
            int sec = tm.group(3) == null ? 0 : Integer.parseInt(tm.group(3));
            // skip numbers that are part of the date itself (24.06.2021 has "24.06")
            if (text.regionMatches(tm.end(), ".", 0, 1) && tm.group(3) == null && tm.group(4) == null) {
                continue;
            }
            if (tm.group(4) != null) {
                boolean pm = tm.group(4).equalsIgnoreCase("p");
                if (h < 1 || h > 12) {
                    continue;
                }
                h = (h % 12) + (pm ? 12 : 0);
            }
            if (h <= 23 && m <= 59 && sec <= 59) {
                time = LocalTime.of(h, m, sec);
                break;
            }
        }
        ZoneOffset offset = findZone(text);
        LocalDateTime ldt = LocalDateTime.of(date, time);
        if (offset != null) {
            return WireTime.item(ldt.toInstant(offset));
        }
        return new WireTime(ldt.atZone(assumedZone).toInstant(), TimeSource.ITEM_NO_ZONE);
    }

    /** A zone abbreviation or offset in free text, or {@code null}. */
    static ZoneOffset findZone(String text) {
        Matcher zm = ZONE.matcher(text);
        while (zm.find()) {
            try {
                if (zm.group(1) != null) {
                    ZoneOffset base = ABBREVIATIONS.get(zm.group(1).toUpperCase(Locale.ROOT));
                    if ("Z".equals(zm.group(1)) && zm.start() > 0 && Character.isLetterOrDigit(text.charAt(zm.start() - 1))
                            && !Character.isDigit(text.charAt(zm.start() - 1))) {
                        continue;
                    }
                    if (zm.group(2) != null) {
                        int h = Integer.parseInt(zm.group(2));
                        int m = zm.group(3) == null ? 0 : Integer.parseInt(zm.group(3));
                        return ZoneOffset.ofHoursMinutes(h, h < 0 ? -m : m);
                    }
                    return base;
                }
                int h = Integer.parseInt(zm.group(5));
                int m = Integer.parseInt(zm.group(6));
                return "-".equals(zm.group(4)) ? ZoneOffset.ofHoursMinutes(-h, -m) : ZoneOffset.ofHoursMinutes(h, m);
            } catch (DateTimeException | NumberFormatException e) {
                // not an offset after all
            }
        }
        return null;
    }

    private static LocalDate findDate(String text) {
        Matcher m = NUMERIC_YMD.matcher(text);
        if (m.find()) {
            LocalDate d = date(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
            if (d != null) {
                return d;
            }
        }
        m = DAY_MONTH_YEAR.matcher(text);
        while (m.find()) {
            Integer month = month(m.group(2));
            if (month != null) {
                LocalDate d = date(Integer.parseInt(m.group(3)), month, Integer.parseInt(m.group(1)));
                if (d != null) {
                    return d;
                }
            }
        }
        m = MONTH_DAY_YEAR.matcher(text);
        while (m.find()) {
            Integer month = month(m.group(1));
            if (month != null) {
                LocalDate d = date(Integer.parseInt(m.group(3)), month, Integer.parseInt(m.group(2)));
                if (d != null) {
                    return d;
                }
            }
        }
        m = NUMERIC_DMY.matcher(text);
        if (m.find()) {
            return date(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(1)));
        }
        return null;
    }

    /** Month number from an English, German or French name or abbreviation, or {@code null}. */
    public static Integer month(String name) {
        if (name == null) {
            return null;
        }
        String n = name.toLowerCase(Locale.ROOT).replace(".", "");
        Integer m = MONTHS.get(n);
        if (m == null && n.length() >= 3) {
            m = MONTHS.get(n.substring(0, 3));
            if (m == null && n.length() >= 4) {
                m = MONTHS.get(n.substring(0, 4));
            }
        }
        return m;
    }

    private static LocalDate date(int y, int m, int d) {
        try {
            return LocalDate.of(y, m, d);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /**
     * IPTC 7901 trailer as dpa writes it after ETX: "131137 GMT Nov 13" is day 13, 11:37 GMT, November 2013
     * (DDHHMM, zone, month, year), read as UTC when the zone is missing or not one of the fixed abbreviations.
     */
    public static WireTime parse7901Trailer(String trailer, Instant reference) {
        return parse7901Trailer(trailer, ZoneOffset.UTC, reference);
    }

    /**
     * IPTC 7901 trailer: "131137 GMT Nov 13", "031205 MESZ Jul 19"; one without a zone ("031205 Jul 19") or with an
     * abbreviation of no fixed meaning is read in {@code assumedZone} and marked {@link TimeSource#ITEM_NO_ZONE}.
     */
    public static WireTime parse7901Trailer(String trailer, ZoneId assumedZone, Instant reference) {
        if (trailer == null) {
            return null;
        }
        Matcher m = DTG_7901.matcher(trailer);
        if (!m.find()) {
            return null;
        }
        Integer month = month(m.group(5));
        if (month == null) {
            return null;
        }
        int year = year(m.group(6), reference);
        LocalDate d = date(year, month, Integer.parseInt(m.group(1)));
        int h = Integer.parseInt(m.group(2));
        int min = Integer.parseInt(m.group(3));
        if (d == null || h > 23 || min > 59) {
            return null;
        }
        return trailerTime(LocalDateTime.of(d, LocalTime.of(h, min)), m.group(4), assumedZone);
    }

    /** ANPA-1312 trailer after ETX: "AP-WF-11-13-13 1509GMT" is 13 November 2013 15:09 GMT (MM-DD-YY HHMM). */
    public static WireTime parseAnpaTrailer(String trailer, Instant reference) {
        return parseAnpaTrailer(trailer, ZoneOffset.UTC, reference);
    }

    /**
     * ANPA-1312 trailer: "AP-WF-11-13-13 1509GMT", "AP-NY-07-03-19 1405EDT" (US desks file in their own zone); one
     * without a zone, or with an abbreviation of no fixed meaning, is read in {@code assumedZone} and marked
     * {@link TimeSource#ITEM_NO_ZONE}.
     */
    public static WireTime parseAnpaTrailer(String trailer, ZoneId assumedZone, Instant reference) {
        if (trailer == null) {
            return null;
        }
        Matcher m = ANPA_TRAILER.matcher(trailer);
        if (!m.find()) {
            return null;
        }
        LocalDate d = date(year(m.group(3), reference), Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
        int h = Integer.parseInt(m.group(4));
        int min = Integer.parseInt(m.group(5));
        if (d == null || h > 23 || min > 59) {
            return null;
        }
        return trailerTime(LocalDateTime.of(d, LocalTime.of(h, min)), m.group(6), assumedZone);
    }

    /** A trailer's wall-clock time in its written zone when that has a fixed meaning, else in the assumed zone. */
    private static WireTime trailerTime(LocalDateTime local, String zone, ZoneId assumedZone) {
        ZoneOffset offset = zone == null ? null : ABBREVIATIONS.get(zone);
        if (offset != null) {
            return WireTime.item(local.toInstant(offset));
        }
        return new WireTime(local.atZone(assumedZone).toInstant(), TimeSource.ITEM_NO_ZONE);
    }

    /** A four-digit year as is; a two-digit one in the century that puts it at most one year after the reference. */
    static int year(String y, Instant reference) {
        int v = Integer.parseInt(y);
        if (y.length() >= 4) {
            return v;
        }
        int refYear = reference == null ? 2000 + 50 : reference.atZone(ZoneOffset.UTC).getYear();
        int century = (refYear / 100) * 100;
        int candidate = century + v;
        return candidate > refYear + 1 ? candidate - 100 : candidate;
    }
}
