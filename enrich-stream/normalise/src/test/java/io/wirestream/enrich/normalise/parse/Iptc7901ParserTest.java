package io.wirestream.enrich.normalise.parse;

import static io.wirestream.enrich.normalise.TestItems.ctl;
import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.avro.Article;
import io.wirestream.avro.Headline;
import io.wirestream.avro.RelatedLink;
import io.wirestream.enrich.normalise.NormalisationException;
import io.wirestream.enrich.normalise.TestItems;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class Iptc7901ParserTest {

    /** An invented IPTC 7901 message with CRLF line ends, a notebook and a non-public section. */
    static String story(String header, String headline) {
        return ctl(("""
                <SOH>%s
                
                Portugal-ports/
                <STX>%s
                
                   Lisbon (EP) - The port of Lisbon reopened to container ships on
                Tuesday after three days of repairs to a breakwater damaged by a win-
                ter storm, the harbour authority said.
                
                   Officials said about forty vessels had waited offshore, some for
                more than two days.
                
                # EP Notebook
                
                ## Links
                - [Harbour authority](https://example.org/harbour)
                
                The following information is not for publication
                - Contact: desk@example.org
                
                ep abc xyz
                <ETX>091422 GMT Jan 24
                <DEL>
                <EOT>""").formatted(header, headline).replace("\n", "\r\n"));
    }

    @Test
    void wrappedParagraphsAreJoinedAndTableRowsKept() throws NormalisationException {
        String message = ctl(("""
                <SOH>xyz102 3 i 120  abc 008
                
                Portugal-fishing/
                <STX>Sardine catch up on last year =
                
                   Lisbon (EP) - Sardine landings at the three largest ports rose in
                March, the fisheries office said, with the following figures in
                tonnes:
                 Port        March    Feb
                 Matosinhos    410    380
                 Peniche       295    301
                   The office said the season would open a week earlier than
                usual.
                <ETX>091422 GMT Apr 24
                <DEL>
                <EOT>""").replace("\n", "\r\n"));
        Article a = TestItems.one("ep", message);
        assertThat(a.getBodyParagraphs()).containsExactly(
                "Sardine landings at the three largest ports rose in March, the fisheries office said, with the "
                        + "following figures in tonnes:",
                "Port March Feb", "Matosinhos 410 380", "Peniche 295 301",
                "The office said the season would open a week earlier than usual.");
    }

    @Test
    void readsHeaderHeadlineBodyAndTrailer() throws NormalisationException {
        Article a = TestItems.one("ep", story("xyz101 2 i 150  abc 007", "Lisbon harbour reopens after storm damage ="));
        assertThat(a.getSourceFormat()).isEqualTo("iptc-7901");
        assertThat(a.getHeadline()).isEqualTo("Lisbon harbour reopens after storm damage");
        assertThat(a.getUrgency()).isEqualTo(2);
        assertThat(a.getVersioncreated()).isEqualTo(Instant.parse("2024-01-09T14:22:00Z"));
        assertThat(a.getLocated()).isEqualTo("Lisbon");
        assertThat(a.getDatelineSource()).isEqualTo("EP");
        assertThat(a.getKeywords()).containsExactly("Portugal-ports");
        assertThat(a.getBodyParagraphs()).containsExactly(
                "The port of Lisbon reopened to container ships on Tuesday after three days of repairs to a breakwater"
                        + " damaged by a winter storm, the harbour authority said.",
                "Officials said about forty vessels had waited offshore, some for more than two days.");
        assertThat(a.getRelated()).extracting(RelatedLink::getUri, RelatedLink::getOrigin)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("https://example.org/harbour", "publisher"));
        assertThat(a.getBodyHtml()).doesNotContain("desk@example.org").doesNotContain("Notebook");
        assertThat(a.getSubjects()).extracting("code").contains("iptc7901-category:i");
    }

    @Test
    void aKickerAboveTheHeadlineIsKeptApart() throws NormalisationException {
        Article a = TestItems.one("ep", story("xyz102 1 i 90  abc 008", "URGENT\nLisbon harbour reopens after storm damage ="));
        assertThat(a.getHeadline()).isEqualTo("Lisbon harbour reopens after storm damage");
        assertThat(a.getHeadlines()).extracting(Headline::getRole, Headline::getValue)
                .contains(org.assertj.core.groups.Tuple.tuple("kicker", "URGENT"));
    }

    @Test
    void aRedeliveryWithANewSequenceGetsTheSameId() throws NormalisationException {
        Article a = TestItems.one("ep", story("xyz101 2 i 150  abc 007", "Lisbon harbour reopens after storm damage ="));
        Article b = TestItems.one("ep", story("xyz555 2 i 150  abc 007", "Lisbon harbour reopens after storm damage ="));
        assertThat(b.getUri()).isEqualTo(a.getUri()).startsWith("urn:wirestream:ep:hash:");
    }

    @Test
    void aCorrectionKickerIsASignal() throws NormalisationException {
        Article a = TestItems.one("ep", story("xyz103 3 i 90  abc 009", "CORRECTION\nLisbon harbour reopens after storm damage ="));
        assertThat(a.getSignals()).contains("correction");
    }

    @Test
    void withoutStxThereIsNoStory() {
        NormalisationException e = TestItems.refusal("ep", ctl("<SOH>xyz101 2 i 150\r\nonly a header\r\n"));
        assertThat(e.reason()).isEqualTo("malformed-7901");
    }
}
