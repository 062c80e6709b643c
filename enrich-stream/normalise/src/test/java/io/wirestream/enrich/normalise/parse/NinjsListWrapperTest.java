package io.wirestream.enrich.normalise.parse;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.avro.Article;
import io.wirestream.avro.PubStatus;
import io.wirestream.enrich.normalise.NormalisationException;
import io.wirestream.enrich.normalise.NormalisationResult;
import io.wirestream.enrich.normalise.TestItems;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The BBC's paged ninjs list ({"total", "limit", "offset", "item": [...]}), issue 17; items invented for the test. */
class NinjsListWrapperTest {

    private static final String PAGE = """
            {"total": 3, "limit": 10, "offset": 0, "item": [
              {"uri": "https://example.org/ldr/council-budget", "type": "story", "language": "en",
               "versioncreated": "2024-06-04T09:30:00", "firstcreated": "2024-06-04T08:00:00",
               "headline": "Council agrees budget for library repairs", "byline": "Local Reporter",
               "body_text": "The council agreed the budget on Tuesday.\\n\\nWork starts in July.",
               "subject": [{"code": "category:libraries", "rel": "category", "lang": "en"}],
               "associations": [{"id": "featureimage", "renditions": {"original": {"href": "https://example.org/p.jpg"}}}]},
              {"uri": "https://example.org/ldr/bridge-closure", "type": "story", "language": "en",
               "versioncreated": "2024-06-04T10:00:00", "embargotime": "2024-06-05T00:01:00Z",
               "headline": "Bridge to close for a week", "body_html": "<p>The bridge closes on Monday.</p>"},
              {"uri": "https://example.org/ldr/pic", "type": "image", "headline": "Library front"}
            ]}""";

    @Test
    void everyStoryOfThePageBecomesAnArticle() throws NormalisationException {
        NormalisationResult r = TestItems.normaliser().normaliseDetailed(TestItems.raw("bbc", PAGE));
        List<Article> out = r.articles();
        assertThat(r.detection().reason()).contains("list wrapper");
        assertThat(out).extracting(Article::getHeadline)
                .containsExactly("Council agrees budget for library repairs", "Bridge to close for a week");
        assertThat(out.get(0).getUri()).isEqualTo("urn:wirestream:bbc:https://example.org/ldr/council-budget");
        assertThat(out.get(0).getBodyParagraphs()).containsExactly("The council agreed the budget on Tuesday.",
                "Work starts in July.");
        assertThat(out.get(0).getVersioncreated()).isEqualTo(Instant.parse("2024-06-04T09:30:00Z"));
        // the picture is skipped as a picture, not read as a story
        assertThat(r.skipped()).singleElement().asString().contains("not a text story");
    }

    @Test
    void theListsEmbargoTimeIsTheEmbargo() throws NormalisationException {
        Article bridge = TestItems.normalise("bbc", PAGE).get(1);
        assertThat(bridge.getEmbargoed()).isEqualTo(Instant.parse("2024-06-05T00:01:00Z"));
        assertThat(bridge.getPubstatus()).isEqualTo(PubStatus.usable);
    }

    @Test
    void anAdvisoryItemIsTextThatSaysItIsAnAdvisory() throws NormalisationException {
        Article a = TestItems.one("bbc", """
                {"total": 1, "limit": 10, "offset": 0, "item": [
                  {"uri": "urn:ex:advice-1", "type": "advisory", "headline": "Council meeting moved to Thursday",
                   "body_text": "The planning meeting will now take place on Thursday."}]}""");
        assertThat(a.getSignals()).contains("advisory");
    }

    @Test
    void anEmptyPageHoldsNoItems() {
        assertThat(TestItems.refusal("bbc", "{\"total\": 0, \"limit\": 10, \"offset\": 0, \"item\": []}").reason())
                .isEqualTo("no-items");
    }
}
