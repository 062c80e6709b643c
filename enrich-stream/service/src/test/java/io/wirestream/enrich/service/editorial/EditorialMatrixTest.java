package io.wirestream.enrich.service.editorial;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.avro.Article;
import io.wirestream.avro.PubStatus;
import io.wirestream.avro.RelatedLink;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15's matrix through the whole topology: for each editorial state of a story A, what reaches wire.articles
 * for A and when, and what a related story B (another agency, same event, not a copy) shows in its links.
 */
class EditorialMatrixTest {

    static final String A = "urn:acme:talks";
    static final String A_BODY = "MOSCOW - Russian Foreign Minister Sergei Lavrov received Iraqi Foreign Minister Mohamed Alhakim"
            + " for talks on a harbour deal in Basra.~Lavrov told reporters the Basra harbour terms were nearly settled.";
    static final String A_HEADLINE = "Lavrov hosts Alhakim for Basra harbour talks";
    static final String B_LINE = "|1|usable|||Alhakim says Iraq close to harbour agreement with Russia|"
            + "Iraq's foreign minister Mohamed Alhakim said on his return from Moscow that Sergei Lavrov had backed the Basra plan."
            + "~Alhakim expects a signed agreement within weeks.";

    /** A third, differently written story of the same event, from a third agency: related to A, no copy of B. */
    static final String C_LINE = "|1|usable|||Basra port accord backed by Moscow, Iraqi minister reports|"
            + "BAGHDAD - Mohamed Alhakim briefed parliament on Thursday about his meeting with Sergei Lavrov."
            + "~The Basra port accord would let Russian firms run two terminals, Alhakim said.";

    @TempDir
    Path dir;

    static String a(long version, String status, Instant embargo, String signals, String headline) {
        return A + "|" + version + "|" + status + "|" + (embargo == null ? "" : embargo) + "|" + signals + "|" + headline
                + "|" + A_BODY;
    }

    static List<String> linkUris(Article b) {
        return b.getRelated().stream().map(RelatedLink::getUri).toList();
    }

    @Test
    void usable_isPublishedAtOnceAndLinkedByOthers() throws Exception {
        try (EditorialPipeline p = new EditorialPipeline(dir)) {
            p.push("acme", a(1, "usable", null, "", A_HEADLINE));
            assertThat(p.latest(A).getPubstatus()).isEqualTo(PubStatus.usable);
            p.push("northstar", "urn:northstar:reply" + B_LINE);
            assertThat(linkUris(p.latest("urn:northstar:reply"))).contains(A); // the matrix can see a link at all
        }
    }

    @Test
    void embargoedFuture_isHeldUntilItsTimeAndNotLinkedBeforeIt() throws Exception {
        try (EditorialPipeline p = new EditorialPipeline(dir)) {
            Instant embargo = EditorialPipeline.START.plus(Duration.ofHours(1));
            p.push("acme", a(1, "usable", embargo, "", A_HEADLINE));
            p.push("northstar", "urn:northstar:reply" + B_LINE);

            assertThat(p.of(A)).as("nothing of A before its embargo").isEmpty();
            Article b = p.latest("urn:northstar:reply");
            assertThat(linkUris(b)).doesNotContain(A);
            assertThat(b.getRelated()).extracting(RelatedLink::getTitle).doesNotContain(A_HEADLINE);

            p.advance(Duration.ofHours(1));
            p.settle();
            assertThat(p.of(A)).singleElement().satisfies(released -> {
                assertThat(released.getHeadline()).isEqualTo(A_HEADLINE);
                assertThat(released.getProcessedAt()).isAfterOrEqualTo(embargo);
            });
            p.push("southwind", "urn:southwind:later" + C_LINE);
            assertThat(linkUris(p.latest("urn:southwind:later"))).as("once released it may be linked").contains(A);
        }
    }

    @Test
    void embargoedPast_isPublishedAtOnceAndLinked() throws Exception {
        try (EditorialPipeline p = new EditorialPipeline(dir)) {
            p.push("acme", a(1, "usable", EditorialPipeline.START.minus(Duration.ofHours(1)), "", A_HEADLINE));
            assertThat(p.latest(A).getHeadline()).isEqualTo(A_HEADLINE);
            p.push("northstar", "urn:northstar:reply" + B_LINE);
            assertThat(linkUris(p.latest("urn:northstar:reply"))).contains(A);
        }
    }

    @Test
    void withheld_goesOutAsANoticeWithoutTextAndIsNeverLinked() throws Exception {
        try (EditorialPipeline p = new EditorialPipeline(dir)) {
            p.push("acme", a(1, "withheld", null, "", A_HEADLINE));
            assertThat(p.latest(A)).satisfies(notice -> {
                assertThat(notice.getPubstatus()).isEqualTo(PubStatus.withheld);
                assertThat(notice.getHeadline()).isEmpty();
                assertThat(notice.getBodyParagraphs()).isEmpty();
            });
            p.push("northstar", "urn:northstar:reply" + B_LINE);
            p.advance(Duration.ofDays(2));
            p.push("southwind", "urn:southwind:later" + C_LINE);
            assertThat(linkUris(p.latest("urn:northstar:reply"))).doesNotContain(A);
            assertThat(linkUris(p.latest("urn:southwind:later"))).doesNotContain(A);
        }
    }

    @Test
    void killed_goesOutAsAKillAndLeavesOtherStoriesLinks() throws Exception {
        try (EditorialPipeline p = new EditorialPipeline(dir)) {
            p.push("acme", a(1, "usable", null, "", A_HEADLINE));
            p.push("northstar", "urn:northstar:before" + B_LINE);
            assertThat(linkUris(p.latest("urn:northstar:before"))).contains(A);

            p.push("acme", A + "|2|canceled|||KILL|");
            assertThat(p.latest(A).getPubstatus()).isEqualTo(PubStatus.canceled);
            assertThat(linkUris(p.latest("urn:northstar:before"))).as("republished without the killed story")
                    .doesNotContain(A);
            p.push("southwind", "urn:southwind:after" + C_LINE);
            assertThat(linkUris(p.latest("urn:southwind:after"))).doesNotContain(A);
        }
    }

    @Test
    void corrected_replacesTheStoryAndOthersLinkToTheCorrectedVersion() throws Exception {
        try (EditorialPipeline p = new EditorialPipeline(dir)) {
            p.push("acme", a(1, "usable", null, "", A_HEADLINE));
            String corrected = "Lavrov hosts Alhakim for Basra harbour talks (corrects day)";
            p.push("acme", a(2, "usable", null, "correction", corrected));
            assertThat(p.latest(A)).satisfies(c -> {
                assertThat(c.getVersion()).isEqualTo(2L);
                assertThat(c.getSignals()).contains("correction");
            });
            p.push("northstar", "urn:northstar:reply" + B_LINE);
            assertThat(p.latest("urn:northstar:reply").getRelated()).filteredOn(l -> l.getUri().equals(A))
                    .extracting(RelatedLink::getTitle).containsExactly(corrected);
        }
    }
}
