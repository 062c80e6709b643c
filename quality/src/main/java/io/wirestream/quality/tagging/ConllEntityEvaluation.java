package io.wirestream.quality.tagging;

import io.wirestream.avro.EntityType;
import io.wirestream.enrich.tagging.ArticleTagger;
import io.wirestream.enrich.tagging.TaggingResult;
import io.wirestream.enrich.tagging.entities.Mention;
import io.wirestream.enrich.tagging.ner.ConllDocument;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Exact-span precision, recall and F1 per type (PER, ORG, LOC) on a CoNLL-2003 file. Each document's tokens are
 * joined with spaces (one sentence per line) and tagged as plain text; a predicted span counts when its characters and
 * type equal a gold span. MISC is not scored, and demonyms (which CoNLL marks MISC) are not predicted as spans.
 * The POS and chunk columns are not used: the tagger sees only the words.
 */
public final class ConllEntityEvaluation {

    private final ArticleTagger tagger;
    private final double minConfidence;

    public ConllEntityEvaluation(ArticleTagger tagger, double minConfidence) {
        this.tagger = tagger;
        this.minConfidence = minConfidence;
    }

    private record Span(int start, int end, String type) {
    }

    public Map<String, PrecisionRecall> evaluate(Path file) throws IOException {
        return evaluate(ConllDocument.read(file));
    }

    /** Scores the tagger on documents: each is one text, a sentence per line, its words joined by spaces. */
    public Map<String, PrecisionRecall> evaluate(List<ConllDocument> documents) {
        Map<String, PrecisionRecall> byType = new LinkedHashMap<>();
        for (String type : List.of("PER", "ORG", "LOC")) {
            byType.put(type, PrecisionRecall.ZERO);
        }
        StringBuilder text = new StringBuilder();
        Set<Span> gold = new HashSet<>();
        for (ConllDocument document : documents) {
            text.setLength(0);
            gold.clear();
            for (ConllDocument.Sentence sentence : document.sentences()) {
                String[] words = sentence.words();
                int[] starts = new int[words.length];
                int[] ends = new int[words.length];
                for (int i = 0; i < words.length; i++) {
                    if (i > 0) {
                        text.append(' ');
                    }
                    starts[i] = text.length();
                    text.append(words[i]);
                    ends[i] = text.length();
                }
                text.append('\n');
                for (opennlp.tools.util.Span name : sentence.names()) {
                    if (byType.containsKey(name.getType())) {
                        gold.add(new Span(starts[name.getStart()], ends[name.getEnd() - 1], name.getType()));
                    }
                }
            }
            score(text.toString(), gold, byType);
        }
        return byType;
    }

    private void score(String text, Set<Span> gold, Map<String, PrecisionRecall> byType) {
        if (text.isBlank()) {
            return;
        }
        int firstLine = text.indexOf('\n');
        TaggingResult result = tagger.analyse(text, firstLine < 0 ? text.length() : firstLine);
        Set<Span> predicted = new HashSet<>();
        for (Mention m : result.mentions()) {
            if (!m.adjectival() && m.confidence() >= minConfidence) {
                predicted.add(new Span(m.start(), m.end(), conllType(m.type())));
            }
        }
        for (String type : byType.keySet()) {
            long tp = 0;
            long fp = 0;
            long fn = 0;
            for (Span p : predicted) {
                if (p.type().equals(type)) {
                    if (gold.contains(p)) {
                        tp++;
                    } else {
                        fp++;
                    }
                }
            }
            for (Span g : gold) {
                if (g.type().equals(type) && !predicted.contains(g)) {
                    fn++;
                }
            }
            byType.put(type, byType.get(type).plus(tp, fp, fn));
        }
    }

    static String conllType(EntityType type) {
        return switch (type) {
            case PERSON -> "PER";
            case ORGANISATION -> "ORG";
            case PLACE -> "LOC";
            default -> "MISC";
        };
    }
}
