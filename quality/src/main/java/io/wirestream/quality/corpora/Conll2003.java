package io.wirestream.quality.corpora;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The documents of a CoNLL-2003 file ({@code conll2003/eng.train}, {@code eng.testa}: Reuters copy of August 1996,
 * one token per line, first column the word, a blank line between sentences, {@code -DOCSTART-} between documents),
 * and the text a reader would have seen, rebuilt from the tokens by {@link #detokenise}.
 */
public final class Conll2003 {

    /** The files read for evaluation, in this order. */
    public static final List<String> FILES = List.of("eng.train", "eng.testa");

    /** One document: its file, its number in the file (from 1), its sentences as tokens. */
    public record Document(String file, int number, List<List<String>> sentences) {
    }

    // glued to the token before: closing punctuation and the clitics the tokeniser split off ("does n't", "it 's")
    private static final Set<String> NO_SPACE_BEFORE = Set.of(".", ",", ";", ":", "!", "?", ")", "]", "}", "%",
            "...", "..", "'", "'s", "n't", "'re", "'m", "'ve", "'ll", "'d");
    private static final Set<String> NO_SPACE_AFTER = Set.of("(", "[", "{");

    private Conll2003() {
    }

    /** Every document of one file, in file order; a document with no token is skipped (its number is still used). */
    public static List<Document> read(Path file) throws IOException {
        String name = file.getFileName().toString();
        List<Document> documents = new ArrayList<>();
        List<List<String>> sentences = null;
        List<String> sentence = new ArrayList<>();
        int number = 0;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.startsWith("-DOCSTART-")) {
                close(name, number, sentences, sentence, documents);
                number++;
                sentences = new ArrayList<>();
                sentence = new ArrayList<>();
                continue;
            }
            if (line.isBlank()) {
                if (sentences != null && !sentence.isEmpty()) {
                    sentences.add(List.copyOf(sentence));
                }
                sentence = new ArrayList<>();
                continue;
            }
            int space = line.indexOf(' ');
            sentence.add(space < 0 ? line : line.substring(0, space));
        }
        close(name, number, sentences, sentence, documents);
        return documents;
    }

    private static void close(String file, int number, List<List<String>> sentences, List<String> open,
            List<Document> documents) {
        if (sentences == null) {
            return; // tokens before the first -DOCSTART- belong to no document
        }
        if (!open.isEmpty()) {
            sentences.add(List.copyOf(open));
        }
        if (!sentences.isEmpty()) {
            documents.add(new Document(file, number, List.copyOf(sentences)));
        }
    }

    /**
     * Text from tokens as a reader would see it: no space before closing punctuation or a split clitic ({@code 's},
     * {@code n't}), none after an opening bracket, {@code $} joined to the figure that follows, and straight double
     * quotes taken in turn as opening and closing. {@code quoteOpen} carries the quote state from sentence to sentence
     * of one document (a quotation may run over several); it is read and updated.
     */
    public static String detokenise(List<String> tokens, boolean[] quoteOpen) {
        StringBuilder text = new StringBuilder();
        boolean glueNext = true;
        for (int i = 0; i < tokens.size(); i++) {
            String token = tokens.get(i);
            boolean glue = glueNext;
            glueNext = false;
            if (token.equals("\"")) {
                if (quoteOpen[0]) {
                    glue = true;
                } else {
                    glueNext = true;
                }
                quoteOpen[0] = !quoteOpen[0];
            } else if (NO_SPACE_BEFORE.contains(token.toLowerCase(Locale.ROOT))) {
                glue = true;
            }
            if (NO_SPACE_AFTER.contains(token)
                    || token.equals("$") && i + 1 < tokens.size() && Character.isDigit(tokens.get(i + 1).charAt(0))) {
                glueNext = true;
            }
            if (!glue) {
                text.append(' ');
            }
            text.append(token);
        }
        return text.toString();
    }

    /** One sentence on its own (no quotation carried over). */
    public static String detokenise(List<String> tokens) {
        return detokenise(tokens, new boolean[1]);
    }
}
