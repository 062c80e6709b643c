package io.wirestream.enrich.normalise.editorial;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.avro.Article;
import io.wirestream.avro.PubStatus;
import io.wirestream.enrich.normalise.NormalisationException;
import io.wirestream.enrich.normalise.TestItems;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The normaliser's defects of issue 15, one test each, through the public normaliser only (so each was run on the
 * code before the fix and seen to fail there).
 */
public class EditorialDefectsTest {

    public static String ninjs(String agency, String extra) {
        return """
                {"uri": "http://example.org/items/%s-7", "type": "text", "version": "1", "versioncreated": "2024-03-05T09:30:00Z",
                 "pubstatus": "usable", "language": "en", "headline": "Senator leaves committee",
                 "body_text": "The senator stepped down from the budget committee on Tuesday, her office said."%s}"""
                .formatted(agency, extra);
    }

    public static String nitf(String docdataAttrs, String docdataChildren) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <nitf><head><title>Budget figures</title>
                  <docdata %s><doc-id id-string="BUDGET-1"/><date.issue norm="20240305T093000Z"/>%s</docdata></head>
                 <body><body.head><hedline><hl1>Budget figures due on Thursday</hl1></hedline></body.head>
                  <body.content><p>The finance ministry will publish the budget figures on Thursday.</p></body.content></body>
                </nitf>""".formatted(docdataAttrs, docdataChildren);
    }

    // ---- ordinary words become kills

    @Test
    void anEdnoteAboutAWithdrawalIsNoKill() throws NormalisationException {
        Article a = TestItems.one("ep", ninjs("ep", ", \"ednote\": \"Updates with senator's withdrawal from committee post\""));
        assertThat(a.getPubstatus()).isEqualTo(PubStatus.usable);
        assertThat(a.getSignals()).contains("update").doesNotContain("kill");
    }

    @Test
    void doNotUseBeforeIsAnEmbargoNotAKill() throws NormalisationException {
        Article a = TestItems.one("ep", ninjs("ep", ", \"ednote\": \"Eds: do not use before 0600 GMT\""));
        assertThat(a.getPubstatus()).isEqualTo(PubStatus.usable);
        assertThat(a.getSignals()).doesNotContain("kill");
        // sent at 09:30 GMT: the next 06:00 GMT is the following morning
        assertThat(a.getEmbargoed()).isEqualTo(Instant.parse("2024-03-06T06:00:00Z"));
    }

    @Test
    void talksOnHoldIsNoHold() throws NormalisationException {
        Article a = TestItems.one("ep", ninjs("ep", ", \"ednote\": \"Adds that coalition talks are on hold\""));
        assertThat(a.getPubstatus()).isEqualTo(PubStatus.usable);
        assertThat(a.getSignals()).doesNotContain("hold", "kill");
    }

    @Test
    void anpaAdvisoryAboutAWithdrawalIsNoKillButAKillTakeKeyIs() throws NormalisationException {
        String base = """
                <SYN><SYN><SOH>a0431<US>wire
                u a<DC3><DC1> BC-Senate-Committee%s      03-05 0120
                <STX>^BC-Senate-Committee%s,0112<
                ^Senator leaves budget committee<
                ^Eds: Updates with senator's withdrawal from committee post.<
                <TAB>   WASHINGTON (EP) _ The senator stepped down from the budget committee on Tuesday, her office said.
                <TAB>   <ETX>EP-WS-03-05-24 0930GMT<
                <EOT>""";
        Article ordinary = TestItems.one("ep", TestItems.ctl(base.formatted("", "")));
        assertThat(ordinary.getPubstatus()).isEqualTo(PubStatus.usable);
        Article killed = TestItems.one("ep", TestItems.ctl(base.formatted(" Kill", ", Kill")));
        assertThat(killed.getPubstatus()).isEqualTo(PubStatus.canceled);
    }

    // ---- free-text embargoes are missed

    @Test
    void aNitfEdMsgEmbargoWithoutADateIsReadAgainstTheItemTime() throws NormalisationException {
        Article a = TestItems.one("ep", nitf("", "<ed-msg info=\"EMBARGOED until 0001 GMT Thursday\"/>"));
        // issued Tuesday 5 March 2024 09:30 GMT: the next Thursday 00:01 GMT
        assertThat(a.getEmbargoed()).isEqualTo(Instant.parse("2024-03-07T00:01:00Z"));
        assertThat(a.getPubstatus()).isEqualTo(PubStatus.usable);
    }

    @Test
    void anEmbargoWhoseTimeCannotBeReadWithholds() throws NormalisationException {
        Article a = TestItems.one("ep", nitf("", "<ed-msg info=\"EMBARGOED until the minister has spoken\"/>"));
        assertThat(a.getPubstatus()).isEqualTo(PubStatus.withheld);
        assertThat(a.getSignals()).contains("embargo-unreadable");
    }

    @Test
    void aLowerCaseEmbargoedNoteIsAMarkerToo() throws NormalisationException {
        Article a = TestItems.one("ep", ninjs("ep", ", \"ednote\": \"This story is embargoed until the results are in\""));
        assertThat(a.getPubstatus()).isEqualTo(PubStatus.withheld);
    }

    // ---- embargoed NewsML 1 and NITF stories never appear

    @Test
    void anEmbargoedNitfWithAReleaseTimeIsUsableFromThatTime() throws NormalisationException {
        Article a = TestItems.one("ep", nitf("management-status=\"embargoed\"", "<date.release norm=\"20240307T000100Z\"/>"));
        assertThat(a.getPubstatus()).isEqualTo(PubStatus.usable);
        assertThat(a.getEmbargoed()).isEqualTo(Instant.parse("2024-03-07T00:01:00Z"));
    }

    @Test
    void anEmbargoedNitfWithoutATimeIsWithheld() throws NormalisationException {
        Article a = TestItems.one("ep", nitf("management-status=\"embargoed\"", ""));
        assertThat(a.getPubstatus()).isEqualTo(PubStatus.withheld);
        assertThat(a.getSignals()).contains("embargo-unreadable");
    }

    @Test
    void anEmbargoedFieldThatCannotBeReadWithholds() throws NormalisationException {
        Article a = TestItems.one("ep", ninjs("ep", ", \"embargoed\": \"after the vote\""));
        assertThat(a.getPubstatus()).isEqualTo(PubStatus.withheld);
    }

    // ---- two agencies can share story ids

    @Test
    void agenciesThatDifferOnlyInCaseGetDistinctStoryUris() throws NormalisationException {
        String item = ninjs("x", "");
        Article lower = TestItems.one("ap", item);
        Article upper = TestItems.one("AP", item);
        Article mixed = TestItems.one("Ap", item);
        assertThat(lower.getUri()).isEqualTo("urn:wirestream:ap:http://example.org/items/x-7"); // stored uris stay valid
        assertThat(upper.getUri()).isNotEqualTo(lower.getUri()).isNotEqualTo(mixed.getUri());
        assertThat(mixed.getUri()).isNotEqualTo(lower.getUri());
        assertThat(upper.getUri()).startsWith("urn:wirestream:");
    }

    @Test
    void agenciesThatDifferOnlyInPunctuationGetDistinctStoryUris() throws NormalisationException {
        String item = ninjs("x", "");
        assertThat(TestItems.one("e p", item).getUri()).isNotEqualTo(TestItems.one("e-p", item).getUri());
    }

    // ---- corrections from explicit markers

    @Test
    void aG2EdNoteThatCorrectsIsACorrection() throws NormalisationException {
        String g2 = EditorialStateMatrixTest.g2(EditorialStateMatrixTest.State.USABLE)
                .replace("</itemMeta>", "<edNote>Corrects the spelling of the port authority's name.</edNote></itemMeta>");
        Article a = TestItems.one("ep", g2);
        assertThat(a.getSignals()).contains("correction");
        assertThat(a.getPubstatus()).isEqualTo(PubStatus.usable);
    }

    @Test
    void aMarketCorrectionIsNoCorrectionSignal() throws NormalisationException {
        Article a = TestItems.one("ep", ninjs("ep", ", \"ednote\": \"Updates with the market correction in Asian trading\""));
        assertThat(a.getSignals()).doesNotContain("correction");
    }
}
