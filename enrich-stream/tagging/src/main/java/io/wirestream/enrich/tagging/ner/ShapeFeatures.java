package io.wirestream.enrich.tagging.ner;

import opennlp.tools.util.featuregen.AdaptiveFeatureGenerator;

import java.util.List;
import java.util.Locale;

/**
 * The shape of a word with runs collapsed ("McDonald" -> "AaAa", "U.S." -> "A.A.", "1996-08-30" -> "0-0-0"), for the
 * token and its neighbours, and whether the sentence is written in capitals (a headline or slug, where case says
 * nothing): capitals lines are frequent in wire copy and change what every other case feature means.
 */
final class ShapeFeatures implements AdaptiveFeatureGenerator {

    private String[] seen;
    private boolean capitalsLine;

    @Override
    public void createFeatures(List<String> features, String[] tokens, int index, String[] previousOutcomes) {
        if (tokens != seen) {
            capitalsLine = capitalsLine(tokens);
            seen = tokens;
        }
        for (int d = -1; d <= 1; d++) {
            int j = index + d;
            features.add("sh" + d + "=" + (j < 0 || j >= tokens.length ? "edge" : shape(tokens[j])));
        }
        if (capitalsLine) {
            features.add("capsline");
            features.add("capsline,w=" + tokens[index].toLowerCase(Locale.ROOT));
        }
    }

    static String shape(String word) {
        StringBuilder sb = new StringBuilder(8);
        char last = 0;
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            char k = Character.isUpperCase(c) ? 'A' : Character.isLowerCase(c) ? 'a' : Character.isDigit(c) ? '0' : c;
            if (k != last) {
                sb.append(k);
                last = k;
            }
        }
        return sb.toString();
    }

    static boolean capitalsLine(String[] tokens) {
        int letters = 0;
        int upper = 0;
        for (String t : tokens) {
            long counts = letters(t);
            letters += (int) counts;
            upper += (int) (counts >>> 32);
        }
        return isCapitalsLine(letters, upper);
    }

    /** A word's letters (low 32 bits) and how many of them are capitals (high 32 bits). */
    static long letters(String word) {
        long letters = 0;
        long upper = 0;
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (Character.isLetter(c)) {
                letters++;
                if (Character.isUpperCase(c)) {
                    upper++;
                }
            }
        }
        return upper << 32 | letters;
    }

    /** Nine in ten of at least six letters are capitals: a headline or slug. */
    static boolean isCapitalsLine(int letters, int capitals) {
        return letters >= 6 && capitals * 10 >= letters * 9;
    }
}
