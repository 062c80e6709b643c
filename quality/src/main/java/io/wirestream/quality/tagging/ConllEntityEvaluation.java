package io.wirestream.quality.tagging;

import io.wirestream.avro.EntityType;
import io.wirestream.enrich.tagging.ArticleTagger;
import io.wirestream.enrich.tagging.TaggingResult;
import io.wirestream.enrich.tagging.entities.Mention;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
        Map<String, PrecisionRecall> byType = new LinkedHashMap<>();
        for (String type : List.of("PER", "ORG", "LOC")) {
            byType.put(type, PrecisionRecall.ZERO);
        }
        StringBuilder text = new StringBuilder();
        Set<Span> gold = new HashSet<>();
        String openType = null;
        int openStart = -1;
        int lastEnd = -1;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.startsWith("-DOCSTART-")) {
                if (openType != null) {
                    gold.add(new Span(openStart, lastEnd, openType));
                    openType = null;
                }
                score(text.toString(), gold, byType);
                text.setLength(0);
                gold.clear();
                continue;
            }
            if (line.isBlank()) {
                if (openType != null) {
                    gold.add(new Span(openStart, lastEnd, openType));
                    openType = null;
                }
                if (text.length() > 0 && text.charAt(text.length() - 1) != '\n') {
                    text.append('\n');
                }
                continue;
            }
            String[] cols = line.split(" ");
            String word = cols[0];
            String tag = cols[cols.length - 1];
            if (text.length() > 0 && text.charAt(text.length() - 1) != '\n') {
                text.append(' ');
            }
            int start = text.length();
            text.append(word);
            int end = text.length();
            String type = tag.equals("O") ? null : tag.substring(2);
            boolean begins = tag.startsWith("B-") || type != null && !type.equals(openType);
            if (openType != null && (type == null || begins)) {
                gold.add(new Span(openStart, lastEnd, openType));
                openType = null;
            }
            if (type != null && openType == null) {
                openType = type;
                openStart = start;
            }
            lastEnd = end;
        }
        if (openType != null) {
            gold.add(new Span(openStart, lastEnd, openType));
        }
        score(text.toString(), gold, byType);
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
