package io.wirestream.enrich.normalise.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.avro.Article;
import io.wirestream.avro.RelatedLink;
import io.wirestream.enrich.normalise.NormalisationException;
import io.wirestream.enrich.normalise.TestItems;
import java.nio.charset.Charset;
import java.time.Instant;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

class WebHtmlParserTest {

    static final String PAGE = """
            <!DOCTYPE html>
            <html lang="en-GB"><head><meta charset="windows-1252">
             <title>Harbour reopens | Example News</title>
             <meta property="og:title" content="Lisbon harbour reopens after storm repairs">
             <meta property="article:published_time" content="2024-03-05T08:00:00Z">
             <meta property="article:modified_time" content="2024-03-05T09:45:00+01:00">
             <meta name="author" content="Rui Calado">
             <meta name="keywords" content="Lisbon, ports">
             <link rel="canonical" href="https://news.example.org/2024/03/harbour">
             <script>var tracking = "not text";</script>
            </head><body>
             <nav><a href="/">Home</a> <a href="/world">World</a></nav>
             <header class="masthead"><h2>Example News</h2></header>
             <article>
              <h1>Lisbon harbour reopens after storm repairs</h1>
              <div class="share-bar"><a href="#">Share</a> <a href="#">Tweet</a> <span>0 27</span></div>
              <p>LISBON (Example News) – The port of Lisbon reopened on Tuesday after three days of repairs to a breakwater damaged by a winter storm.</p>
              <p>“We worked through the night”, harbour master Rui Calado said.</p>
              <p><strong>READ MORE:</strong> <a href="/2024/03/storm">Storm closes Atlantic ports</a></p>
              <figure><img src="x.jpg"><figcaption>Ships at anchor</figcaption></figure>
              <p>Shipping lines said about forty vessels had waited offshore.</p>
              <aside class="related-stories"><ul><li><a href="/a">Ferry strike ends</a></li></ul></aside>
              <div class="comments"><p>Join the discussion: 12 comments on this article so far from readers.</p></div>
             </article>
             <footer>Copyright Example News</footer>
            </body></html>
            """;

    @Test
    void metadataAndStoryFromAPage() throws NormalisationException {
        Article a = TestItems.one("webwatch", PAGE.getBytes(Charset.forName("windows-1252")));
        assertThat(a.getSourceFormat()).isEqualTo("web-html");
        assertThat(a.getUri()).isEqualTo("urn:wirestream:webwatch:https://news.example.org/2024/03/harbour");
        assertThat(a.getHeadline()).isEqualTo("Lisbon harbour reopens after storm repairs");
        assertThat(a.getVersioncreated()).isEqualTo(Instant.parse("2024-03-05T08:45:00Z"));
        assertThat(a.getFirstcreated()).isEqualTo(Instant.parse("2024-03-05T08:00:00Z"));
        assertThat(a.getByline()).isEqualTo("Rui Calado");
        assertThat(a.getLanguage()).isEqualTo("en-GB");
        assertThat(a.getKeywords()).containsExactly("Lisbon", "ports");
        assertThat(a.getLocated()).isEqualTo("LISBON");
        assertThat(a.getDatelineSource()).isEqualTo("Example News");
        assertThat(a.getBodyParagraphs()).containsExactly(
                "The port of Lisbon reopened on Tuesday after three days of repairs to a breakwater damaged by a winter storm.",
                "“We worked through the night”, harbour master Rui Calado said.",
                "Shipping lines said about forty vessels had waited offshore.");
        assertThat(a.getRelated()).extracting(RelatedLink::getUri, RelatedLink::getTitle)
                .containsExactly(Tuple.tuple("https://news.example.org/2024/03/storm", "Storm closes Atlantic ports"));
        assertThat(a.getBodyHtml()).doesNotContain("script").doesNotContain("Ferry strike").doesNotContain("img")
                .doesNotContain("comments");
    }

    @Test
    void sloppyHtmlStillGivesTheStory() throws NormalisationException {
        String sloppy = "<html><body><div class=story><h1>Ferry back on the northern route</h1><p>The ferry company said the"
                + " northern route would run again from Monday, after a month of repairs.<p>Tickets bought earlier stay valid."
                + "<div class=social-share>Share Tweet</div></body>";
        Article a = TestItems.one("webwatch", sloppy);
        assertThat(a.getHeadline()).isEqualTo("Ferry back on the northern route");
        assertThat(a.getBodyParagraphs()).containsExactly("The ferry company said the northern route would run again from"
                + " Monday, after a month of repairs.", "Tickets bought earlier stay valid.");
    }

    @Test
    void aPageWithoutAStoryIsRefused() {
        String empty = "<!DOCTYPE html><html><body><nav>Home | World</nav><div class=\"share\">Share</div></body></html>";
        assertThat(TestItems.refusal("webwatch", empty).reason()).isEqualTo("no-story-text");
    }
}
