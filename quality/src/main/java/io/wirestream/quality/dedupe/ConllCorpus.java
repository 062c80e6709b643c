package io.wirestream.quality.dedupe;

import io.wirestream.quality.corpora.Conll2003;
import io.wirestream.quality.corpora.Conll2003.Document;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The Reuters documents of CoNLL-2003 ({@link Conll2003}: {@code eng.train}, then {@code eng.testa}) as dedupe
 * stories, ids {@code conll:<file>/<document number>}, group the file. The corpus keeps only tokens, so each story is
 * rebuilt by a few fixed rules:
 * <ul>
 *   <li>the headline is the first sentence;</li>
 *   <li>the dateline is the first of the next three sentences that ends with an ISO date and has at most eight tokens
 *       ({@code NORLAND 1996-08-30}); when it is the date alone, the sentence before it is its place
 *       ({@code ORETOWN , Wis .}) and belongs to it. The dateline is not body (wire copy carries it apart);</li>
 *   <li>sentences between the headline and the dateline are header lines: one in square brackets (an editor's note,
 *       {@code [ CORRECTED 10:00 GMT ]}) opens the body, one ending with a full stop is the rest of a headline the
 *       tokeniser split at an abbreviation ({@code Gov .}) and joins it, any other is a byline and is dropped;</li>
 *   <li>every other sentence is a body paragraph, in order (the corpus marks no paragraphs);</li>
 *   <li>a story is wired on its dateline's date; one without a dateline (a few tables and digests) on the date of the
 *       story before it in its file (the first story of a file: the next one's). Stories of one date follow in file
 *       and number order, one second apart, so wire order is (date, file, number) and the ids never decide it.</li>
 * </ul>
 * Every document is kept, however short: the engine itself judges a story too short for shingles by its exact text
 * only. (No document of the two files is a headline alone: the shortest has 24 tokens.)
 */
public final class ConllCorpus {

    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final int DATELINE_WITHIN = 3;
    private static final int DATELINE_MAX_TOKENS = 8;

    private ConllCorpus() {
    }

    /** Whether both files are there. */
    public static boolean present(Path conllRoot) {
        return Conll2003.FILES.stream().allMatch(f -> Files.isRegularFile(conllRoot.resolve(f)));
    }

    /** Both files' stories in wire order. */
    public static List<CorpusStory> read(Path conllRoot) throws IOException {
        List<Dated> dated = new ArrayList<>();
        for (String file : Conll2003.FILES) {
            dated.addAll(inFile(Conll2003.read(conllRoot.resolve(file))));
        }
        dated.sort(Comparator.comparing(Dated::date).thenComparing(d -> Conll2003.FILES.indexOf(d.document().file()))
                .thenComparingInt(d -> d.document().number()));
        List<CorpusStory> stories = new ArrayList<>();
        LocalDate day = null;
        int ofDay = 0;
        for (Dated d : dated) {
            ofDay = d.date().equals(day) ? ofDay + 1 : 0;
            day = d.date();
            Instant wiredAt = day.atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds(ofDay);
            stories.add(story(d.document(), wiredAt));
        }
        return stories;
    }

    private record Dated(Document document, LocalDate date) {
    }

    /** Each document with its dateline's date, or the nearest one before (else after) it in the file. */
    private static List<Dated> inFile(List<Document> documents) {
        List<LocalDate> dates = new ArrayList<>();
        for (Document document : documents) {
            int at = datelineAt(document.sentences());
            dates.add(at < 0 ? null : date(document.sentences().get(at)));
        }
        List<Dated> dated = new ArrayList<>();
        for (int i = 0; i < documents.size(); i++) {
            LocalDate date = dates.get(i);
            for (int back = i - 1; date == null && back >= 0; back--) {
                date = dates.get(back);
            }
            for (int ahead = i + 1; date == null && ahead < documents.size(); ahead++) {
                date = dates.get(ahead);
            }
            dated.add(new Dated(documents.get(i), date == null ? LocalDate.EPOCH : date));
        }
        return dated;
    }

    /** The index of the dateline sentence, or -1. */
    static int datelineAt(List<List<String>> sentences) {
        for (int i = 1; i <= DATELINE_WITHIN && i < sentences.size(); i++) {
            List<String> s = sentences.get(i);
            if (s.size() <= DATELINE_MAX_TOKENS && date(s) != null) {
                return i;
            }
        }
        return -1;
    }

    private static LocalDate date(List<String> sentence) {
        String last = sentence.get(sentence.size() - 1);
        if (!ISO_DATE.matcher(last).matches()) {
            return null;
        }
        try {
            return LocalDate.parse(last);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    static CorpusStory story(Document document, Instant wiredAt) {
        List<List<String>> sentences = document.sentences();
        boolean[] quote = new boolean[1];
        List<String> headlineTokens = new ArrayList<>(sentences.get(0));
        List<String> header = new ArrayList<>();
        List<String> paragraphs = new ArrayList<>();
        int dateline = datelineAt(sentences);
        int headerEnd = dateline;
        if (dateline > 1 && sentences.get(dateline).size() == 1) {
            headerEnd = dateline - 1; // the date alone: the sentence before is its place
        }
        int bodyFrom = 1;
        if (dateline > 0) {
            for (int i = 1; i < headerEnd; i++) {
                List<String> line = sentences.get(i);
                if (line.get(0).equals("[")) {
                    header.add(Conll2003.detokenise(line));
                } else if (line.get(line.size() - 1).equals(".")) {
                    headlineTokens.addAll(line);
                }
                // else a byline: not part of the story's text
            }
            bodyFrom = dateline + 1;
        }
        String headline = Conll2003.detokenise(headlineTokens, quote);
        paragraphs.addAll(header);
        for (int i = bodyFrom; i < sentences.size(); i++) {
            paragraphs.add(Conll2003.detokenise(sentences.get(i), quote));
        }
        return new CorpusStory("conll:" + document.file() + "/" + document.number(), "conll:" + document.file(),
                wiredAt, headline, List.copyOf(paragraphs));
    }
}
