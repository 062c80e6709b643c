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
 * {@code advisory}, and {@code embargo-unreadable} (set by {@link io.wirestream.enrich.normalise.model.EditorialState}).
 * Kills, holds and corrections come only from explicit markers, never from story words in a note (issue 15).
 */
public final class EditorialSignals {

    public static final String UPDATE = "update";
    public static final String CORRECTION = "correction";
    public static final String KILL = "kill";
    public static final String HOLD = "hold";
    public static final String ADVISORY = "advisory";

    /** Signal of a story withheld because an embargo was announced whose time could not be read. */
    public static final String EMBARGO_UNREADABLE = "embargo-unreadable";

    /**
     * Kill markers at the start of an advisory clause, in capitals as wires write them ("KILL", "MANDATORY KILL",
     * AP's "ELIMINATION", dpa's "STORNO", AFP's "ANNULATION"). A lower-case "withdrawal" is a word of the story.
     */
    private static final Pattern KILL_MARKER = Pattern.compile(
            "^(?:URGENT\\s*[-:—]*\\s*)?(?:MANDATORY KILL|KILLED|KILL|ELIMINATION|ELIMINATE|WITHDRAWAL|WITHDRAWN|WITHDRAW"
                    + "|STORNO|ANNULATION|ANNUL[ÉE]E?)(?![\\p{L}\\d])");
    /** Explicit kill sentences, in any case: they name the story itself as killed or withdrawn. */
    private static final Pattern KILL_PHRASE = Pattern.compile(
            "(?i)\\b(?:mandatory kill|(?:please )?kill (?:this|the) (?:story|item|report|dispatch)"
                    + "|(?:this|the) (?:story|item|report|dispatch) (?:is|has been|was) (?:killed|withdrawn|eliminated)"
                    + "|(?:please )?(?:withdraw|delete|eliminate) (?:this|the) (?:story|item|report|dispatch)"
                    + "|(?:die )?meldung wird (?:gestrichen|zur[üu]ckgezogen)|cette d[ée]p[êe]che est annul[ée]e)\\b");
    /** A take key or instruction that is itself a kill ("Kill", "Elimination", "1st Ld-Kill"): exact tokens. */
    private static final Set<String> KILL_TOKENS = Set.of("kill", "killed", "elimination", "eliminate", "withdrawal",
            "withdrawn", "withdraw", "storno", "annulation", "delete", "cancel", "canceled", "cancelled");
    private static final Set<String> CORRECTION_TOKENS = Set.of("correction", "corrected", "corrects", "corrective",
            "berichtigung", "korrektur", "rectificatif", "rectification", "rectify", "corrige");
    private static final Set<String> HOLD_TOKENS = Set.of("hold", "withhold", "withheld");
    /** An explicit hold: capitals at the start of a clause, or a sentence about this story. */
    private static final Pattern HOLD_MARKER = Pattern.compile("^(?:HOLD|WITHHOLD|ON HOLD)(?![\\p{L}\\d])(?! FOR RELEASE)");
    private static final Pattern HOLD_PHRASE = Pattern.compile(
            "(?i)\\b(?:(?:please )?(?:withhold|hold) (?:this|the) (?:story|item|report|dispatch)"
                    + "|(?:this|the) (?:story|item|report|dispatch) is (?:withheld|on hold))\\b");
    /** A correction is announced by the clause's first word ("Corrects spelling of ...", "CORRECTION: ..."). */
    private static final Pattern CORRECTION_START = Pattern.compile(
            "(?i)^(?:corrects?|corrected|correcting|correction|corrective|berichtigung|berichtigt|korrektur|korrigiert"
                    + "|rectificatif|rectification|rectifie|corrige)(?![\\p{L}\\d])");
    private static final Pattern CORRECTION_CAPITALS = Pattern.compile("\\b(?:CORRECTION|CORRECTED|CORRECTS|CORRECTIVE|BERICHTIGUNG|KORREKTUR)\\b");
    /** "Eds:", "Editors:", "ATTENTION -", "URGENT:": the address to the desk before the advice itself. */
    private static final Pattern LEAD_IN = Pattern.compile(
            "^(?:(?i:eds?|editors?|editor's note|eds note|note to editors|attention editors|attention|achtung|urgent"
                    + "|hinweis an die redaktion|avis aux r[ée]dactions)\\s*[:.\\-–—]+\\s*)+");
    /** Where one piece of advice ends and the next begins: sentences, semicolons, dashes, line breaks. */
    private static final Pattern CLAUSES = Pattern.compile("(?<=[.;!])\\s+|\\s+[-–—]{1,2}\\s+|\\s*\\n\\s*|;\\s*");
    private static final Pattern TOKENS = Pattern.compile("[\\s,/_=-]+");
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

    /**
     * Signals from free advisory text: an editors' note, an advisory or ed-msg line, a kicker, a headline prefix.
     * Only explicit markers kill, hold or correct: a capital marker at the start of a clause ("Eds: KILL",
     * "ELIMINATION", "CORRECTION"), or a sentence that names this story ("This story has been withdrawn"). Story words
     * ("Updates with senator's withdrawal", "talks on hold", "market correction") signal nothing of the kind.
     * Embargo lines are not holds here: see {@link Embargoes} and {@link #readAdvisory}.
     */
    public static Set<String> fromAdvisoryText(String text) {
        Set<String> out = new LinkedHashSet<>();
        if (text == null || text.isBlank()) {
            return out;
        }
        if (KILL_PHRASE.matcher(text).find()) {
            out.add(KILL);
        }
        if (HOLD_PHRASE.matcher(text).find()) {
            out.add(HOLD);
        }
        if (CORRECTION_CAPITALS.matcher(text).find()) {
            out.add(CORRECTION);
        }
        for (String clause : CLAUSES.split(text.trim())) {
            String c = LEAD_IN.matcher(clause.trim()).replaceFirst("");
            if (KILL_MARKER.matcher(c).find()) {
                out.add(KILL);
            }
            if (HOLD_MARKER.matcher(c).find()) {
                out.add(HOLD);
            }
            if (CORRECTION_START.matcher(c).find()) {
                out.add(CORRECTION);
            }
        }
        if (UPDATE_WORDS.matcher(text).find()) {
            out.add(UPDATE);
        }
        if (ADVISORY_WORDS.matcher(text).find()) {
            out.add(ADVISORY);
        }
        return out;
    }

    /**
     * Signals from a field whose whole value is an editorial instruction: an ANPA take key / version ("Kill",
     * "1st Ld-Writethru", "Correction"), a NewsML 1 Instruction, a part of a 7901 keyword slug. Exact tokens only.
     */
    public static Set<String> fromTakeKey(String key) {
        Set<String> out = new LinkedHashSet<>();
        if (key == null || key.isBlank()) {
            return out;
        }
        for (String token : TOKENS.split(key.trim().toLowerCase(Locale.ROOT))) {
            if (KILL_TOKENS.contains(token)) {
                out.add(KILL);
            }
            if (CORRECTION_TOKENS.contains(token)) {
                out.add(CORRECTION);
            }
            if (HOLD_TOKENS.contains(token)) {
                out.add(HOLD);
            }
        }
        if (UPDATE_WORDS.matcher(key).find()) {
            out.add(UPDATE);
        }
        if (ADVISORY_WORDS.matcher(key).find()) {
            out.add(ADVISORY);
        }
        return out;
    }

    /** Reads an advisory line into a draft: its signals, and the line itself when it announces an embargo. */
    public static void readAdvisory(io.wirestream.enrich.normalise.model.DraftArticle d, String text) {
        if (text == null || text.isBlank()) {
            return;
        }
        d.addSignals(fromAdvisoryText(text));
        if (Embargoes.isMarker(text)) {
            d.addEmbargoMarker(text.trim());
        }
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
