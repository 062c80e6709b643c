package io.wirestream.enrich.tagging.ner;

import io.wirestream.avro.EntityType;
import io.wirestream.enrich.tagging.ArticleTagger;
import io.wirestream.enrich.tagging.TaggerSettings;
import io.wirestream.enrich.tagging.TaggingResult;
import io.wirestream.enrich.tagging.entities.Mention;
import io.wirestream.enrich.tagging.knowledge.KnowledgeBase;
import io.wirestream.enrich.tagging.text.TextLanguage;
import opennlp.tools.util.Span;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The trained name finder on invented copy: training, the model file, loading, language gating, refusal. */
class NerModelTest {

    /** Invented names the rules cannot know: Zorblax the company, Lundvik the place, Velmiro Astrund the person. */
    static final String STORY = "Analysts said Zorblax hired 300 workers in Lundvik , Velmiro Astrund said .";

    static List<ConllDocument> documents;
    static NerModel model;

    @BeforeAll
    static void train() throws IOException {
        try (InputStream in = Objects.requireNonNull(NerModelTest.class.getResourceAsStream("/ner/invented-conll.txt"))) {
            documents = ConllDocument.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList());
        }
        model = NerTrainer.train(documents, new NerTrainer.Parameters("MAXENT", 40, 0, 1, 3),
                Map.of(NerModel.TRAINING_SHA256, "00ff", NerModel.TRAINING_DATA, "invented-conll.txt"));
    }

    @Test
    void readsDocumentsSentencesAndIobSpans() {
        assertThat(documents).hasSize(7);
        assertThat(documents.subList(0, 6)).allSatisfy(d -> assertThat(d.sentences()).hasSize(7));
        ConllDocument.Sentence first = documents.get(0).sentences().get(0);
        assertThat(first.names()).containsExactly(new Span(0, 2, "PER"), new Span(6, 7, "ORG"), new Span(12, 13, "LOC"));
        // IOB1: I- continues a name of the same type, B- starts a new one next to it, a type change starts one too
        assertThat(ConllDocument.spans(List.of("I-PER", "I-PER", "B-PER", "I-ORG", "O", "I-LOC")))
                .containsExactly(new Span(0, 2, "PER"), new Span(2, 3, "PER"), new Span(3, 4, "ORG"), new Span(5, 6, "LOC"));
    }

    @Test
    void aTrainedModelRoundTripsWithItsManifest(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("models/en-ner.bin");
        model.with(Map.of(NerModel.SCORES, "PER 1.000")).write(file);

        NerModel read = NerModel.load(file);

        assertThat(read.property(NerModel.FEATURES)).isEqualTo(NerFeatureSet.VERSION);
        assertThat(read.property(NerModel.TRAINING_SHA256)).isEqualTo("00ff");
        assertThat(read.property(NerModel.TRAINING_DATA)).isEqualTo("invented-conll.txt");
        assertThat(read.property(NerModel.TRAINING_PARAMETERS)).contains("algorithm=MAXENT", "iterations=40");
        assertThat(read.property(NerModel.KNOWLEDGE)).isEqualTo(KnowledgeBase.bundled().version());
        assertThat(read.property(NerModel.SCORES)).isEqualTo("PER 1.000");
        assertThat(read.origin()).isEqualTo(file.toString());
        assertThat(names(new ArticleTagger(KnowledgeBase.bundled(), TaggerSettings.defaults(), read), STORY, TextLanguage.ENGLISH))
                .isEqualTo(names(new ArticleTagger(KnowledgeBase.bundled(), TaggerSettings.defaults(), model), STORY, TextLanguage.ENGLISH));
    }

    @Test
    void theTaggerUsesAConfiguredModelAndTheRulesWithout(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("en-ner.bin");
        model.write(file);
        ArticleTagger withModel = new ArticleTagger(KnowledgeBase.bundled(), TaggerSettings.defaults().withNerModel(file.toString()));
        ArticleTagger rules = new ArticleTagger(KnowledgeBase.bundled(), TaggerSettings.defaults());

        assertThat(withModel.nerModel()).isPresent();
        assertThat(names(withModel, STORY, TextLanguage.ENGLISH))
                .contains("ORGANISATION Zorblax", "PLACE Lundvik", "PERSON Velmiro Astrund");
        assertThat(rules.nerModel()).isEmpty();
        assertThat(names(rules, STORY, TextLanguage.ENGLISH)).doesNotContain("ORGANISATION Zorblax");
    }

    @Test
    void nonEnglishCopyNeverUsesTheModel() {
        ArticleTagger withModel = new ArticleTagger(KnowledgeBase.bundled(), TaggerSettings.defaults(), model);
        String german = "Analysten sagten , Zorblax habe 300 Arbeiter in Lundvik eingestellt , sagte Velmiro Astrund .";

        assertThat(names(withModel, german, TextLanguage.of("de"))).isEmpty();
        assertThat(names(withModel, "Zorblax hired 300 workers in Lundvik , Velmiro Astrund said in Berlin .", TextLanguage.of("de")))
                .containsExactly("PLACE Berlin"); // known names only, as without a model
    }

    @Test
    void titlesAreStrippedAndLegalFormsKeptWhole() {
        ArticleTagger withModel = new ArticleTagger(KnowledgeBase.bundled(), TaggerSettings.defaults(), model);

        List<String> names = names(withModel, "Shares in Zorblax Ltd rose in Lundvik after President Velmiro Astrund spoke .",
                TextLanguage.ENGLISH);

        assertThat(names).contains("ORGANISATION Zorblax Ltd").doesNotContain("PERSON President Velmiro Astrund");
        assertThat(names).noneMatch(n -> n.startsWith("PERSON President"));
    }

    @Test
    void aLawIsNoPersonAndAKnownCompanyIsLinkedThroughItsLegalForm() {
        ArticleTagger withModel = new ArticleTagger(KnowledgeBase.bundled(), TaggerSettings.defaults(), model);
        // the fixture teaches the model the wrong thing on purpose: "Quorin Act" as a person
        String text = "Lawmakers said Quorin Act would pass , and Vodafone Group Plc said it would wait .";

        TaggingResult result = withModel.analyse(text, text.length(), TextLanguage.ENGLISH);

        assertThat(result.mentions()).noneMatch(m -> m.surface().contains("Act"));
        assertThat(result.entities()).anySatisfy(e -> {
            assertThat(e.uri()).isEqualTo("wirestream:org:vodafone");
            assertThat(e.mentions()).contains("Vodafone Group Plc");
        });
    }

    @Test
    void aModelOfAnotherFeatureVersionIsRefused(@TempDir Path dir) throws IOException {
        Path current = dir.resolve("current.bin");
        model.write(current);
        Path old = dir.resolve("old.bin");
        rewriteManifest(current, old, NerModel.FEATURES + "=" + NerFeatureSet.VERSION, NerModel.FEATURES + "=wirestream-ner-features-0");

        assertThatThrownBy(() -> NerModel.load(old))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(old.toString())
                .hasMessageContaining("'wirestream-ner-features-0'")
                .hasMessageContaining("retrain");
        assertThatThrownBy(() -> new ArticleTagger(KnowledgeBase.bundled(), TaggerSettings.defaults().withNerModel(old.toString())))
                .hasMessageContaining("'wirestream-ner-features-0'");
    }

    @Test
    void anUnreadableModelIsRefused(@TempDir Path dir) throws IOException {
        Path missing = dir.resolve("absent.bin");
        Path garbage = Files.writeString(dir.resolve("garbage.bin"), "not a model");

        assertThatThrownBy(() -> new ArticleTagger(KnowledgeBase.bundled(), TaggerSettings.defaults().withNerModel(missing.toString())))
                .hasMessageContaining("not a readable file");
        assertThatThrownBy(() -> NerModel.load(garbage)).hasMessageContaining("cannot be read");
    }

    static List<String> names(ArticleTagger tagger, String text, TextLanguage language) {
        TaggingResult result = tagger.analyse(text, text.length(), language);
        return result.mentions().stream().filter(m -> !m.adjectival())
                .map((Mention m) -> m.type() + " " + m.surface()).toList();
    }

    /** Copies a model file, replacing one line of its manifest. */
    private static void rewriteManifest(Path from, Path to, String line, String replacement) throws IOException {
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(from));
             OutputStream file = Files.newOutputStream(to);
             ZipOutputStream out = new ZipOutputStream(file)) {
            boolean replaced = false;
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                in.transferTo(bytes);
                byte[] content = bytes.toByteArray();
                if (e.getName().equals("manifest.properties")) {
                    String text = bytes.toString(StandardCharsets.ISO_8859_1);
                    assertThat(text).contains(line);
                    content = text.replace(line, replacement).getBytes(StandardCharsets.ISO_8859_1);
                    replaced = true;
                }
                out.putNextEntry(new ZipEntry(e.getName()));
                out.write(content);
                out.closeEntry();
            }
            assertThat(replaced).isTrue();
        }
    }
}
