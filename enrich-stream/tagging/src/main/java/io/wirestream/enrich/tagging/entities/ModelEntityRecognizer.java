package io.wirestream.enrich.tagging.entities;

import io.wirestream.avro.EntityType;
import io.wirestream.enrich.tagging.knowledge.KnowledgeBase;
import io.wirestream.enrich.tagging.knowledge.KnowledgeBase.KnownAlias;
import io.wirestream.enrich.tagging.knowledge.KnownEntity;
import io.wirestream.enrich.tagging.ner.NerModel;
import io.wirestream.enrich.tagging.text.Token;
import opennlp.tools.namefind.TokenNameFinder;
import opennlp.tools.util.Span;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds person, organisation and place names in English text with a trained name finder ({@link NerModel}); the
 * curated knowledge then links what it found to ids and applies the project's judgements the model may miss: a title
 * or role is never a person (it is stripped, and a name that is only a title is dropped), a company name keeps its
 * legal form ("Matsushita Electric Industrial Co Ltd") and is an organisation (linked to a known company opening it:
 * "Vodafone Group Plc" is Vodafone), a name the knowledge base does not know that ends in a law, prize or event word
 * ("Alcohol Act", "Davis Cup") is none of the three kinds and is dropped, and demonyms ("Iraqi") count as mentions of
 * their country but are not names. A name is linked to a knowledge-base entity only when the model's type
 * agrees with the entity's ("Chicago" the team is not the city).
 *
 * <p>Sentences are the tokenizer's: a new one starts at each sentence-start token. Thread-safe: each thread has its
 * own name finder, cleared at each document.
 */
public final class ModelEntityRecognizer {

    /** Longest sentence handed to the model; longer runs (tables, lists) are cut into pieces of this size. */
    private static final int MAX_SENTENCE_TOKENS = 200;

    /** Most words between a known company and its legal form ("Toyota Motor Corp"), as the rules allow. */
    private static final int MAX_WORDS_BEFORE_LEGAL_FORM = 3;

    private final KnowledgeBase kb;
    private final ThreadLocal<TokenNameFinder> finders;

    public ModelEntityRecognizer(KnowledgeBase kb, NerModel model) {
        this.kb = kb;
        this.finders = ThreadLocal.withInitial(model::newFinder);
    }

    public List<Mention> recognise(List<Token> tokens) {
        TokenNameFinder finder = finders.get();
        finder.clearAdaptiveData();
        List<Mention> mentions = new ArrayList<>();
        int n = tokens.size();
        int from = 0;
        while (from < n) {
            int end = from + 1;
            while (end < n && !tokens.get(end).sentenceStart() && end - from < MAX_SENTENCE_TOKENS) {
                end++;
            }
            recogniseSentence(finder, tokens, from, end, mentions);
            from = end;
        }
        return mentions;
    }

    private void recogniseSentence(TokenNameFinder finder, List<Token> tokens, int from, int end, List<Mention> out) {
        String[] words = new String[end - from];
        for (int i = from; i < end; i++) {
            words[i - from] = tokens.get(i).text();
        }
        Span[] spans = finder.find(words); // each with its probability: the mean of its tokens'
        boolean[] named = new boolean[words.length];
        for (int s = 0; s < spans.length; s++) {
            Span span = spans[s];
            EntityType type = switch (span.getType()) {
                case "PER" -> EntityType.PERSON;
                case "ORG" -> EntityType.ORGANISATION;
                case "LOC" -> EntityType.PLACE;
                default -> null; // MISC: nationalities, events, works; demonyms are picked up below
            };
            if (type == null) {
                continue;
            }
            int first = wordsFrom(tokens, from + span.getStart(), from + span.getEnd());
            int last = wordsTo(tokens, first, from + span.getEnd());
            if (first >= last) {
                continue;
            }
            if (type == EntityType.PERSON) {
                first += titleLength(tokens, first, last);
                if (first >= last) {
                    continue; // "President", "Foreign Minister": titles and roles are never people
                }
            }
            int withLegalForm = legalFormEnd(tokens, last, end);
            if (withLegalForm > last || EntityRecognizer.LEGAL_SUFFIXES.contains(tokens.get(last - 1).text()) && last - first > 1) {
                type = EntityType.ORGANISATION; // "Siemens AG", "Matsushita Electric Industrial Co Ltd"
                last = withLegalForm;
            }
            for (int i = first; i < last; i++) {
                named[i - from] = true;
            }
            KnownEntity known = link(tokens, first, last, type);
            if (known == null && last - first > 1 && kb.isEventWord(tokens.get(last - 1).text())) {
                continue; // "Alcohol Act", "Davis Cup": a law, treaty, prize or event, none of our three kinds
            }
            double confidence = known != null ? 0.95 : 0.5 + 0.45 * span.getProb();
            out.add(new Mention(first, last, tokens.get(first).start(), tokens.get(last - 1).end(),
                    EntityRecognizer.surface(tokens, first, last), type, known, confidence, false));
        }
        for (int i = from; i < end; i++) {
            if (named[i - from] || !tokens.get(i).isWord() || tokens.get(i).allCapsLine()) {
                continue;
            }
            Token t = tokens.get(i);
            if (i + 1 < end && !named[i + 1 - from] && kb.demonym(t.text(), tokens.get(i + 1).text()) != null) {
                out.add(new Mention(i, i + 2, t.start(), tokens.get(i + 1).end(), EntityRecognizer.surface(tokens, i, i + 2),
                        EntityType.PLACE, kb.demonym(t.text(), tokens.get(i + 1).text()), 0.6, true));
                i++;
            } else if (kb.demonym(t.text()) != null) {
                out.add(new Mention(i, i + 1, t.start(), t.end(), t.text(), EntityType.PLACE, kb.demonym(t.text()), 0.6, true));
            }
        }
        out.sort(java.util.Comparator.comparingInt(Mention::firstToken));
    }

    /** Punctuation that can sit at the edge of a span but is never part of a name ("Health Test," -> "Health Test"). */
    private static final java.util.Set<String> EDGE_PUNCTUATION = java.util.Set.of(",", ";", ":", "\"", "'", "(", ")",
            "[", "]", "-", "--", "\u201c", "\u201d", "\u2018", "\u2019", "\u2013", "\u2014");

    /** The first token of the span {@code [first, last)} that is not edge punctuation. */
    static int wordsFrom(List<Token> tokens, int first, int last) {
        while (first < last && EDGE_PUNCTUATION.contains(tokens.get(first).text())) {
            first++;
        }
        return first;
    }

    /** The end of the span {@code [first, last)} without edge punctuation at its end. */
    static int wordsTo(List<Token> tokens, int first, int last) {
        while (last > first && EDGE_PUNCTUATION.contains(tokens.get(last - 1).text())) {
            last--;
        }
        return last;
    }

    /** Tokens of a title ("Foreign Minister", "Sen.", "Mr") opening a span, with a dot after it. */
    private int titleLength(List<Token> tokens, int first, int last) {
        int stripped = 0;
        boolean again = true;
        while (again && first + stripped < last) {
            again = false;
            for (int len = Math.min(kb.longestTitleTokens(), last - first - stripped); len >= 1; len--) {
                String key = KnowledgeBase.key(tokens.subList(first + stripped, first + stripped + len));
                if (kb.isTitle(key) || key.endsWith(".") && kb.isTitle(key.substring(0, key.length() - 1))) {
                    stripped += len;
                    if (first + stripped < last && tokens.get(first + stripped).text().equals(".")) {
                        stripped++;
                    }
                    again = true;
                    break;
                }
            }
        }
        return stripped;
    }

    /** After a name, the end of the legal forms that follow it in the same sentence ("Co Ltd"), else {@code at}. */
    private static int legalFormEnd(List<Token> tokens, int at, int sentenceEnd) {
        int end = at;
        while (end < sentenceEnd && end - at < 2 && EntityRecognizer.LEGAL_SUFFIXES.contains(tokens.get(end).text())) {
            end++;
        }
        return end;
    }

    private KnownEntity link(List<Token> tokens, int first, int last, EntityType type) {
        KnownAlias best = null;
        for (KnownAlias alias : kb.aliases(KnowledgeBase.key(tokens.subList(first, last)))) {
            if (alias.language() == null && alias.entity().type() == type && (best == null || alias.primary() && !best.primary())) {
                best = alias;
            }
        }
        if (best == null && type == EntityType.ORGANISATION && last - first > 1
                && EntityRecognizer.LEGAL_SUFFIXES.contains(tokens.get(last - 1).text())) {
            int base = last - 1;
            while (base > first + 1 && EntityRecognizer.LEGAL_SUFFIXES.contains(tokens.get(base - 1).text())) {
                base--;
            }
            // "Siemens AG" is Siemens, "Vodafone Group Plc" Vodafone: the longest known company opening the name
            for (int end = base; end > first && end >= base - MAX_WORDS_BEFORE_LEGAL_FORM; end--) {
                KnownEntity company = link(tokens, first, end, type);
                if (company != null) {
                    return company;
                }
            }
            return null;
        }
        return best == null ? null : best.entity();
    }
}
