package io.wirestream.enrich.normalise.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.avro.Article;
import io.wirestream.avro.RelatedLink;
import io.wirestream.enrich.normalise.NormalisationResult;
import io.wirestream.enrich.normalise.TestItems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The issue's checks on the real scraped page in ../shared/corpora/web-copy-sample.txt, read in place (never copied
 * into the project). Skipped, saying so, when the corpora folder is not on this machine.
 */
class WebCopySampleTest {

    @Test
    void theSharedSampleMeetsTheIssuesChecks() throws Exception {
        Path corpora = TestItems.corpora();
        Assumptions.assumeTrue(corpora != null && Files.isRegularFile(corpora.resolve("web-copy-sample.txt")),
                "shared corpora (web-copy-sample.txt) not found; skipping the real-sample check");
        byte[] bytes = Files.readAllBytes(corpora.resolve("web-copy-sample.txt"));
        NormalisationResult r = TestItems.normaliser().normaliseDetailed(TestItems.raw("sputnik-web", bytes));
        assertThat(r.articles()).hasSize(1);
        Article a = r.articles().get(0);

        // headline: the page text has none above the story, so it is derived from the lead (and marked so)
        assertThat(a.getHeadline()).startsWith("Iraqi Foreign Minister Mohamed Alhakim on Wednesday thanked Russia");
        assertThat(r.diagnostics().get(0).headlineDerived()).isTrue();
        // dateline place and source
        assertThat(a.getDateline()).isEqualTo("MOSCOW (Sputnik) -");
        assertThat(a.getLocated()).isEqualTo("MOSCOW");
        assertThat(a.getDatelineSource()).isEqualTo("Sputnik");
        // publication time "18:59 GMT24 June 2021"
        assertThat(a.getVersioncreated()).isEqualTo(Instant.parse("2021-06-24T18:59:00Z"));
        assertThat(r.diagnostics().get(0).utcVersionCreated()).isTrue();
        // the publisher's tag line, also as keywords
        assertThat(a.getTagline()).startsWith("Daesh, League of Arab States").endsWith("Russia");
        assertThat(a.getKeywords()).contains("Daesh", "Sergei Lavrov", "Syria", "Iraq", "Russia");
        // READ MORE teasers are publisher links, not body
        assertThat(a.getRelated()).hasSize(2).allSatisfy(l -> {
            assertThat(l.getOrigin()).isEqualTo("publisher");
            assertThat(l.getReason()).contains("READ MORE");
        });
        assertThat(a.getRelated()).extracting(RelatedLink::getTitle)
                .anySatisfy(t -> assertThat(t).startsWith("Daesh Not Defeated"))
                .anySatisfy(t -> assertThat(t).startsWith("Trump: US to Leave Syria"));
        // no furniture line left in the body; the story's own footnote and subheads are kept
        String body = String.join("\n", a.getBodyParagraphs());
        for (String furniture : new String[] {"Listen Live", "Get short URL", "0 140", "READ MORE", "Community standards",
                "Discussion", "GMT24", "Turkey Lifts Ban", "Royal Air Force", "Iraqi Scientist REVEALS",
                "League of Arab States, Mohamed Ali Alhakim"}) {
            assertThat(body).as("furniture '%s' left in the body", furniture).doesNotContain(furniture);
            assertThat(a.getBodyHtml()).doesNotContain(furniture);
        }
        assertThat(a.getBodyParagraphs()).first().asString().startsWith("Iraqi Foreign Minister").doesNotContain("MOSCOW");
        assertThat(a.getBodyParagraphs()).anySatisfy(p -> assertThat(p).startsWith("* Daesh (ISIL/ISIS/IS/Islamic State)"));
        assertThat(a.getBodyParagraphs()).contains("Backing Syria's Return to Arab League");
        assertThat(a.getBodyParagraphs()).last().asString().startsWith("* Daesh");
        // no-break spaces from the page are plain spaces; typographic quotes and ellipses are kept
        assertThat(body).doesNotContain("\u00A0").contains("proceeds”").contains("…");
        assertThat(a.getLanguage()).isEqualTo("en");
        assertThat(a.getSourceFormat()).isEqualTo("web-text");
    }
}
