package io.wirestream.enrich.tagging.ner;

import io.wirestream.enrich.tagging.knowledge.KnowledgeBase;
import io.wirestream.enrich.tagging.knowledge.KnowledgeBase.KnownAlias;
import opennlp.tools.util.featuregen.AdaptiveFeatureGenerator;

import java.util.List;
import java.util.Locale;

/**
 * The project's curated knowledge as features of a token: whether it starts or continues a known person's,
 * organisation's or place's name (longest alias first, as the rules match them), is a given name, a title, a legal
 * form, a demonym, an organisation word, a law/prize/event word or a common word; each for the token and its
 * neighbours (two either side for the name labels, one for the word lists). The labels are computed once per sentence:
 * the beam search asks for every token many times with the same array.
 */
final class KnowledgeFeatures implements AdaptiveFeatureGenerator {

    private final KnowledgeBase kb;
    private String[] labelledSentence;
    /** The sentence's tokens in lower case (Locale.ROOT), once: every key and word list below reads them. */
    private String[] lower;
    private String[] nameLabels;
    private String[][] wordLabels;

    KnowledgeFeatures(KnowledgeBase kb) {
        this.kb = kb;
    }

    /** A sentence's knowledge labels: per token its name label ("PER-B", "ORG-I", ... or null) and word labels. */
    record Labels(String[] nameLabels, String[][] wordLabels) {
    }

    /** The labels the features are made of, for a decoder that builds the same features without this generator. */
    static Labels labels(KnowledgeBase kb, String[] tokens) {
        KnowledgeFeatures f = new KnowledgeFeatures(kb);
        f.label(tokens);
        return new Labels(f.nameLabels, f.wordLabels);
    }

    @Override
    public void createFeatures(List<String> features, String[] tokens, int index, String[] previousOutcomes) {
        if (tokens != labelledSentence) {
            label(tokens);
        }
        for (int d = -2; d <= 2; d++) {
            int j = index + d;
            String label = j < 0 || j >= tokens.length ? "edge" : nameLabels[j];
            if (label != null) {
                features.add("kb" + d + "=" + label);
            }
        }
        if (nameLabels[index] != null && index + 1 < tokens.length) {
            features.add("kb0+w1=" + nameLabels[index] + "," + tokens[index + 1].toLowerCase(Locale.ROOT));
        }
        for (int d = -1; d <= 1; d++) {
            int j = index + d;
            if (j >= 0 && j < tokens.length) {
                for (String w : wordLabels[j]) {
                    features.add("kw" + d + "=" + w);
                }
            }
        }
    }

    private void label(String[] tokens) {
        int n = tokens.length;
        wordLabels = new String[n][];
        lower = new String[n];
        for (int k = 0; k < n; k++) {
            lower[k] = tokens[k].toLowerCase(Locale.ROOT);
        }
        nameLabels = nameLabels(kb, tokens, lower);
        for (int k = 0; k < n; k++) {
            wordLabels[k] = wordLabels(wordBits(kb, tokens[k], lower[k])
                    | (k + 1 < n && titleWithNext(kb, lower[k], lower[k + 1]) ? TITLE : 0));
        }
        labelledSentence = tokens;
    }

    /**
     * Per token its name label ("PER-B", "ORG-I", "AMB-B" ... or null): the longest known alias starting at each
     * name-like token, left to right. {@code lower} holds the tokens in lower case ({@code Locale.ROOT}).
     */
    static String[] nameLabels(KnowledgeBase kb, String[] tokens, String[] lower) {
        int n = tokens.length;
        String[] labels = new String[n];
        int i = 0;
        while (i < n) {
            int matched = 0;
            String type = null;
            if (isNameStart(kb, tokens[i])) {
                int longest = kb.longestPossibleAlias(k -> lower[k], i, Math.min(kb.longestAliasTokens(), lower.length - i));
                for (int len = longest; len >= 1 && matched == 0; len--) {
                    type = aliasType(kb, lower, i, len);
                    matched = type == null ? 0 : len;
                }
            }
            if (matched > 0) {
                labels[i] = type + "-B";
                for (int k = i + 1; k < i + matched; k++) {
                    labels[k] = type + "-I";
                }
                i += matched;
            } else {
                i++;
            }
        }
        return labels;
    }

    private static boolean isNameStart(KnowledgeBase kb, String token) {
        return Character.isUpperCase(token.charAt(0)) || kb.startsLowerCaseAlias(token);
    }

    /** PER, ORG, LOC or AMB (several kinds) for a known alias spanning tokens[from, from+len), or null. */
    private static String aliasType(KnowledgeBase kb, String[] lower, int from, int len) {
        if (len == 1) {
            return aliasType(kb, lower[from]);
        }
        StringBuilder key = new StringBuilder();
        for (int k = from; k < from + len; k++) {
            if (key.length() > 0) {
                key.append(' ');
            }
            key.append(lower[k]);
        }
        return aliasType(kb, key.toString());
    }

    private static String aliasType(KnowledgeBase kb, String key) {
        String type = null;
        for (KnownAlias alias : kb.aliases(key)) {
            if (alias.language() != null) {
                continue;
            }
            String t = switch (alias.entity().type()) {
                case PERSON -> "PER";
                case ORGANISATION -> "ORG";
                case PLACE -> "LOC";
                default -> null;
            };
            if (t != null) {
                type = type == null || type.equals(t) ? t : "AMB";
            }
        }
        return type;
    }

    /** The word labels, in the order their features are written; a token's labels are a set of these bits. */
    static final String[] WORD_LABELS = {"given", "title", "legal", "demonym", "orgword", "event", "placeword", "common"};
    static final int TITLE = 1 << 1;
    private static final String[][] LABELS_OF_BITS = new String[1 << WORD_LABELS.length][];

    static {
        for (int bits = 0; bits < LABELS_OF_BITS.length; bits++) {
            java.util.ArrayList<String> out = new java.util.ArrayList<>(2);
            for (int b = 0; b < WORD_LABELS.length; b++) {
                if ((bits & 1 << b) != 0) {
                    out.add(WORD_LABELS[b]);
                }
            }
            LABELS_OF_BITS[bits] = out.toArray(String[]::new);
        }
    }

    static String[] wordLabels(int bits) {
        return LABELS_OF_BITS[bits];
    }

    /**
     * The word labels that depend on the word alone, as bits of {@link #WORD_LABELS}: all but a title of two words,
     * which needs the next word ({@link #titleWithNext}). {@code lower} is the word in lower case ({@code Locale.ROOT}).
     */
    static int wordBits(KnowledgeBase kb, String word, String lower) {
        String stripped = lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
        int bits = 0;
        if (kb.isGivenName(word)) {
            bits |= 1;
        }
        if (kb.isTitle(lower) || stripped != lower && kb.isTitle(stripped)) {
            bits |= TITLE;
        }
        if (NerFeatureSet.LEGAL_FORMS.contains(word)) {
            bits |= 1 << 2;
        }
        if (kb.demonym(word) != null) {
            bits |= 1 << 3;
        }
        if (kb.isOrganisationWord(word)) {
            bits |= 1 << 4;
        }
        if (kb.isEventWord(word)) {
            bits |= 1 << 5;
        }
        if (kb.isPlaceLastWord(word) || kb.isPlaceFirstWord(word)) {
            bits |= 1 << 6;
        }
        if (Character.isUpperCase(word.charAt(0)) && kb.isCommonWord(word)) {
            bits |= 1 << 7;
        }
        return bits;
    }

    /** Whether the word and the next one are a title ("Foreign Minister"), both in lower case. */
    static boolean titleWithNext(KnowledgeBase kb, String lower, String nextLower) {
        return kb.beginsLongerTitle(lower) && kb.isTitle(lower + " " + nextLower);
    }
}
