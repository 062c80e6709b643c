package io.wirestream.enrich.normalise;

import static io.wirestream.enrich.normalise.TestItems.ctl;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wirestream.avro.Article;
import java.io.IOException;
import java.io.StringReader;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Rights a deployment assumes for copy that carries none (issue 21), by provider and then by pushing agency. */
class RightsDefaultsTest {

    private static final String FILE = """
            # the wire contract with Example Press, whichever feed pushes its copy
            provider.example\\ press.copyrightholder = Example Press
            provider.example\\ press.usageterms = Online use for 30 days, no print.
            # a feed that forwards a dpa service in IPTC 7901, which has no rights field
            agency.feed-7.copyrightholder = dpa
            agency.feed-7.copyrightnotice = (c) dpa, all rights reserved
            agency.feed-7.usageterms = Editorial use, Germany only.
            # a provider written as a domain: the name keeps its dots
            provider.stt.fi.usageterms = Finland only.
            """;

    private static RightsDefaults rights() throws IOException {
        Properties p = new Properties();
        p.load(new StringReader(FILE));
        return RightsDefaults.fromProperties(p);
    }

    private static NormalisationResult normalise(String agency, String payload) throws Exception {
        NormaliserLimits limits = NormaliserLimits.defaults()
                .withSources(SourceDefaults.builtIn().withRights(rights()));
        try (WireItemNormaliser n = new WireItemNormaliser(TestItems.CLOCK, limits)) {
            return n.normaliseDetailed(TestItems.raw(agency, payload));
        }
    }

    private static String iptc7901() {
        return ctl("""
                <SOH>xyz042 4 i 87 abcde 061
                
                Portugal-ports/
                <STX>Port reopens =
                
                   Lisbon - The port reopened on Tuesday after repairs.
                <ETX>091422 GMT Jan 24
                <EOT>""".replace("\n", "\r\n"));
    }

    @Test
    void readsTheFileByProviderAndAgency() throws IOException {
        RightsDefaults r = rights();
        assertThat(r.providerRights().get("example press"))
                .isEqualTo(new RightsDefaults.SourceRights("Example Press", null, "Online use for 30 days, no print."));
        assertThat(r.providerRights().get("stt.fi").usageTerms()).isEqualTo("Finland only.");
        assertThat(r.agencyRights().get("feed-7").copyrightNotice()).isEqualTo("(c) dpa, all rights reserved");
    }

    @Test
    void refusesWhatItCannotRead() {
        for (String bad : new String[] {"feed-7.usageterms=x", "agency.feed-7.licence=x", "agency.usageterms=x",
                "agency.feed-7.usageterms="}) {
            Properties p = new Properties();
            try {
                p.load(new StringReader(bad));
            } catch (IOException e) {
                throw new AssertionError(e);
            }
            assertThatThrownBy(() -> RightsDefaults.fromProperties(p)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(bad.substring(0, bad.indexOf('=')));
        }
    }

    @Test
    void aFormatWithoutRightsTakesThePushingAgencysDefaultsAndSaysSo() throws Exception {
        NormalisationResult r = normalise("feed-7", iptc7901());
        Article a = r.articles().get(0);
        assertThat(a.getCopyrightholder()).isEqualTo("dpa");
        assertThat(a.getCopyrightnotice()).isEqualTo("(c) dpa, all rights reserved");
        assertThat(a.getUsageterms()).isEqualTo("Editorial use, Germany only.");
        assertThat(r.diagnostics().get(0).notes())
                .contains("usage terms: the default configured for agency feed-7");

        Article other = normalise("feed-8", iptc7901()).articles().get(0);
        assertThat(other.getUsageterms()).isNull();
        assertThat(other.getCopyrightnotice()).isNull();
    }

    @Test
    void theProvidersDefaultsComeBeforeTheAgencysAndTheItemBeforeBoth() throws Exception {
        String ninjs = """
                {"uri": "urn:test:rights:1", "type": "text", "versioncreated": "2024-01-15T09:30:00Z",
                 "copyrightholder": "Example Press", "copyrightnotice": "(c) 2024 Example Press",
                 "headline": "Ferry delayed", "body_text": "The morning ferry left an hour late."}""";
        NormalisationResult r = normalise("feed-7", ninjs);
        Article a = r.articles().get(0);
        // the item's own holder and notice stand; its provider's default gives the terms, not the pushing feed's
        assertThat(a.getCopyrightholder()).isEqualTo("Example Press");
        assertThat(a.getCopyrightnotice()).isEqualTo("(c) 2024 Example Press");
        assertThat(a.getUsageterms()).isEqualTo("Online use for 30 days, no print.");
        assertThat(r.diagnostics().get(0).notes())
                .contains("usage terms: the default configured for provider example press")
                .noneMatch(n -> n.startsWith("copyright"));

        String withTerms = ninjs.replace("\"headline\"", "\"usageterms\": \"Web only.\", \"headline\"");
        assertThat(normalise("feed-7", withTerms).articles().get(0).getUsageterms()).isEqualTo("Web only.");
    }

    @Test
    void aProviderWrittenAsADomainMatchesItsEntry() throws Exception {
        String ninjs = """
                {"uri": "urn:test:rights:2", "type": "text", "versioncreated": "2024-01-15T09:30:00Z",
                 "provider": "stt.fi", "headline": "Ice on the bay", "body_text": "The bay froze overnight."}""";
        assertThat(normalise("feed-9", ninjs).articles().get(0).getUsageterms()).isEqualTo("Finland only.");
    }
}
