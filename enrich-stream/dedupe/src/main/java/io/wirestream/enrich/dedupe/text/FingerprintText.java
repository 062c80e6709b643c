package io.wirestream.enrich.dedupe.text;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reduces a story's text to what two copies of one story have in common, so fingerprints ignore the furniture each
 * agency adds: Unicode compatibility forms (NFKC), case, punctuation, whitespace, a leading dateline
 * ({@code LONDON, March 3 (Reuters) -}) and trailing credit lines ({@code (Reporting by ...)}, {@code Reuter},
 * {@code (c) 2024 AFP}).
 *
 * <p>Digits are kept on purpose: two earnings reports or two earthquake stories often differ only in their numbers.
 */
public final class FingerprintText {

    // A dateline opens the first paragraph: an upper-case place, optionally a date, optionally "(Agency)", then a dash.
    private static final Pattern DATELINE = Pattern.compile(
            "^\\s*[\\p{Lu}][\\p{Lu}\\p{M}.' /-]{1,40}"
                    + "(?:,\\s*[\\p{L}\\p{M}. ]{2,30}?)?"
                    + "(?:,?\\s*[\\p{L}.]{3,10}\\.?\\s+\\d{1,2})?"
                    // the dash stands apart ("LONDON -", "(AP) -"), unlike the one in "U.S. M-1 money supply"
                    + "(?:\\s*\\([^)]{1,40}\\)\\s*|\\s+)[-\u2013\u2014]{1,2}\\s+");
    // Whole paragraphs that only credit people or the agency.
    private static final Pattern CREDIT_PARAGRAPH = Pattern.compile(
            "^\\s*[(\\[]?\\s*(?:(?:additional\\s+)?reporting|writing|editing|compiled|edited|written|"
                    + "contributing|reported)\\s+by\\b.*$"
                    + "|^\\s*(?:\\(c\\)|\u00a9|copyright)\\s.*$"
                    + "|^\\s*(?:-+\\s*)?(?:reuter|reuters|ap|afp|dpa|upi|ansa|efe|aap|pa|xinhua|sputnik)\\s*(?:-+)?\\s*$"
                    + "|^\\s*(?:source|credit|via)\\s*:.*$",
            Pattern.CASE_INSENSITIVE);
    // An agency sign-off glued to the end of the last paragraph (Reuters' 1987 copy ends every body with "Reuter"),
    // whatever punctuation follows it, so that punctuation never changes the exact digest.
    private static final Pattern TRAILING_SIGN_OFF = Pattern.compile(
            "(?:\\s+|^)(?:-+\\s*)?(?:reuter|reuters|afp|dpa|upi)[\\s\\p{P}\\u0003]*$", Pattern.CASE_INSENSITIVE);

    private FingerprintText() {
    }

    /** The canonical words of one line of text: NFKC, lower case, punctuation and whitespace runs as separators. */
    public static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return words;
        }
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        words.addAll(WireTokens.lettersAndNumbers(folded)); // the pieces of a split at [^\p{L}\p{N}]+
        return words;
    }

    /** The canonical words of a headline. */
    public static List<String> headlineWords(String headline) {
        return words(headline);
    }

    /**
     * The canonical words of a body given as paragraphs, one list per paragraph kept, with the leading dateline and
     * the credit lines removed.
     */
    public static List<List<String>> bodyParagraphWords(List<String> paragraphs) {
        List<List<String>> result = new ArrayList<>();
        for (String text : bodyParagraphs(paragraphs)) {
            List<String> words = words(text);
            if (!words.isEmpty()) {
                result.add(words);
            }
        }
        return result;
    }

    /**
     * The paragraphs of a body as written (NFKC, case kept), without the leading dateline, the credit lines and the
     * trailing sign-off: what {@link #bodyParagraphWords} reads words from, for readers that need the case.
     */
    public static List<String> bodyParagraphs(List<String> paragraphs) {
        List<String> kept = new ArrayList<>();
        for (String paragraph : paragraphs) {
            if (paragraph == null) {
                continue;
            }
            String text = Normalizer.normalize(paragraph, Normalizer.Form.NFKC).strip();
            if (text.isEmpty() || CREDIT_PARAGRAPH.matcher(text).matches()) {
                continue;
            }
            kept.add(text);
        }
        if (!kept.isEmpty()) {
            kept.set(0, DATELINE.matcher(kept.get(0)).replaceFirst(""));
            int last = kept.size() - 1;
            kept.set(last, TRAILING_SIGN_OFF.matcher(kept.get(last)).replaceFirst(""));
        }
        return kept;
    }

    /** One line of canonical text: the words joined by single spaces. */
    public static String canonical(List<String> words) {
        return String.join(" ", words);
    }
}
