package io.wirestream.enrich.tagging;

import io.wirestream.newsformats.corpora.CorporaLocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.wirestream.avro.Article;
import io.wirestream.avro.Entity;
import io.wirestream.avro.PubStatus;
import io.wirestream.avro.Subject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The scraped web page in the shared corpora (read at test time, never copied): the expected tags must be found
 * whether the whole scraped text is tagged or only its story lines. Skips when the corpora are absent.
 */
class WebCopySampleTest {

    static final List<String> EXPECTED_ENTITIES = List.of("Sergei Lavrov", "Mohamed Ali Alhakim", "Vladimir Putin",
            "Donald Trump", "Daesh", "League of Arab States", "Iraq", "Syria", "Russia", "United States", "Moscow");

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void expectedTagsAreFound(boolean wholeText) throws IOException {
        Optional<Path> corpora = CorporaLocation.find();
        assumeTrue(corpora.isPresent() && Files.exists(corpora.get().resolve("web-copy-sample.txt")),
                "shared corpora not present: skipping the web copy sample");
        List<String> lines = Files.readAllLines(corpora.get().resolve("web-copy-sample.txt"), StandardCharsets.UTF_8);
        List<String> paragraphs = new ArrayList<>();
        for (String line : lines) {
            String l = line.strip();
            // story lines only: long enough to be prose; the furniture, related headlines and tag line are dropped
            if (wholeText ? !l.isEmpty() : l.length() > 80) {
                paragraphs.add(l);
            }
        }
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        Article tagged = ArticleTagger.withBundledKnowledge().tag(Article.newBuilder().setUri("web:1").setVersion(1)
                .setVersioncreated(t).setPubstatus(PubStatus.usable).setHeadline("")
                .setBodyParagraphs(paragraphs).setAgency("web").setReceivedAt(t).build());

        for (String expected : EXPECTED_ENTITIES) {
            assertThat(tagged.getEntities())
                    .as("entity %s", expected)
                    .anySatisfy(e -> assertThat(namesOf(e)).contains(expected));
        }
        List<String> subjects = tagged.getSubjects().stream().map(Subject::getCode).toList();
        assertThat(subjects).contains("medtop:11000000", "medtop:20000638", "medtop:16000000");
    }

    /** An entity is "tagged X" when X is its canonical name or one of the names it was found under (Daesh). */
    static List<String> namesOf(Entity e) {
        List<String> names = new ArrayList<>(e.getMentions());
        names.add(e.getName());
        return names;
    }
}
