package io.wirestream.publish.ninjs;

import io.wirestream.avro.Article;
import io.wirestream.avro.PubStatus;
import io.wirestream.publish.testing.NinjsSchemas;
import io.wirestream.newsformats.ninjs.NinjsWriter;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.BeforeProperty;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Whatever text an agency sends, the ninjs document stays valid against the official schema. */
class NinjsWriterPropertyTest {

    private NinjsSchemas schemas;

    @BeforeProperty
    void loadSchemas() {
        schemas = NinjsSchemas.loadOrSkip();
    }

    @Provide
    Arbitrary<String> anyText() {
        return Arbitraries.strings().all().ofMinLength(0).ofMaxLength(40);
    }

    @Provide
    Arbitrary<String> storyIds() {
        return Arbitraries.oneOf(
                Arbitraries.strings().all().ofMinLength(1).ofMaxLength(40),
                Arbitraries.strings().withCharRange('a', 'z').withChars(':', '/', '.', '-', '#', '?', '%', ' ', 'é')
                        .ofMinLength(1).ofMaxLength(40));
    }

    @Property(tries = 300)
    void officialDocumentsAlwaysValidate(@ForAll("storyIds") String uri, @ForAll("anyText") String headline,
                                         @ForAll("anyText") String body, @ForAll("anyText") String byline,
                                         @ForAll("anyText") String language) {
        Article article = Article.newBuilder()
                .setUri(uri).setVersion(3).setVersioncreated(Instant.parse("2026-03-02T10:00:00.5Z"))
                .setPubstatus(PubStatus.usable).setHeadline(headline).setByline(byline).setLanguage(language)
                .setBodyParagraphs(List.of(body)).setBodyHtml("<p>" + body + "</p>")
                .setAgency("testwire").setReceivedAt(Instant.parse("2026-03-02T10:00:01Z")).build();

        String official = NinjsWriter.official().toJson(article);
        String marker = NinjsWriter.official().toWithdrawnMarkerJson(article);

        assertThat(schemas.officialViolations("2.2", official)).as(official).isEmpty();
        assertThat(schemas.officialViolations("2.0", official)).as(official).isEmpty();
        assertThat(schemas.officialViolations("2.2", marker)).as(marker).isEmpty();
        assertThat(schemas.extensionViolations(NinjsWriter.withPipelineExtension().toJson(article))).isEmpty();
    }
}
