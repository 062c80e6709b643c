package io.wirestream.enrich.tagging.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.avro.EntityType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KnowledgeResourcesTest {

    @Test
    void checkedInResourcesAreWhatTheGeneratorProduces() throws IOException {
        Map<String, String> generated = KnowledgeResourceGenerator.generate(Path.of("src/main/kb-facts"));
        for (Map.Entry<String, String> file : generated.entrySet()) {
            try (InputStream in = KnowledgeBase.class.getResourceAsStream("/kb/" + file.getKey())) {
                assertThat(in).as("resource kb/%s (run KnowledgeResourceGenerator)", file.getKey()).isNotNull();
                assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8))
                        .as("kb/%s is stale: run KnowledgeResourceGenerator", file.getKey())
                        .isEqualTo(file.getValue());
            }
        }
    }

    @Test
    void everyIsoCountryTheJdkKnowsIsAPlace() {
        KnowledgeBase kb = KnowledgeBase.bundled();
        for (String iso2 : java.util.Locale.getISOCountries()) {
            KnownEntity country = kb.byId("wirestream:place:" + iso2.toLowerCase(java.util.Locale.ROOT));
            assertThat(country).as(iso2).isNotNull();
            assertThat(country.type()).isEqualTo(EntityType.PLACE);
        }
        assertThat(kb.demonym("Iraqi").canonicalName()).isEqualTo("Iraq");
        assertThat(kb.aliases("daesh")).extracting(a -> a.entity().canonicalName()).containsExactly("Islamic State");
        assertThat(kb.version()).isEqualTo(KnowledgeResourceGenerator.KNOWLEDGE_VERSION);
    }

    @Test
    void twoWordDemonymsAndTitlesAreFoundThroughTheirFirstWord() {
        // the look-ups that skip building a two-word key when no demonym or title begins with the first word
        KnowledgeBase kb = KnowledgeBase.bundled();
        assertThat(kb.demonym("Costa", "Rican").canonicalName()).isEqualTo("Costa Rica");
        assertThat(kb.demonym("Costa", "Brava")).isNull();
        assertThat(kb.demonym("Iraqi", "forces")).isNull();
        assertThat(kb.beginsLongerTitle("vice")).isTrue();
        assertThat(kb.isTitle("vice president")).isTrue();
        assertThat(kb.beginsLongerTitle("president")).isFalse();
    }
}
