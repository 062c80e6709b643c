package io.wirestream.enrich.tagging.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Splits English news text into words and punctuation. Keeps together what names need kept together: abbreviations
 * with dots (U.S., U.N.), hyphenated and apostrophe names (al-Assad, O'Neill, AT&amp;T), but splits the possessive 's.
 * Marks sentence starts so that a capitalised first word is not taken as evidence of a name.
 */
public final class TextTokenizer {

    /** Abbreviations whose final dot does not end a sentence. */
    private static final Set<String> DOTTED_ABBREVIATIONS = Set.of(
            "mr", "mrs", "ms", "dr", "prof", "gen", "col", "capt", "lt", "sgt", "sen", "rep", "gov", "st", "jr", "sr",
            "co", "corp", "inc", "ltd", "no", "vs", "rev", "mt", "ft");
    /** The longest of them: a longer word before a dot is none, whatever its case. */
    private static final int LONGEST_ABBREVIATION = DOTTED_ABBREVIATIONS.stream().mapToInt(String::length).max().orElse(0);

    public List<Token> tokenize(String text) {
        List<Token> tokens = new ArrayList<>();
        int n = text.length();
        int i = 0;
        boolean sentenceStart = true;
        int lineStart = 0;
        boolean lineAllCaps = isAllCapsLine(text, 0);
        boolean lineTitleCase = isTitleCaseLine(text, 0);
        while (i < n) {
            char c = text.charAt(i);
            if (c == '\n') {
                sentenceStart = true;
                i++;
                lineStart = i;
                lineAllCaps = isAllCapsLine(text, lineStart);
                lineTitleCase = isTitleCaseLine(text, lineStart);
                continue;
            }
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            if (Character.isLetterOrDigit(c)) {
                int end = wordEnd(text, i);
                String word = text.substring(i, end);
                // split a possessive 's / ’s
                if (word.length() > 2 && (word.endsWith("'s") || word.endsWith("’s"))) {
                    tokens.add(new Token(word.substring(0, word.length() - 2), i, end - 2, sentenceStart, lineAllCaps, lineTitleCase));
                    tokens.add(new Token(word.substring(word.length() - 2), end - 2, end, false, lineAllCaps, lineTitleCase));
                } else {
                    tokens.add(new Token(word, i, end, sentenceStart, lineAllCaps, lineTitleCase));
                }
                sentenceStart = false;
                if (word.endsWith(".")) {
                    sentenceStart = endsSentence(word, text, end);
                }
                i = end;
                continue;
            }
            tokens.add(new Token(String.valueOf(c), i, i + 1, false, lineAllCaps, lineTitleCase));
            if (c == '.' || c == '!' || c == '?' || c == ':' || c == ';' || c == '•' || c == '|') {
                sentenceStart = true;
            } else if (c == '"' || c == '“' || c == '‘' || c == '(' || c == '\'' || c == '*' || c == '-' || c == '–' || c == '—') {
                // an opening quote or dash keeps the sentence-start state of what precedes it
            } else {
                sentenceStart = false;
            }
            i++;
        }
        return tokens;
    }

    private static int wordEnd(String text, int from) {
        int n = text.length();
        int i = from;
        while (i < n) {
            char c = text.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                i++;
            } else if ((c == '-' || c == '\'' || c == '’' || c == '&' || c == '.') && i + 1 < n
                    && Character.isLetterOrDigit(text.charAt(i + 1))) {
                i++;
            } else if (c == '.' && isDottedAbbreviation(text, from, i)) {
                return i + 1;
            } else {
                break;
            }
        }
        return i;
    }

    /** "U.S" followed by "." or "Mr" followed by "." keeps its dot. */
    private static boolean isDottedAbbreviation(String text, int from, int dot) {
        for (int i = from; i < dot; i++) {
            if (text.charAt(i) == '.') {
                return true; // U.S. / U.N. / a.m.
            }
        }
        if (dot - from == 1 && Character.isUpperCase(text.charAt(from))) {
            return true; // an initial: George W. Bush
        }
        return dot - from <= LONGEST_ABBREVIATION
                && DOTTED_ABBREVIATIONS.contains(text.substring(from, dot).toLowerCase(java.util.Locale.ROOT));
    }

    private static boolean endsSentence(String word, String text, int end) {
        String stem = word.substring(0, word.length() - 1).toLowerCase(java.util.Locale.ROOT);
        if (DOTTED_ABBREVIATIONS.contains(stem) || stem.length() == 1) {
            return false;
        }
        // "U.S." ends a sentence only when a capitalised word follows after whitespace and a newline or a clear break
        int i = end;
        while (i < text.length() && text.charAt(i) == ' ') {
            i++;
        }
        return i >= text.length() || text.charAt(i) == '\n';
    }

    /** Most longer words capitalised and no figures, as in "Trump Says US to Leave Syria at Proper Pace". */
    private static boolean isTitleCaseLine(String text, int from) {
        int words = 0;
        int capitalised = 0;
        int i = from;
        int n = text.length();
        while (i < n && text.charAt(i) != '\n') {
            if (Character.isDigit(text.charAt(i))) {
                return false; // a line of results or a table ("Saeed Anwar c Hussain b Mullally 30"), not a headline
            }
            if (Character.isLetter(text.charAt(i)) && (i == from || !Character.isLetterOrDigit(text.charAt(i - 1)))) {
                int j = i;
                while (j < n && Character.isLetter(text.charAt(j))) {
                    j++;
                }
                if (j - i >= 4) {
                    words++;
                    if (Character.isUpperCase(text.charAt(i))) {
                        capitalised++;
                    }
                }
                i = j;
            } else {
                i++;
            }
        }
        return words >= 3 && capitalised * 10 >= words * 7;
    }

    private static boolean isAllCapsLine(String text, int from) {
        int upper = 0;
        int lower = 0;
        for (int i = from; i < text.length() && text.charAt(i) != '\n'; i++) {
            char c = text.charAt(i);
            if (Character.isUpperCase(c)) {
                upper++;
            } else if (Character.isLowerCase(c)) {
                lower++;
            }
        }
        return upper >= 4 && lower * 5 < upper;
    }
}
