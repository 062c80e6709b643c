package io.wirestream.quality.dedupe;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.quality.corpora.Conll2003;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CoNLL-2003 reader on files in the corpus's layout, with documents invented for the test. */
class ConllCorpusTest {

    private static String tokens(String... sentences) {
        StringBuilder text = new StringBuilder("-DOCSTART- -X- O O\n\n");
        for (String sentence : sentences) {
            for (String token : sentence.split(" ")) {
                text.append(token).append(" NN I-NP O\n");
            }
            text.append('\n');
        }
        return text.toString();
    }

    private static void write(Path folder, String train, String testa) throws IOException {
        Files.writeString(folder.resolve("eng.train"), train, StandardCharsets.UTF_8);
        Files.writeString(folder.resolve("eng.testa"), testa, StandardCharsets.UTF_8);
    }

    @Test
    void rejoinsPunctuationCliticsQuotesBracketsAndDollars() {
        boolean[] quote = new boolean[1];

        assertThat(Conll2003.detokenise(List.of("The", "mill", "'s", "owner", "did", "n't", "say", "(", "or", "hint",
                ")", "how", "much", ":", "\"", "about", "$", "4", "mln", ",", "maybe", "\"", "."), quote))
                .isEqualTo("The mill's owner didn't say (or hint) how much: \"about $4 mln, maybe\".");
        assertThat(quote[0]).isFalse();
    }

    @Test
    void carriesAnOpenQuotationIntoTheNextSentence() {
        boolean[] quote = new boolean[1];

        assertThat(Conll2003.detokenise(List.of("He", "said", "\"", "we", "wait", "."), quote))
                .isEqualTo("He said \"we wait.");
        assertThat(Conll2003.detokenise(List.of("Then", "we", "sail", "\"", "."), quote))
                .isEqualTo("Then we sail\".");
    }

    @Test
    void takesHeadlineDatelineAndBodyAndDropsTheByline(@TempDir Path folder) throws IOException {
        write(folder,
                tokens("Norland mill cuts output .", "Ann Example", "NORLAND 1996-08-23",
                        "The Norland mill said on Friday it would cut output .", "It gave no figure ."),
                tokens("Orrin bank sets dividend .", "ORRIN 1996-08-30", "Orrin Bank set a dividend of 10 cents ."));

        List<CorpusStory> stories = ConllCorpus.read(folder);

        assertThat(stories).extracting(CorpusStory::id).containsExactly("conll:eng.train/1", "conll:eng.testa/1");
        CorpusStory mill = stories.get(0);
        assertThat(mill.headline()).isEqualTo("Norland mill cuts output.");
        assertThat(mill.paragraphs()).containsExactly("The Norland mill said on Friday it would cut output.",
                "It gave no figure.");
        assertThat(mill.wiredAt()).isEqualTo(Instant.parse("1996-08-23T00:00:00Z"));
    }

    @Test
    void keepsACorrectionNoteJoinsASplitHeadlineAndTakesAPlaceLineWithALoneDate(@TempDir Path folder)
            throws IOException {
        write(folder,
                tokens("Ore Co. files plan .", "[ CORRECTED 10:00 GMT ]", "ORETOWN , Wis .", "1996-08-26",
                        "Ore Co. said it filed a plan ."),
                tokens("Gov. Ann of Mass .", "wins a vote .", "BOSTON 1996-08-30", "She won it ."));

        List<CorpusStory> stories = ConllCorpus.read(folder);

        CorpusStory ore = stories.get(0);
        assertThat(ore.headline()).isEqualTo("Ore Co. files plan.");
        assertThat(ore.paragraphs()).containsExactly("[CORRECTED 10:00 GMT]", "Ore Co. said it filed a plan.");
        assertThat(ore.wiredAt()).isEqualTo(Instant.parse("1996-08-26T00:00:00Z"));
        CorpusStory vote = stories.get(1);
        assertThat(vote.headline()).isEqualTo("Gov. Ann of Mass. wins a vote.");
        assertThat(vote.paragraphs()).containsExactly("She won it.");
    }

    @Test
    void ordersByDateThenFileThenNumberAndDatesADocumentWithoutDatelineByTheOneBefore(@TempDir Path folder)
            throws IOException {
        write(folder,
                tokens("Late story .", "ATOWN 1996-08-24", "Body one .")
                        + tokens("Table without dateline .", "Row 1 2 3")
                        + tokens("Early story .", "BTOWN 1996-08-22", "Body two ."),
                tokens("Testa story .", "CTOWN 1996-08-24", "Body three ."));

        List<CorpusStory> stories = ConllCorpus.read(folder);

        assertThat(stories).extracting(CorpusStory::id).containsExactly("conll:eng.train/3", "conll:eng.train/1",
                "conll:eng.train/2", "conll:eng.testa/1");
        assertThat(stories).extracting(CorpusStory::wiredAt).containsExactly(
                Instant.parse("1996-08-22T00:00:00Z"), Instant.parse("1996-08-24T00:00:00Z"),
                Instant.parse("1996-08-24T00:00:01Z"), Instant.parse("1996-08-24T00:00:02Z"));
        assertThat(stories.get(2).paragraphs()).containsExactly("Row 1 2 3");
    }
}
