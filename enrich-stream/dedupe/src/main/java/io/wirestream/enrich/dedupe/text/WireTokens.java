package io.wirestream.enrich.dedupe.text;

import java.util.ArrayList;
import java.util.List;

/**
 * The tokens the judge reads its traits from, found in one pass over the text's code points. These were regular
 * expressions; a story's fingerprint ran them over every paragraph, and the regex engine's search was a third of the
 * fingerprint's cost. The classes are the regexes' exactly: a number is a code point of Unicode category Nd, Nl or No
 * ({@code \p{N}}), a letter one of category L ({@code \p{L}}), a capital one of Lu ({@code \p{Lu}}); a search moves on
 * by whole code points, as {@code Matcher.find} does. {@code WireTokensTest} holds both forms equal on generated text.
 */
public final class WireTokens {

    private WireTokens() {
    }

    /**
     * The tokens of {@code <[\p{Lu}\p{N}.]{1,10}>|\p{N}+(?:[.,/]\p{N}+)*(?:-\p{N}+/\p{N}+)?|[\p{L}\p{N}]+}: a ticker in
     * angle brackets, a figure ("26,000", "6-3/16", "1/2"), or a run of letters and digits.
     */
    public static List<String> salient(String s) {
        return tokens(s, SALIENT);
    }

    /** The tokens of {@code \p{N}+(?:[.,/]\p{N}+)*(?:-\p{N}+/\p{N}+)?|\p{L}+}: a figure, or a run of letters. */
    public static List<String> figuresAndWords(String s) {
        return tokens(s, FIGURES_AND_WORDS);
    }

    /** The runs of letters and numbers, what splitting at {@code [^\p{L}\p{N}]+} leaves (empty pieces dropped). */
    public static List<String> lettersAndNumbers(String s) {
        return tokens(s, LETTERS_AND_NUMBERS);
    }

    private static final int SALIENT = 0;
    private static final int FIGURES_AND_WORDS = 1;
    private static final int LETTERS_AND_NUMBERS = 2;

    /** Matcher.find's walk: the first token at or after each position, then on from its end, by whole code points. */
    private static List<String> tokens(String s, int kind) {
        List<String> tokens = new ArrayList<>();
        int n = s.length();
        int i = 0;
        while (i < n) {
            int c = s.codePointAt(i);
            int end = tokenEnd(s, i, c, kind);
            if (end > i) {
                tokens.add(s.substring(i, end));
                i = end;
            } else {
                i += Character.charCount(c);
            }
        }
        return tokens;
    }

    /** Where the token of this kind that starts at {@code i} (code point {@code c}) ends; -1 if none starts there. */
    private static int tokenEnd(String s, int i, int c, int kind) {
        if (kind == SALIENT && c == '<') {
            return tickerEnd(s, i);
        }
        if (isNumber(c)) {
            return kind == LETTERS_AND_NUMBERS ? letterOrNumberRunEnd(s, i) : figureEnd(s, i);
        }
        if (Character.isLetter(c)) {
            return kind == FIGURES_AND_WORDS ? letterRunEnd(s, i) : letterOrNumberRunEnd(s, i);
        }
        return -1;
    }

    /**
     * Whether a figure split by a space before its separator ({@code \p{N}\s+[.,]\p{N}}) may be in the text: false
     * when no regex space ({@code [ \t\n\x0B\f\r]}) stands right before a '.' or ',', so there is nothing to join.
     */
    public static boolean maySplitFigure(String s) {
        for (int i = 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '.' || c == ',') {
                char before = s.charAt(i - 1);
                if (before == ' ' || before == '\t' || before == '\n' || before == '\u000B' || before == '\f'
                        || before == '\r') {
                    return true;
                }
            }
        }
        return false;
    }

    static boolean isNumber(int c) {
        int type = Character.getType(c);
        return type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER || type == Character.OTHER_NUMBER;
    }

    private static boolean numberAt(String s, int i) {
        return i < s.length() && isNumber(s.codePointAt(i));
    }

    private static int numberRunEnd(String s, int i) {
        while (numberAt(s, i)) {
            i += Character.charCount(s.codePointAt(i));
        }
        return i;
    }

    /** From a number at {@code i}: digits, then separated digit groups, then an optional "-a/b" fraction. */
    private static int figureEnd(String s, int i) {
        int end = numberRunEnd(s, i);
        while (end + 1 < s.length() && ".,/".indexOf(s.charAt(end)) >= 0 && numberAt(s, end + 1)) {
            end = numberRunEnd(s, end + 1);
        }
        if (end + 1 < s.length() && s.charAt(end) == '-' && numberAt(s, end + 1)) {
            int slash = numberRunEnd(s, end + 1);
            if (slash + 1 < s.length() && s.charAt(slash) == '/' && numberAt(s, slash + 1)) {
                end = numberRunEnd(s, slash + 1);
            }
        }
        return end;
    }

    /** From '<' at {@code i}: one to ten capitals, digits or dots, then '>'; -1 if there is no such ticker. */
    private static int tickerEnd(String s, int i) {
        int at = i + 1;
        int count = 0;
        while (at < s.length()) {
            int c = s.codePointAt(at);
            if (c != '.' && Character.getType(c) != Character.UPPERCASE_LETTER && !isNumber(c)) {
                break;
            }
            at += Character.charCount(c);
            count++;
        }
        return count >= 1 && count <= 10 && at < s.length() && s.charAt(at) == '>' ? at + 1 : -1;
    }

    private static int letterOrNumberRunEnd(String s, int i) {
        while (i < s.length()) {
            int c = s.codePointAt(i);
            if (!Character.isLetter(c) && !isNumber(c)) {
                break;
            }
            i += Character.charCount(c);
        }
        return i;
    }

    private static int letterRunEnd(String s, int i) {
        while (i < s.length()) {
            int c = s.codePointAt(i);
            if (!Character.isLetter(c)) {
                break;
            }
            i += Character.charCount(c);
        }
        return i;
    }
}
