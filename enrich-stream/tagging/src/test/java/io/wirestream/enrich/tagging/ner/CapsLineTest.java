package io.wirestream.enrich.tagging.ner;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.enrich.tagging.ArticleTagger;
import io.wirestream.enrich.tagging.TaggerSettings;
import io.wirestream.enrich.tagging.TaggingResult;
import io.wirestream.enrich.tagging.entities.Mention;
import io.wirestream.enrich.tagging.knowledge.KnowledgeBase;
import io.wirestream.enrich.tagging.text.TextLanguage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * In a line written in capitals (old wire headlines), case tells a name finder nothing. Seen live on Reuters copy with
 * the trained model: "HIGHER", "VETO", "DEAL" and "RADIO" as people, "HONDURAS" and "THAILAND" as organisations. There
 * the curated knowledge decides a known name's kind, and a lone unknown word is no person. A model is trained here on
 * invented copy that teaches it exactly those mistakes.
 */
class CapsLineTest {

    static ArticleTagger tagger;

    @BeforeAll
    static void train() {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            lines.add("-DOCSTART- O");
            lines.add("");
            for (String row : List.of("FARMERS O", "WANT O", "HIGHER B-PER", "PAY O", "", "TALKS O", "WITH O",
                    "HONDURAS B-ORG", "STALL O", "", "Talks O", "with O", "Velmiro B-PER", "Astrund I-PER", "stalled O",
                    ". O", "")) {
                lines.add(row);
            }
        }
        NerModel model = NerTrainer.train(ConllDocument.parse(lines), new NerTrainer.Parameters("MAXENT", 40, 0, 1, 3),
                Map.of(NerModel.TRAINING_SHA256, "00ff", NerModel.TRAINING_DATA, "caps-line-fixture"));
        tagger = new ArticleTagger(KnowledgeBase.bundled(), TaggerSettings.defaults(), model);
    }

    static List<String> names(TaggingResult result) {
        return result.mentions().stream().filter(m -> !m.adjectival()).map((Mention m) -> m.type() + " " + m.surface()).toList();
    }

    @Test
    void aLoneUnknownWordInACapitalsLineIsNoPerson() {
        TaggingResult result = tagger.analyse("FARMERS WANT HIGHER PAY", List.of("Talks with Velmiro Astrund stalled ."),
                TextLanguage.ENGLISH);
        assertThat(names(result)).doesNotContain("PERSON HIGHER").contains("PERSON Velmiro Astrund");
    }

    @Test
    void aKnownNameInACapitalsLineIsWhatTheKnowledgeSaysItIs() {
        TaggingResult result = tagger.analyse("TALKS WITH HONDURAS STALL", List.of("Talks with Velmiro Astrund stalled ."),
                TextLanguage.ENGLISH);
        assertThat(names(result)).doesNotContain("ORGANISATION HONDURAS").contains("PLACE HONDURAS");
        assertThat(result.entities()).anySatisfy(e -> assertThat(e.mentions()).contains("HONDURAS"));
    }
}
