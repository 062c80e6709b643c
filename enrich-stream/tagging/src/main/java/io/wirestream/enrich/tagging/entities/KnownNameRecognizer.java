package io.wirestream.enrich.tagging.entities;

import io.wirestream.avro.EntityType;
import io.wirestream.enrich.tagging.knowledge.KnowledgeBase;
import io.wirestream.enrich.tagging.knowledge.KnowledgeBase.KnownAlias;
import io.wirestream.enrich.tagging.knowledge.KnownEntity;
import io.wirestream.enrich.tagging.text.TextLanguage;
import io.wirestream.enrich.tagging.text.Token;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The recogniser for copy that is not in English: it finds only names the {@link KnowledgeBase} knows, by their
 * aliases in every language and in the copy's own ("Norge", "YK"), so the same person, place or organisation gets
 * the same id whatever the language. Nothing is found by its shape: capitalisation means different things in German
 * (every noun), Finnish (names carry case endings) or French headlines, and English rules on them tag "Das Spiel" or
 * "Lisäksi Ylen" as people. A name may carry the inflection its language puts on names ({@link TextLanguage#baseForms});
 * a title before it ("Puolustusministeri") is never part of it, because only the known name is matched.
 */
public final class KnownNameRecognizer {

    private final KnowledgeBase kb;

    public KnownNameRecognizer(KnowledgeBase kb) {
        this.kb = kb;
    }

    private record Match(KnownAlias alias, int length, String key) {
    }

    public List<Mention> recognise(List<Token> tokens, TextLanguage language) {
        List<Mention> mentions = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        int n = tokens.size();
        int i = 0;
        while (i < n) {
            Token t = tokens.get(i);
            if (!t.isWord()) {
                i++;
                continue;
            }
            int elided = language.elisionLength(t.text());
            String first = t.text().substring(elided);
            if (!Character.isUpperCase(first.charAt(0)) && !kb.startsLowerCaseAlias(first)) {
                i++;
                continue;
            }
            Match match = null;
            for (int len = Math.min(kb.longestAliasTokens(), n - i); len >= 1 && match == null; len--) {
                match = match(tokens, i, len, first, language);
            }
            if (match == null || elided == 0 && surnameOfSomeoneElse(tokens, i, match)) {
                i++;
                continue;
            }
            int end = i + match.length();
            KnownEntity entity = match.alias().entity();
            double confidence = match.alias().primary() || match.length() > 1 ? 0.95 : 0.85;
            if (match.length() == 1 && entity.type() == EntityType.PERSON) {
                confidence = 0.7;
            }
            String surface = EntityRecognizer.surface(tokens, i, end).substring(elided);
            mentions.add(new Mention(i, end, t.start() + elided, tokens.get(end - 1).end(), surface, entity.type(),
                    entity, confidence, false));
            keys.add(match.key());
            i = end;
        }
        return withFullNames(mentions, keys);
    }

    /**
     * A known surname right after a capitalised word that is no name of its own is someone else's ("Jussi Niinistö"
     * when only Sauli Niinistö is known): a sentence's first word is let through, since it may be an ordinary word.
     */
    private boolean surnameOfSomeoneElse(List<Token> tokens, int at, Match match) {
        if (match.length() != 1 || match.alias().entity().type() != EntityType.PERSON || at == 0) {
            return false;
        }
        Token prev = tokens.get(at - 1);
        return prev.isWord() && prev.isCapitalised() && !prev.allCapsLine()
                && (!prev.sentenceStart() || kb.isGivenName(prev.text()));
    }

    private Match match(List<Token> tokens, int from, int len, String first, TextLanguage language) {
        List<String> forms = new ArrayList<>(len);
        for (int k = from; k < from + len; k++) {
            Token t = tokens.get(k);
            if (!t.isWord() && !t.text().equals("&") || k > from && t.sentenceStart()) {
                return null;
            }
            forms.add(k == from ? first : t.text());
        }
        String written = forms.get(len - 1);
        List<String> lastForms = new ArrayList<>(4);
        lastForms.add(written);
        lastForms.addAll(language.baseForms(written));
        Token head = tokens.get(from);
        for (String last : lastForms) {
            forms.set(len - 1, last);
            String key = String.join(" ", forms).toLowerCase(Locale.ROOT);
            KnownAlias best = null;
            for (KnownAlias alias : kb.aliases(key)) {
                if (alias.usableIn(language.code()) && caseCompatible(alias, forms, head)
                        && (best == null || rank(alias) > rank(best))) {
                    best = alias;
                }
            }
            if (best != null) {
                // a one-word name that is also a common word ("Total") is not a name when it opens a sentence
                if (len == 1 && head.sentenceStart() && kb.isCommonWord(first) && !head.isAllCaps()) {
                    return null;
                }
                return new Match(best, len, key);
            }
        }
        return null;
    }

    /**
     * Which of two entities a name means: the copy's own language's name first (in Italian "Napoli" is the city, in
     * English copy the club), then a canonical name over an alias.
     */
    private static int rank(KnownAlias alias) {
        return (alias.language() != null ? 2 : 0) + (alias.primary() ? 1 : 0);
    }

    private boolean caseCompatible(KnownAlias alias, List<String> forms, Token head) {
        for (int k = 0; k < forms.size(); k++) {
            String written = alias.tokens().get(k);
            String form = forms.get(k);
            boolean acronym = written.length() >= 2 && written.equals(written.toUpperCase(Locale.ROOT))
                    && Character.isLetter(written.charAt(0));
            if (acronym) {
                if (!form.equals(written)
                        || head.allCapsLine() && forms.size() == 1 && !written.contains(".") && kb.isCommonWord(written)) {
                    return false;
                }
            } else if (Character.isUpperCase(written.charAt(0)) && !Character.isUpperCase(form.charAt(0))) {
                return false;
            }
        }
        return true;
    }

    /**
     * A surname alone is the person whose full name the same copy gives ("Niinistön" after "Jussi Niinistö"), whoever
     * else the knowledge base knows by that surname.
     */
    private static List<Mention> withFullNames(List<Mention> mentions, List<String> keys) {
        Map<String, KnownEntity> fullNameBySurname = new HashMap<>();
        for (int k = 0; k < mentions.size(); k++) {
            Mention m = mentions.get(k);
            if (m.type() == EntityType.PERSON && m.length() >= 2) {
                String key = keys.get(k);
                fullNameBySurname.putIfAbsent(key.substring(key.lastIndexOf(' ') + 1), m.known());
            }
        }
        if (fullNameBySurname.isEmpty()) {
            return mentions;
        }
        List<Mention> out = new ArrayList<>(mentions.size());
        for (int k = 0; k < mentions.size(); k++) {
            Mention m = mentions.get(k);
            KnownEntity full = m.length() == 1 && m.type() == EntityType.PERSON ? fullNameBySurname.get(keys.get(k)) : null;
            out.add(full == null ? m : m.withResolution(EntityType.PERSON, full, m.confidence()));
        }
        return out;
    }
}
