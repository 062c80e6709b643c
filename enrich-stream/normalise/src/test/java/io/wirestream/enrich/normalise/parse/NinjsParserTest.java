package io.wirestream.enrich.normalise.parse;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.avro.Article;
import io.wirestream.avro.Headline;
import io.wirestream.avro.Subject;
import io.wirestream.enrich.normalise.NormalisationException;
import io.wirestream.enrich.normalise.TestItems;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class NinjsParserTest {

    @Test
    void ninjs1() throws NormalisationException {
        String json = """
                {"guid": "urn:newsml:example.org:2024:ferry", "type": "text", "version": "2",
                 "versioncreated": "2024-03-05T09:30:00+0000", "firstcreated": "2024-03-05T08:00:00+0000",
                 "pubstatus": "usable", "urgency": 3, "language": "en", "headline": "Ferry service resumes",
                 "byline": "By Ana Prado", "located": "Lisbon", "slugline": "ferry",
                 "description_text": "Boats run again.", "copyrightnotice": "(c) Example Press",
                 "body_html": "<p>The ferry to the islands ran again on <b>Tuesday</b>.</p><p>Tickets are valid.</p>",
                 "subject": [{"code": "04000000", "name": "economy, business and finance"}],
                 "ednote": "Updates with ticket details"}""";
        Article a = TestItems.one("ep", json);
        assertThat(a.getSourceFormat()).isEqualTo("ninjs");
        assertThat(a.getUri()).isEqualTo("urn:wirestream:ep:urn:newsml:example.org:2024:ferry");
        assertThat(a.getVersion()).isEqualTo(2);
        assertThat(a.getVersioncreated()).isEqualTo(Instant.parse("2024-03-05T09:30:00Z"));
        assertThat(a.getByline()).isEqualTo("Ana Prado");
        assertThat(a.getDescription()).isEqualTo("Boats run again.");
        assertThat(a.getSignals()).contains("update");
        assertThat(a.getBodyParagraphs()).containsExactly("The ferry to the islands ran again on Tuesday.", "Tickets are valid.");
        assertThat(a.getBodyHtml()).contains("<b>Tuesday</b>");
        assertThat(a.getSubjects()).extracting(Subject::getCode).containsExactly("subj:04000000", "medtop:04000000");
    }

    @Test
    void hardWrappedBodyTextBecomesParagraphsByItsIndentation() throws NormalisationException {
        String body = String.join("\\n",
                "    RIVERTON, April 2 (EP) - The regional water board said on Wednesday",
                "that reservoir levels had recovered after the wet winter and that the",
                "hosepipe ban imposed last summer would be lifted next week.",
                "    A spokesman said the board would still ask households to save water",
                "during the warmest months.",
                "");
        String json = """
                {"uri": "http://example.org/items/wrapped", "type": "text", "versioncreated": "2024-04-02T11:00:00Z",
                 "headline": "Hosepipe ban to end", "body_text": "%s"}""".formatted(body);
        Article a = TestItems.one("ep", json);
        assertThat(a.getBodyParagraphs()).containsExactly(
                "The regional water board said on Wednesday that reservoir levels had recovered after the wet winter "
                        + "and that the hosepipe ban imposed last summer would be lifted next week.",
                "A spokesman said the board would still ask households to save water during the warmest months.");
        assertThat(a.getDatelineSource()).isEqualTo("EP");
    }

    @Test
    void ninjs2WithRolesAndPlainTextBody() throws NormalisationException {
        String json = """
                {"uri": "http://example.org/items/77", "type": "text", "versioncreated": "2024-03-05T10:00:00Z",
                 "embargoed": "2024-03-06T00:00:00Z",
                 "headlines": [{"role": "short", "value": "Budget"}, {"role": "main", "value": "Budget plan published at midnight"}],
                 "descriptions": [{"role": "summary", "value": "The plan trims spending."}],
                 "bodies": [{"role": "main", "contenttype": "text/plain", "value": "The ministry published its plan.\\nIt trims spending by two percent."}],
                 "by": "Jonas Ekberg",
                 "subjects": [{"name": "economy", "uri": "http://cv.iptc.org/newscodes/mediatopic/04000000"}],
                 "altids": [{"role": "internal", "value": "B-77"}]}""";
        Article a = TestItems.one("ep", json);
        assertThat(a.getHeadline()).isEqualTo("Budget plan published at midnight");
        assertThat(a.getHeadlines()).extracting(Headline::getRole).containsExactly("main", "short");
        assertThat(a.getEmbargoed()).isEqualTo(Instant.parse("2024-03-06T00:00:00Z"));
        assertThat(a.getBodyParagraphs()).containsExactly("The ministry published its plan.", "It trims spending by two percent.");
        assertThat(a.getSubjects()).extracting(Subject::getCode).containsExactly("medtop:04000000");
        assertThat(a.getSourceIds()).extracting("scheme").contains("ninjs:altid:internal");
        assertThat(a.getLanguage()).isEqualTo("en"); // detected
    }

    @Test
    void ninjs3CamelCaseAndArrays() throws NormalisationException {
        String json = """
                [{"uri": "urn:ex:1", "type": "text", "versionCreated": "2024-03-05T10:00:00Z", "pubStatus": "withheld",
                  "headlines": [{"value": "First of two"}], "bodies": [{"contentType": "text/html", "value": "<p>One.</p>"}],
                  "copyrightNotice": "(c) EP"},
                 {"uri": "urn:ex:2", "type": "picture", "headlines": [{"value": "A photo"}]},
                 {"uri": "urn:ex:3", "versionCreated": "2024-03-05T11:00:00Z",
                  "headlines": [{"value": "Second of two"}], "bodies": [{"value": "<p>Two.</p>"}]}]""";
        List<Article> out = TestItems.normalise("ep", json);
        assertThat(out).extracting(Article::getHeadline).containsExactly("First of two", "Second of two");
        assertThat(out.get(0).getPubstatus().name()).isEqualTo("withheld");
        assertThat(out.get(0).getCopyrightnotice()).isEqualTo("(c) EP");
    }

    @Test
    void picturesAndEventsAreNotArticles() {
        assertThat(TestItems.refusal("ep", "{\"uri\": \"urn:p\", \"type\": \"picture\", \"headline\": \"x\"}").reason())
                .isEqualTo("not-text");
        assertThat(TestItems.refusal("ep", "{\"uri\": \"urn:e\", \"title\": \"Summit\", \"eventDetails\": {}}").reason())
                .isEqualTo("not-text");
    }

    @Test
    void malformedJsonIsRefused() {
        NormalisationException e = TestItems.refusal("ep", "{\"uri\": \"urn:x\", \"headline\": \"unterminated}");
        assertThat(e.reason()).isEqualTo("malformed-json");
    }
}
