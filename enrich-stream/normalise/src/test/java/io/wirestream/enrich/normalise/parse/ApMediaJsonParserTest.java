package io.wirestream.enrich.normalise.parse;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.avro.Article;
import io.wirestream.avro.Subject;
import io.wirestream.enrich.normalise.NormalisationException;
import io.wirestream.enrich.normalise.TestItems;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ApMediaJsonParserTest {

    @Test
    void contentCallEnvelopeWithANitfBody() throws NormalisationException {
        String json = """
                {"api_version": "2", "data": {"item": {
                  "uri": "https://api.example.org/content/abc?signed=1", "altids": {"itemid": "abc123", "etag": "abc123_v2"},
                  "version": 2, "type": "text", "urgency": 3, "editorialpriority": "u", "language": "en",
                  "versioncreated": "2024-03-05T09:30:00Z", "firstcreated": "2024-03-05T08:00:00Z", "pubstatus": "usable",
                  "signals": ["newscontent", "update"], "headline": "Harbour reopens", "headline_extended": "Lisbon harbour reopens after storm",
                  "slugline": "BC-Harbour", "bylines": [{"by": "Ana Prado"}], "located": "Lisbon",
                  "keywords": ["ports"], "copyrightnotice": "(c) 2024 Example Press",
                  "subject": [{"code": "f", "name": "f", "rels": ["category"]},
                              {"code": "9f00", "name": "Maritime transport", "scheme": "http://cv.ap.org/id/"}],
                  "body_nitf": "<nitf><body><body.content><p>LISBON (EP) - The harbour reopened on Tuesday.</p></body.content></body></nitf>"
                }}}""";
        Article a = TestItems.one("ap", json);
        assertThat(a.getSourceFormat()).isEqualTo("ap-json");
        assertThat(a.getUri()).isEqualTo("urn:wirestream:ap:abc123");
        assertThat(a.getVersion()).isEqualTo(2);
        assertThat(a.getSignals()).containsExactly("update");
        assertThat(a.getVersioncreated()).isEqualTo(Instant.parse("2024-03-05T09:30:00Z"));
        assertThat(a.getByline()).isEqualTo("Ana Prado");
        assertThat(a.getLocated()).isEqualTo("LISBON");
        assertThat(a.getSubjects()).extracting(Subject::getCode)
                .containsExactly("ap-category:f", "apsubject:9f00", "medtop:04000000");
        assertThat(a.getBodyParagraphs()).containsExactly("The harbour reopened on Tuesday.");
        assertThat(a.getSourceIds()).extracting("scheme").contains("ap:itemid", "ap:etag", "ap:editorialpriority");
    }

    @Test
    void feedCallWithMetadataOnlyItems() throws NormalisationException {
        String json = """
                {"api_version": "2", "data": {"items": [
                  {"item": {"altids": {"itemid": "i1"}, "type": "text", "headline": "One", "versioncreated": "2024-03-05T09:00:00Z",
                            "renditions": {"nitf": {"href": "https://api.example.org/i1.xml"}}}},
                  {"item": {"altids": {"itemid": "i2"}, "type": "picture", "headline": "A picture"}},
                  {"item": {"altids": {"itemid": "i3"}, "type": "text", "headline": "Three", "versioncreated": "2024-03-05T09:05:00Z"}}
                ]}}""";
        List<Article> out = TestItems.normalise("ap", json);
        assertThat(out).extracting(Article::getUri).containsExactly("urn:wirestream:ap:i1", "urn:wirestream:ap:i3");
        assertThat(out.get(0).getBodyParagraphs()).isEmpty();
        assertThat(out.get(0).getBodyHtml()).isEmpty();
    }

    @Test
    void truncatedJsonIsRefused() {
        io.wirestream.enrich.normalise.NormalisationException e =
                TestItems.refusal("ap", "{\"api_version\": \"2\", \"data\": {\"item\": {\"altids\": {\"itemid\": \"x\"");
        assertThat(e.stage()).isEqualTo("parse");
        assertThat(e.reason()).isEqualTo("malformed-json");
    }
}
