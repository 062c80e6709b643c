package io.wirestream.publish.ninjs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wirestream.avro.Article;
import io.wirestream.avro.DuplicateCluster;
import io.wirestream.avro.Provider;
import io.wirestream.avro.PubStatus;
import io.wirestream.publish.testing.NinjsSchemas;
import io.wirestream.publish.testing.TestArticles;
import io.wirestream.newsformats.ninjs.NinjsWriter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Documents from {@link NinjsWriter} against the official IPTC ninjs 2.x schemas as published. */
class NinjsWriterValidationTest {

    private static NinjsSchemas schemas;
    private final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    static void loadSchemas() {
        schemas = NinjsSchemas.loadOrSkip();
    }

    static List<Article> articles() {
        Article full = TestArticles.story("testwire:2026-03-02:ferry", 7)
                .setUrgency(3)
                .setEmbargoed(Instant.parse("2026-03-03T00:00:00Z"))
                .setCopyrightnotice("(c) 2026 Test Wire")
                .setCopyrightholder("Test Wire Ltd")
                .setUsageterms("Online use only, for 30 days; no resale.")
                .setProvider(new Provider("Harbour Press Agency", "hpa", "NewsML-G2 itemMeta/provider"))
                .setDuplicates(new DuplicateCluster("c-1", "otherwire:1", "otherwire",
                        Instant.parse("2026-03-02T09:00:00Z"), List.of("otherwire"), List.of("otherwire:1")))
                .setSignals(List.of("update"))
                .setDateline("PORTSMOUTH (Harbour News) -")
                .setDatelineSource("Harbour News")
                .setTagline("Ferries, Portsmouth, winter timetable")
                .build();
        Article minimal = Article.newBuilder()
                .setUri("urn:newsml:testwire.example:20260302:min")
                .setVersion(1)
                .setVersioncreated(Instant.parse("2026-03-02T10:00:00.123Z"))
                .setPubstatus(PubStatus.usable)
                .setHeadline("Minimal")
                .setAgency("testwire")
                .setReceivedAt(Instant.parse("2026-03-02T10:00:01Z"))
                .build();
        Article notAUri = TestArticles.story("Agence Test / dépêche 42 ÷ spaces", 2).setLanguage("fr")
                .setHeadline("Grève des contrôleurs aériens: « trafic perturbé »").build();
        Article withheld = TestArticles.story("testwire:withheld", 3).setPubstatus(PubStatus.withheld).build();
        // java.net.URI accepts this, RFC 3986 (the schema's format: uri) does not
        Article iriNotUri = TestArticles.story("afp:dépêche-42", 1)
                .setSubjects(List.of(new io.wirestream.avro.Subject("medtop:énergie", null, null, "source"))).build();
        return List.of(full, minimal, notAUri, withheld, iriNotUri);
    }

    @Test
    void officialProfileValidatesAgainstEveryOfficial2xSchema() {
        NinjsWriter writer = NinjsWriter.official();
        for (Article article : articles()) {
            String document = writer.toJson(article);
            for (String version : NinjsSchemas.OFFICIAL_2X) {
                assertThat(schemas.officialViolations(version, document))
                        .as("%s against ninjs %s: %s", article.getUri(), version, document)
                        .isEmpty();
            }
        }
    }

    @Test
    void withdrawnMarkerValidatesAndCarriesNoContent() throws Exception {
        Article kill = TestArticles.kill("testwire:2026-03-02:ferry", 8);
        String marker = NinjsWriter.official().toWithdrawnMarkerJson(kill);
        for (String version : NinjsSchemas.OFFICIAL_2X) {
            assertThat(schemas.officialViolations(version, marker)).isEmpty();
        }
        JsonNode doc = json.readTree(marker);
        assertThat(doc.get("pubstatus").asText()).isEqualTo("canceled");
        assertThat(doc.has("bodies")).isFalse();
        assertThat(doc.has("headlines")).isFalse();
    }

    @Test
    void pipelineFieldsStayUnderTheOneExtensionPropertyWhichTheExtensionSchemaAccepts() throws Exception {
        NinjsWriter official = NinjsWriter.official();
        NinjsWriter extended = NinjsWriter.withPipelineExtension();
        for (Article article : articles()) {
            JsonNode plain = json.readTree(official.toJson(article));
            JsonNode withExtension = json.readTree(extended.toJson(article));

            var extraKeys = new java.util.TreeSet<String>();
            withExtension.fieldNames().forEachRemaining(extraKeys::add);
            plain.fieldNames().forEachRemaining(extraKeys::remove);
            assertThat(extraKeys).containsExactly(NinjsWriter.EXTENSION_PROPERTY);

            String document = extended.toJson(article);
            assertThat(schemas.extensionViolations(document)).as(document).isEmpty();
            // the official schema is closed, so the validator must see the extension as an extra property
            assertThat(schemas.officialViolations("2.2", document)).isNotEmpty();
            assertThat(withExtension.get("wirestream").get("storyUri").asText()).isEqualTo(article.getUri());
        }
    }

    @Test
    void theValidatorRejectsDocumentsThatBreakTheStandard() {
        String urgencyAsText = "{\"uri\":\"urn:x:1\",\"urgency\":\"high\"}";
        String badDate = "{\"uri\":\"urn:x:1\",\"versioncreated\":\"yesterday\"}";
        String noUri = "{\"type\":\"text\"}";
        for (String broken : List.of(urgencyAsText, badDate, noUri)) {
            assertThat(schemas.officialViolations("2.2", broken)).as(broken).isNotEmpty();
        }
    }

    @Test
    void mapsStandardFieldsToTheirNinjsProperties() throws Exception {
        Article article = articles().get(0);
        JsonNode doc = json.readTree(NinjsWriter.official().toJson(article));

        assertThat(doc.get("uri").asText()).isEqualTo("testwire:2026-03-02:ferry");
        assertThat(doc.get("version").asText()).isEqualTo("7");
        assertThat(doc.get("urgency").asInt()).isEqualTo(3);
        assertThat(doc.get("embargoed").asText()).isEqualTo("2026-03-03T00:00:00Z");
        assertThat(doc.get("headlines").get(0).get("value").asText()).isEqualTo(article.getHeadline());
        assertThat(doc.get("subjects").get(0).get("uri").asText()).isEqualTo("http://cv.iptc.org/newscodes/mediatopic/20000574");
        assertThat(doc.get("places").get(0).get("name").asText()).isEqualTo("Portsmouth");
        assertThat(doc.get("organisations").get(0).get("name").asText()).isEqualTo("Harbour Ferries Ltd");
        assertThat(doc.get("bodies").findValuesAsText("contenttype")).containsExactly("text/html", "text/plain");
        assertThat(doc.get("altids").get(0).get("value").asText()).isEqualTo("testwire:2026-03-02:ferry#guid");
    }

    @Test
    void datelineSourceTaglineAndKeywordsGoToNinjsOwnProperties() throws Exception {
        JsonNode doc = json.readTree(NinjsWriter.official().toJson(articles().get(0)));

        assertThat(doc.get("located").asText()).isEqualTo("Portsmouth");
        assertThat(doc.get("infosources").findValuesAsText("name"))
                .containsExactly("testwire", "Harbour Press Agency", "Harbour News");
        assertThat(doc.get("infosources").findValuesAsText("role")).containsExactly(NinjsWriter.ROLE_DISTRIBUTOR,
                NinjsWriter.ROLE_ORIGINATING_CONTENT, NinjsWriter.ROLE_ORIGINATING_SOURCE);
        assertThat(doc.get("descriptions").findValuesAsText("role")).containsExactly("summary", NinjsWriter.TAGLINE_ROLE);
        assertThat(doc.get("descriptions").get(1).get("value").asText()).isEqualTo("Ferries, Portsmouth, winter timetable");
        assertThat(doc.get("subjects").findValuesAsText("literal"))
                .containsExactly("medtop:20000574", "keyword:ferry", "keyword:timetable");
        assertThat(doc.get("subjects").get(1).get("name").asText()).isEqualTo("ferry");

        JsonNode minimal = json.readTree(NinjsWriter.official().toJson(articles().get(1)));
        assertThat(minimal.get("infosources").findValuesAsText("name")).containsExactly("testwire");
        assertThat(minimal.has("located")).isFalse();
        assertThat(minimal.has("subjects")).isFalse();
        assertThat(minimal.has("descriptions")).isFalse();
    }

    @Test
    void rightsAndProviderGoToNinjsOwnPropertiesAndTheProvidersFieldToTheExtension() throws Exception {
        Article article = articles().get(0);
        JsonNode doc = json.readTree(NinjsWriter.official().toJson(article));
        assertThat(doc.get("copyrightholder").asText()).isEqualTo("Test Wire Ltd");
        assertThat(doc.get("copyrightnotice").asText()).isEqualTo("(c) 2026 Test Wire");
        assertThat(doc.get("usageterms").asText()).isEqualTo("Online use only, for 30 days; no resale.");
        JsonNode provider = doc.get("infosources").get(1);
        assertThat(provider.get("role").asText()).isEqualTo(NinjsWriter.ROLE_ORIGINATING_CONTENT);
        assertThat(provider.get("literal").asText()).isEqualTo("hpa");

        JsonNode extended = json.readTree(NinjsWriter.withPipelineExtension().toJson(article)).get("wirestream");
        assertThat(extended.get("provider").get("name").asText()).isEqualTo("Harbour Press Agency");
        assertThat(extended.get("provider").get("from").asText()).isEqualTo("NewsML-G2 itemMeta/provider");

        JsonNode minimal = json.readTree(NinjsWriter.withPipelineExtension().toJson(articles().get(1)));
        assertThat(minimal.has("copyrightholder")).isFalse();
        assertThat(minimal.has("usageterms")).isFalse();
        assertThat(minimal.get("wirestream").has("provider")).isFalse();
    }

    @Test
    void aStoryIdThatIsNotAUriIsWrappedAndKeptAsAnAltId() throws Exception {
        Article article = articles().get(2);
        JsonNode doc = json.readTree(NinjsWriter.official().toJson(article));
        assertThat(doc.get("uri").asText()).startsWith(NinjsWriter.URN_PREFIX).doesNotContain(" ");
        assertThat(doc.get("altids").get(0).get("value").asText()).isEqualTo(article.getUri());

        JsonNode iri = json.readTree(NinjsWriter.official().toJson(articles().get(4)));
        assertThat(iri.get("uri").asText()).startsWith(NinjsWriter.URN_PREFIX);
        assertThat(iri.get("subjects").get(0).has("uri")).isFalse();
        assertThat(iri.get("subjects").get(0).get("literal").asText()).isEqualTo("medtop:énergie");
    }
}
