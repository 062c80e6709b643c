package io.wirestream.enrich.normalise.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.avro.Article;
import io.wirestream.avro.RelatedLink;
import io.wirestream.enrich.normalise.NormalisationException;
import io.wirestream.enrich.normalise.NormalisationResult;
import io.wirestream.enrich.normalise.TestItems;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Scraped plain-text pages of the same shape as the shared sample, written for these tests. */
class WebTextParserTest {

    /** Time line, player and share furniture, dateline, teaser, subhead, footnote, other headlines, tag line. */
    static final String PAGE = """
            09:15 GMT05 March 2024
            Listen Live
                Get short URL
                0 27

                LISBON (Example News) - The port of Lisbon reopened to container ships on Tuesday after three days of repairs to a breakwater damaged by a winter storm.

                "We worked through the night to get the gates open", harbour master Rui Calado said.

                READ MORE: Storm Closes Atlantic Ports for Second Day

                Shipping lines said about forty vessels had waited offshore, some of them for more than two days.

                Repairs Not Yet Finished

                Engineers said the outer wall would need another month of work before it could take a full winter sea.

                * Figures from the harbour authority


                Ferry Strike Ends After Pay Deal
                Lisbon Prepares for Marathon Weekend – Organisers
                Lisbon, Ports, Storms, Shipping
                Community standardsDiscussion
            """;

    @Test
    void cleansTheStoryOutOfThePage() throws NormalisationException {
        NormalisationResult r = TestItems.normaliser().normaliseDetailed(TestItems.raw("webwatch", PAGE));
        assertThat(r.detection().format().label()).isEqualTo("web-text");
        Article a = r.articles().get(0);
        assertThat(a.getHeadline()).isEqualTo("The port of Lisbon reopened to container ships on Tuesday after three days"
                + " of repairs to a breakwater damaged by a winter storm");
        assertThat(r.diagnostics().get(0).headlineDerived()).isTrue();
        assertThat(a.getDateline()).isEqualTo("LISBON (Example News) -");
        assertThat(a.getLocated()).isEqualTo("LISBON");
        assertThat(a.getDatelineSource()).isEqualTo("Example News");
        assertThat(a.getVersioncreated()).isEqualTo(Instant.parse("2024-03-05T09:15:00Z"));
        assertThat(a.getTagline()).isEqualTo("Lisbon, Ports, Storms, Shipping");
        assertThat(a.getKeywords()).containsExactly("Lisbon", "Ports", "Storms", "Shipping");
        assertThat(a.getRelated()).extracting(RelatedLink::getTitle, RelatedLink::getOrigin)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Storm Closes Atlantic Ports for Second Day", "publisher"));
        assertThat(a.getBodyParagraphs()).containsExactly(
                "The port of Lisbon reopened to container ships on Tuesday after three days of repairs to a breakwater"
                        + " damaged by a winter storm.",
                "\"We worked through the night to get the gates open\", harbour master Rui Calado said.",
                "Shipping lines said about forty vessels had waited offshore, some of them for more than two days.",
                "Repairs Not Yet Finished",
                "Engineers said the outer wall would need another month of work before it could take a full winter sea.",
                "* Figures from the harbour authority");
        assertThat(a.getBodyHtml()).contains("<h2>Repairs Not Yet Finished</h2>");
        String body = String.join("\n", a.getBodyParagraphs()) + a.getBodyHtml();
        for (String furniture : new String[] {"Listen Live", "Get short URL", "0 27", "READ MORE", "Ferry Strike Ends",
                "Marathon Weekend", "Community standards", "Discussion", "09:15"}) {
            assertThat(body).doesNotContain(furniture);
        }
        assertThat(a.getLanguage()).isEqualTo("en");
    }

    @Test
    void aHeadlineLineBylineAndLabelledTimesAreRead() throws NormalisationException {
        String page = """
                Home | World | Business
                Harbour Reopens After Three-Day Repair
                By Rui Calado
                Published: 5 March 2024, 08:00 GMT
                Updated: 5 March 2024, 10:20 GMT
                Share
                Tweet

                The port of Lisbon reopened on Tuesday after three days of repairs to a breakwater that a storm
                had damaged, the harbour authority said.

                Read more: Storms batter the Atlantic coast

                Tags: Lisbon, Ports
                © 2024 Example News
                """;
        Article a = TestItems.one("webwatch", page);
        assertThat(a.getHeadline()).isEqualTo("Harbour Reopens After Three-Day Repair");
        assertThat(a.getByline()).isEqualTo("Rui Calado");
        assertThat(a.getVersioncreated()).isEqualTo(Instant.parse("2024-03-05T10:20:00Z"));
        assertThat(a.getFirstcreated()).isEqualTo(Instant.parse("2024-03-05T08:00:00Z"));
        assertThat(a.getCopyrightnotice()).isEqualTo("© 2024 Example News");
        assertThat(a.getKeywords()).containsExactly("Lisbon", "Ports");
        assertThat(a.getRelated()).hasSize(1);
        assertThat(a.getBodyParagraphs()).containsExactly("The port of Lisbon reopened on Tuesday after three days of"
                + " repairs to a breakwater that a storm had damaged, the harbour authority said.");
    }

    @Test
    void furnitureDetection() {
        assertThat(WebCopyCleaner.isFurniture("Community standardsDiscussion")).isTrue();
        assertThat(WebCopyCleaner.isFurniture("0 140")).isTrue();
        assertThat(WebCopyCleaner.isFurniture("Share this article")).isTrue();
        assertThat(WebCopyCleaner.isFurniture("Photo: Harbour at dawn")).isTrue();
        assertThat(WebCopyCleaner.isFurniture("Share prices fell on Monday")).isFalse();
        assertThat(WebCopyCleaner.isTimestampLine("18:59 GMT24 June 2021")).isTrue();
        assertThat(WebCopyCleaner.isTimestampLine("The meeting lasted until 18:59 on 24 June 2021")).isFalse();
        assertThat(WebCopyCleaner.tagList("Daesh, Arab League, Syria, Iraq")).hasSize(4);
        assertThat(WebCopyCleaner.tagList("He said it was late, cold, and dark.")).isNull();
    }

    @Test
    void onlyFurnitureIsRefused() {
        assertThat(TestItems.refusal("webwatch", "Listen Live\nShare\nTweet\n0 12\n".repeat(12)
                + "LISBON (Example News) - ").reason()).isIn("no-story-text", "no-headline", "unknown-format");
    }
}
