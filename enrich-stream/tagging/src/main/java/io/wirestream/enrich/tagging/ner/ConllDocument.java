package io.wirestream.enrich.tagging.ner;

import opennlp.tools.util.Span;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One document of a CoNLL-2003-format file (word first, the IOB1 or IOB2 entity tag last; documents begin with
 * {@code -DOCSTART-}, sentences are separated by blank lines). The format is read here so that training, the
 * cross-validation and tests share one reading; no corpus ships with the project.
 */
public record ConllDocument(List<Sentence> sentences) {

    /** A sentence's words and its names as token spans typed PER, ORG, LOC or MISC. */
    public record Sentence(String[] words, Span[] names) {
    }

    public int tokens() {
        int n = 0;
        for (Sentence s : sentences) {
            n += s.words().length;
        }
        return n;
    }

    public static List<ConllDocument> read(Path file) throws IOException {
        return parse(Files.readAllLines(file, StandardCharsets.UTF_8));
    }

    public static List<ConllDocument> parse(List<String> lines) {
        List<ConllDocument> documents = new ArrayList<>();
        List<Sentence> sentences = new ArrayList<>();
        List<String> words = new ArrayList<>();
        List<String> tags = new ArrayList<>();
        for (String line : lines) {
            if (line.startsWith("-DOCSTART-")) {
                endSentence(words, tags, sentences);
                if (!sentences.isEmpty()) {
                    documents.add(new ConllDocument(List.copyOf(sentences)));
                    sentences.clear();
                }
            } else if (line.isBlank()) {
                endSentence(words, tags, sentences);
            } else {
                String[] cols = line.trim().split("\\s+");
                words.add(cols[0]);
                tags.add(cols[cols.length - 1]);
            }
        }
        endSentence(words, tags, sentences);
        if (!sentences.isEmpty()) {
            documents.add(new ConllDocument(List.copyOf(sentences)));
        }
        return documents;
    }

    private static void endSentence(List<String> words, List<String> tags, List<Sentence> into) {
        if (words.isEmpty()) {
            return;
        }
        into.add(new Sentence(words.toArray(String[]::new), spans(tags)));
        words.clear();
        tags.clear();
    }

    /** IOB1 or IOB2 tags to spans: a name begins at B-, or where the type changes after O or another type. */
    static Span[] spans(List<String> tags) {
        List<Span> out = new ArrayList<>();
        String open = null;
        int start = -1;
        for (int i = 0; i < tags.size(); i++) {
            String tag = tags.get(i);
            String type = tag.equals("O") || tag.length() < 3 ? null : tag.substring(2);
            boolean begins = tag.startsWith("B-") || type != null && !type.equals(open);
            if (open != null && (type == null || begins)) {
                out.add(new Span(start, i, open));
                open = null;
            }
            if (type != null && open == null) {
                open = type;
                start = i;
            }
        }
        if (open != null) {
            out.add(new Span(start, tags.size(), open));
        }
        return out.toArray(Span[]::new);
    }
}
