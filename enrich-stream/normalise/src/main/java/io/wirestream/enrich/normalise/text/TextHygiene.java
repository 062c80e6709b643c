package io.wirestream.enrich.normalise.text;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Text hygiene shared by every parser: Unicode NFC, control characters removed, odd spaces made plain, white space
 * collapsed, the lines of one paragraph joined with de-hyphenation where a word was split at a line end (which lines
 * make a paragraph is {@link PlainTextParagraphs}' business). Typographic quotes, dashes and ellipses are kept as
 * they are.
 */
public final class TextHygiene {

    private static final Pattern SPACES = Pattern.compile("[ \\t\\u00A0\\u2000-\\u200A\\u2007\\u3000]+");
    private static final Pattern COLUMN_GAP = Pattern.compile(" {2,}|\\t+");
    private static final Pattern ONLY_RULE = Pattern.compile("^[\\s_\\-=*#~.·•–—]*$");

    private TextHygiene() {}

    /**
     * Cleans one run of inline text (a headline, a paragraph): NFC, control characters removed (line breaks and
     * tabs become spaces), no-break and other wide spaces made plain, runs of spaces collapsed, trimmed.
     * Returns "" for {@code null}.
     */
    public static String clean(String s) {
        if (s == null || s.isEmpty()) {
            return "";
        }
        return alreadyClean(s) ? s : cleanFully(s); // most wire paragraphs are already clean
    }

    /** {@link #clean} without its check for text that is already clean. */
    static String cleanFully(String s) {
        // composing (NFC) or dropping an invisible character can bring two characters together that only then read
        // as mojibake, so clean until nothing changes: a cleaned text must clean to itself (each pass only shortens
        // or keeps the text, so this ends at once in practice; the bound is a guard)
        String current = s;
        for (int pass = 0; pass < 4; pass++) {
            String next = cleanOnce(current);
            if (next.equals(current)) {
                return next;
            }
            current = next;
        }
        return current;
    }

    /**
     * Preformatted text (results, listings) cleaned line by line: each run of text between column gaps (two or more
     * spaces, or tabs) as {@link #clean}, the gaps kept so columns stay aligned; blank lines at either end dropped.
     */
    public static String cleanLines(String s) {
        if (s == null || s.isEmpty()) {
            return "";
        }
        List<String> lines = new ArrayList<>();
        for (String line : s.split("\r?\n|\r", -1)) {
            StringBuilder out = new StringBuilder();
            Matcher gap = COLUMN_GAP.matcher(line);
            int at = 0;
            while (gap.find()) {
                out.append(clean(line.substring(at, gap.start()))).append(gap.group());
                at = gap.end();
            }
            out.append(clean(line.substring(at)));
            lines.add(out.toString().stripTrailing());
        }
        while (!lines.isEmpty() && lines.get(0).isBlank()) {
            lines.remove(0);
        }
        while (!lines.isEmpty() && lines.get(lines.size() - 1).isBlank()) {
            lines.remove(lines.size() - 1);
        }
        return String.join("\n", lines);
    }

    /**
     * Typographic characters common in wire copy that cleaning leaves as they are: no control, no space, in NFC
     * whatever their neighbours, and no lead character of the mojibake {@link #repairMojibake} repairs.
     */
    private static final String KEPT_TYPOGRAPHY = "\u2018\u2019\u201C\u201D\u2013\u2014\u2026";

    /**
     * True when {@link #clean} would return the text unchanged, decided in one pass for the common case: printable
     * ASCII and the typography above, single spaces between, none at either end. False says nothing (clean decides).
     */
    static boolean alreadyClean(String s) {
        int n = s.length();
        if (s.charAt(0) == ' ' || s.charAt(n - 1) == ' ') {
            return false;
        }
        char previous = 0;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c == ' ' ? previous == ' ' : (c < 0x21 || c > 0x7E) && KEPT_TYPOGRAPHY.indexOf(c) < 0) {
                return false;
            }
            previous = c;
        }
        return true;
    }

    private static String cleanOnce(String s) {
        String r = repairMojibake(s);
        String n = Normalizer.isNormalized(r, Normalizer.Form.NFC) ? r : Normalizer.normalize(r, Normalizer.Form.NFC);
        StringBuilder sb = new StringBuilder(n.length());
        for (int i = 0; i < n.length(); i++) {
            char c = n.charAt(i);
            if (c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\u2028' || c == '\u2029') {
                sb.append(' ');
            } else if (isRemovable(c)) {
                continue;
            } else {
                sb.append(c);
            }
        }
        return SPACES.matcher(sb).replaceAll(" ").trim();
    }

    /** Like {@link #clean} but keeps line structure: returns lines with CR/LF normalised, each line cleaned of controls. */
    public static List<String> lines(String s) {
        List<String> out = new ArrayList<>();
        if (s == null) {
            return out;
        }
        String n = s.replace("\r\n", "\n").replace('\r', '\n');
        for (String line : n.split("\n", -1)) {
            out.add(stripControls(line));
        }
        return out;
    }

    private static final char[] CP1252_HIGH = new char[128];
    private static final java.util.Map<Character, Integer> CP1252_BYTE = new java.util.HashMap<>();

    static {
        java.nio.charset.Charset cp = java.nio.charset.Charset.forName("windows-1252");
        for (int b = 0x80; b <= 0xFF; b++) {
            String c = new String(new byte[] {(byte) b}, cp);
            char ch = c.charAt(0) == '\uFFFD' ? (char) b : c.charAt(0);
            CP1252_HIGH[b - 0x80] = ch;
            CP1252_BYTE.put(ch, b);
        }
    }

    /**
     * Repairs UTF-8 that was decoded as windows-1252 somewhere upstream ("Dellâ€™s" for "Dell’s", "cafÃ©" for
     * "café"): a lead-byte character followed by exactly the continuation characters it needs is replaced when those
     * bytes are valid UTF-8. Text that merely contains such letters ("SÃO PAULO") is left alone. Repeated, for text
     * that was mangled twice.
     */
    public static String repairMojibake(String s) {
        String current = s;
        for (int pass = 0; pass < 3; pass++) {
            String next = repairOnce(current);
            if (next.equals(current)) {
                return current;
            }
            current = next;
        }
        return current;
    }

    private static String repairOnce(String s) {
        StringBuilder out = null;
        int i = 0;
        int copied = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            int need = c >= '\u00C2' && c <= '\u00DF' ? 1 : c >= '\u00E0' && c <= '\u00EF' ? 2 : c >= '\u00F0' && c <= '\u00F4' ? 3 : 0;
            if (need == 0 || i + need >= s.length()) {
                i++;
                continue;
            }
            byte[] bytes = new byte[need + 1];
            bytes[0] = (byte) c;
            boolean ok = true;
            for (int k = 1; ok && k <= need; k++) {
                Integer b = CP1252_BYTE.get(s.charAt(i + k));
                if (b == null || b < 0x80 || b > 0xBF) {
                    ok = false;
                } else {
                    bytes[k] = (byte) (int) b;
                }
            }
            if (ok) {
                try {
                    String decoded = java.nio.charset.StandardCharsets.UTF_8.newDecoder()
                            .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                            .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
                    if (out == null) {
                        out = new StringBuilder(s.length());
                    }
                    out.append(s, copied, i).append(decoded);
                    i += need + 1;
                    copied = i;
                    continue;
                } catch (java.nio.charset.CharacterCodingException e) {
                    // not UTF-8 after all
                }
            }
            i++;
        }
        if (out == null) {
            return s;
        }
        out.append(s, copied, s.length());
        return out.toString();
    }

    /** Removes control characters but keeps leading indentation (tabs become four spaces) for layout analysis. */
    public static String stripControls(String line) {
        StringBuilder sb = new StringBuilder(line.length());
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\t') {
                sb.append("    ");
            } else if (!isRemovable(c) && c != '\f') {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** C0/C1 controls (except the white-space ones handled by callers), DEL, BOM, replacement and non-characters. */
    static boolean isRemovable(char c) {
        return (c < 0x20 && c != '\n' && c != '\r' && c != '\t')
                || (c >= 0x7F && c <= 0x9F)
                || c == '\uFEFF' || c == '\uFFFD' || c == '\uFFFE' || c == '\uFFFF'
                || c == '\u00AD'; // soft hyphen: a layout hint, not text
    }

    /** True when a line or paragraph holds no words: rules, bullets, underscores, stars. */
    public static boolean isRule(String s) {
        return s == null || ONLY_RULE.matcher(s).matches();
    }

    /**
     * Joins hard-wrapped lines of one paragraph. A line ending in a hyphen that follows a lower-case letter and is
     * followed by a lower-case letter is de-hyphenated ("negoti-" + "ations" = "negotiations"); a hyphen after a
     * capital or a digit is kept without a space ("Anglo-" + "Saxon" = "Anglo-Saxon").
     */
    public static String reflow(List<String> lines) {
        StringBuilder sb = new StringBuilder();
        for (String raw : lines) {
            String line = clean(raw);
            if (line.isEmpty()) {
                continue;
            }
            if (sb.length() == 0) {
                sb.append(line);
                continue;
            }
            int last = sb.length() - 1;
            char end = sb.charAt(last);
            char prev = last > 0 ? sb.charAt(last - 1) : ' ';
            char next = line.charAt(0);
            if (end == '-' && Character.isLetter(prev) && Character.isLetterOrDigit(next)) {
                boolean splitWord = Character.isLowerCase(prev) && Character.isLowerCase(next)
                        && !(last > 1 && sb.charAt(last - 2) == '-');
                if (splitWord) {
                    sb.setLength(last);
                }
                sb.append(line);
            } else {
                sb.append(' ').append(line);
            }
        }
        return sb.toString();
    }

    /** Shortens to at most {@code max} characters at a word boundary, adding an ellipsis when cut. */
    public static String shorten(String s, int max) {
        if (s == null || s.length() <= max) {
            return s;
        }
        int cut = s.lastIndexOf(' ', max - 1);
        if (cut < max / 2) {
            cut = max - 1;
        }
        return s.substring(0, cut).replaceAll("[\\s,;:–—-]+$", "") + "…";
    }
}
