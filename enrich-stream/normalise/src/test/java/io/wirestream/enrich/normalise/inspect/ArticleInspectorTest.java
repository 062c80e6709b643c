package io.wirestream.enrich.normalise.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wirestream.avro.Article;
import io.wirestream.enrich.normalise.NormalisationException;
import io.wirestream.enrich.normalise.NormaliserLimits;
import io.wirestream.enrich.normalise.TestItems;
import io.wirestream.newsformats.ninjs.NinjsWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArticleInspectorTest {

    static final String NITF = "<nitf><head><docdata><doc-id id-string=\"EP-1\"/><date.issue norm=\"20240305T0900Z\"/>"
            + "</docdata></head><body><body.head><hedline><hl1>Inspect me</hl1></hedline></body.head>"
            + "<body.content><p>LISBON (EP) - One paragraph of text for the operator.</p></body.content></body></nitf>";

    @Test
    void aFileBecomesNinjs(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("story.xml");
        Files.writeString(file, NITF, StandardCharsets.UTF_8);
        try (ArticleInspector inspector = new ArticleInspector(TestItems.CLOCK, NormaliserLimits.defaults())) {
            List<Article> articles = inspector.inspect(file, "ep");
            assertThat(articles).hasSize(1);
            assertThat(articles.get(0).getUri()).isEqualTo("urn:wirestream:ep:EP-1");
            JsonNode doc = new ObjectMapper().readTree(inspector.toJson(articles, false));
            assertThat(doc.get("uri").asText()).isEqualTo("urn:wirestream:ep:EP-1");
            assertThat(doc.get("headlines").get(0).get("value").asText()).isEqualTo("Inspect me");
            assertThat(doc.has(NinjsWriter.EXTENSION_PROPERTY)).isFalse();
            JsonNode extended = new ObjectMapper().readTree(inspector.toJson(articles, true));
            assertThat(extended.get(NinjsWriter.EXTENSION_PROPERTY).get("datelineSource").asText()).isEqualTo("EP");
            assertThat(inspector.toDiagnosticJson(inspector.inspectDetailed(file, "ep"))).contains("\"format\" : \"nitf\"");
        }
    }

    @Test
    void aRefusalIsTheTopologysRefusal(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("notes.txt");
        Files.writeString(file, "shopping list: eggs, milk", StandardCharsets.UTF_8);
        try (ArticleInspector inspector = new ArticleInspector()) {
            NormalisationException e = org.assertj.core.api.Assertions.catchThrowableOfType(
                    NormalisationException.class, () -> inspector.inspect(file, "ep"));
            assertThat(e.stage()).isEqualTo("detect");
            assertThat(e.reason()).isEqualTo("unknown-format");
        }
    }

    @Test
    void renderedArticlesValidateAgainstTheOfficialNinjs2Schemas(@TempDir Path dir) throws Exception {
        OfficialNinjsSchemas schemas = OfficialNinjsSchemas.loadOrSkip();
        Path file = dir.resolve("story.xml");
        Files.writeString(file, NITF, StandardCharsets.UTF_8);
        try (ArticleInspector inspector = new ArticleInspector()) {
            String json = inspector.toJson(inspector.inspect(file, "ep"), false);
            for (String v : OfficialNinjsSchemas.VERSIONS) {
                assertThat(schemas.violations(v, json)).as("ninjs %s", v).isEmpty();
            }
        }
    }
}
