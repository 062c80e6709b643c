package io.wirestream.enrich.normalise.text;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Editorial signals from the places agencies put them: slugs and take keys ("1stLd-Writethru", "-Kill",
 * "Correction"), editors' notes ("Eds: Updates", "ELIMINATION"), headline prefixes ("UPDATE 2-", "CORRECTED-",
 * "KILL:") and G2 signal qcodes. Signals: {@code update}, {@code correction}, {@code kill}, {@code hold},
 * {@code advisory}.
 */
public final class EditorialSignals {

    public static final String UPDATE = "update";
    public static final String CORRECTION = "correction";
    public static final String KILL = "kill";
    public static final String HOLD = "hold";
    public static final String ADVISORY = "advisory";

    private static final Pattern KILL_WORDS = Pattern.compile(
            "(?i)\\b(kill|killed|mandatory kill|elimination|eliminate|withdraw|withdrawn|withdrawal|storno|annulation|"
                    + "annul[ée]|zur[üu]ckgezogen|wird gestrichen|do not use|please delete|delete this story)\\b");
    private static final Pattern HOLD_WORDS = Pattern.compile("(?i)\\b(withhold|hold for release|on hold|sperrfrist)\\b");
    private static final Pattern CORRECTION_WORDS = Pattern.compile(
            "(?i)\\b(correction|corrected|corrects|corrective|berichtigung|korrektur|rectificatif|rectification|corrige)\\b");
    private static final Pattern UPDATE_WORDS = Pattern.compile(
            "(?i)(\\b\\d+(st|nd|rd|th)\\s?ld\\b|write-?thru|\\bupdate[sd]?\\b|\\brefiled?\\b|\\bneufassung\\b|"
                    + "\\bzusammenfassung\\b|\\bwrapup\\b|\\bnew lead\\b|\\bsub(stitute)?s?\\b|\\binsert\\b)");
    private static final Pattern ADVISORY_WORDS = Pattern.compile(
            "(?i)\\b(advisory|advisories|note to editors|editors'? note|hinweis an die redaktion|avis aux r[ée]dactions)\\b");

    /** Headline prefixes wires put before the real headline, all capitals, followed by a separator. */
    private static final Pattern HEADLINE_PREFIX = Pattern.compile(
            "^(?<p>(?:UPDATE|UPDATES|REFILE|REFILED|WRAPUP|CORRECTED|CORRECTION|CORRECTS|CORRECTIVE|KILL|KILLED|"
                    + "ELIMINATION|WITHDRAWAL|WITHDRAWN|ADVISORY|BERICHTIGUNG|KORREKTUR|NEUFASSUNG|RECTIFICATIF|"
                    + "STORNO|EXCLUSIVE|FACTBOX|TIMELINE|ANALYSIS|RPT|REPEAT)(?:\\s+\\d+)?)\\s*[-:_|/]+\\s*(?<rest>.+)$");

    private EditorialSignals() {}

    /** Signals from a slug, take key or editors' note line (case-insensitive words). */
    public static Set<String> fromAdvisoryText(String text) {
        Set<String> out = new LinkedHashSet<>();
        if (text == null || text.isBlank()) {
            return out;
        }
        if (KILL_WORDS.matcher(text).find()) {
            out.add(KILL);
        }
        if (HOLD_WORDS.matcher(text).find()) {
            out.add(HOLD);
        }
        if (CORRECTION_WORDS.matcher(text).find()) {
            out.add(CORRECTION);
        }
        if (UPDATE_WORDS.matcher(text).find()) {
            out.add(UPDATE);
        }
        if (ADVISORY_WORDS.matcher(text).find()) {
            out.add(ADVISORY);
        }
        return out;
    }

    /** A headline with its editorial prefix split off, and the signals the prefix carries. */
    public record HeadlinePrefix(String prefix, String headline, Set<String> signals) {}

    /** Splits "UPDATE 2-Headline" into its prefix and the headline; {@code null} when there is no such prefix. */
    public static HeadlinePrefix headlinePrefix(String headline) {
        if (headline == null) {
            return null;
        }
        Matcher m = HEADLINE_PREFIX.matcher(headline.trim());
        if (!m.matches() || m.group("rest").isBlank()) {
            return null;
        }
        String p = m.group("p");
        Set<String> sig = fromAdvisoryText(p);
        String up = p.toUpperCase(Locale.ROOT);
        if (up.startsWith("EXCLUSIVE") || up.startsWith("FACTBOX") || up.startsWith("TIMELINE")
                || up.startsWith("ANALYSIS") || up.startsWith("RPT") || up.startsWith("REPEAT")) {
            return null; // genre labels: part of the headline as sent
        }
        return new HeadlinePrefix(p, m.group("rest").trim(), sig);
    }

    /**
     * Maps a NewsML-G2 signal qcode to a pipeline signal, or {@code null} for signals that carry no editorial
     * meaning here (production flags such as Reuters' prodId).
     */
    public static String fromG2Signal(String qcode) {
        if (qcode == null) {
            return null;
        }
        String q = qcode.toLowerCase(Locale.ROOT);
        int colon = q.indexOf(':');
        String scheme = colon < 0 ? "" : q.substring(0, colon);
        String code = colon < 0 ? q : q.substring(colon + 1);
        if (scheme.equals("update") || scheme.equals("sig") && code.equals("update")) {
            return UPDATE;
        }
        if (code.equals("correction") || code.equals("corrected")) {
            return CORRECTION;
        }
        if (code.equals("withdrawal") || code.equals("withdrawn") || code.equals("kill") || code.equals("canceled")) {
            return KILL;
        }
        if (code.equals("onhold") || code.equals("hold")) {
            return HOLD;
        }
        if (code.equals("advisory") || code.equals("advice")) {
            return ADVISORY;
        }
        return null;
    }
}
