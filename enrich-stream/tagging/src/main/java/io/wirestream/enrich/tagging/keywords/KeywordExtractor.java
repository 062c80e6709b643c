package io.wirestream.enrich.tagging.keywords;

import io.wirestream.enrich.tagging.entities.Mention;
import io.wirestream.enrich.tagging.knowledge.KnowledgeBase;
import io.wirestream.enrich.tagging.text.Token;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Picks a few salient terms of an article: words that are not common English words and not part of an entity name
 * (entities are tags already), scored by frequency with a bonus for the headline and the first paragraph.
 */
public final class KeywordExtractor {

    private final KnowledgeBase kb;
    private final int maxKeywords;

    public KeywordExtractor(KnowledgeBase kb, int maxKeywords) {
        this.kb = kb;
        this.maxKeywords = maxKeywords;
    }

    /**
     * @param tokens the article's tokens
     * @param mentions entity mentions, whose words are not keywords
     * @param leadEnd character offset where the headline and lead end: words before it weigh more
     */
    public List<String> extract(List<Token> tokens, List<Mention> mentions, int leadEnd) {
        boolean[] inNames = new boolean[tokens.size()];
        for (Mention m : mentions) {
            for (int k = m.firstToken(); k < m.endToken(); k++) {
                inNames[k] = true;
            }
        }
        Map<String, Double> score = new HashMap<>();
        Map<String, String> display = new HashMap<>();
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (!t.isWord() || inNames[i] || t.text().length() < 4 || !isAlphabetic(t.text())) {
                continue;
            }
            if (t.isCapitalised() && !t.sentenceStart() && !t.caseUninformative()) {
                continue; // an unrecognised name, not a term
            }
            String lower = t.lower();
            if (kb.isCommonWord(lower)) {
                continue;
            }
            String stem = stem(lower);
            score.merge(stem, t.start() < leadEnd ? 2.0 : 1.0, Double::sum);
            display.merge(stem, lower, (a, b) -> a.length() <= b.length() ? a : b);
        }
        // a term under 2 is never kept, and the order is total: sort only the others (most terms occur once)
        List<Map.Entry<String, Double>> ranked = new ArrayList<>();
        for (Map.Entry<String, Double> e : score.entrySet()) {
            if (e.getValue() >= 2.0) {
                ranked.add(e);
            }
        }
        ranked.sort((a, b) -> {
            int c = Double.compare(b.getValue(), a.getValue());
            return c != 0 ? c : a.getKey().compareTo(b.getKey());
        });
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, Double> e : ranked) {
            if (out.size() >= maxKeywords || e.getValue() < 2.0) {
                break;
            }
            out.add(display.get(e.getKey()));
        }
        return out;
    }

    /** Folds the plural and a few verb endings so that "talks" and "talk" count as one term. */
    public static String stem(String word) {
        if (word.endsWith("ies") && word.length() > 5) {
            return word.substring(0, word.length() - 3) + "y";
        }
        if (word.endsWith("s") && !word.endsWith("ss") && !word.endsWith("us") && !word.endsWith("is") && word.length() > 4) {
            return word.substring(0, word.length() - 1);
        }
        return word;
    }

    private static boolean isAlphabetic(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!Character.isLetter(c) && c != '-') {
                return false;
            }
        }
        return true;
    }
}
