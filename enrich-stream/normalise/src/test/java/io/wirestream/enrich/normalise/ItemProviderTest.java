package io.wirestream.enrich.normalise;

import static io.wirestream.enrich.normalise.TestItems.ctl;
import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.avro.Article;
import io.wirestream.enrich.normalise.model.TimeSource;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The provider of formats that have no one provider field (ninjs, IPTC 7901, NITF without regsrc, AP JSON), read
 * where the item names it and mapped to the known agency's key, so provider zones and languages apply to them; an
 * item that names no provider keeps none. Items written for the test.
 */
class ItemProviderTest {

    private static final String CONTRIBUTOR = "http://cv.iptc.org/newscodes/contentprodpartyrole/distributor";

    private static NormalisationResult normalise(NormaliserLimits limits, String agency, String payload)
            throws NormalisationException {
        try (WireItemNormaliser n = new WireItemNormaliser(TestItems.CLOCK, limits)) {
            return n.normaliseDetailed(TestItems.raw(agency, payload));
        }
    }

    private static NormalisationResult normalise(String payload) throws NormalisationException {
        return normalise(NormaliserLimits.defaults(), "feed-7", payload);
    }

    /** A ninjs 2.x text item without a language; {@code fields} adds properties. */
    private static String ninjs(String fields, String headline, String body) {
        return """
                {"uri": "urn:test:provider:1", "type": "text", "versioncreated": "2024-01-15T09:30:00",
                 %s
                 "headlines": [{"role": "main", "value": "%s"}],
                 "bodies": [{"role": "main", "contenttype": "text/plain", "value": "%s"}]}"""
                .formatted(fields.isEmpty() ? "" : fields + ",", headline, body);
    }

    @Test
    void aNinjsDistributorNamesTheProviderWhoseZoneAndLanguageApply() throws NormalisationException {
        NormalisationResult r = normalise(ninjs("\"infosources\": [{\"name\": \"Norsk Telegrambyrå\", \"role\": \""
                + CONTRIBUTOR + "\"}]", "Fergen går igjen", "Fergen til øyene går igjen fra mandag."));
        Article a = r.articles().get(0);
        ArticleDiagnostics d = r.diagnostics().get(0);
        assertThat(d.provider()).isEqualTo(new ArticleDiagnostics.Provider("Norsk Telegrambyrå",
                "ninjs infosources (role " + CONTRIBUTOR + ")", "ntb"));
        // Oslo is UTC+1 in January; NTB's wire is Norwegian bokmål
        assertThat(a.getVersioncreated()).isEqualTo(Instant.parse("2024-01-15T08:30:00Z"));
        assertThat(d.versionCreatedSource()).isEqualTo(TimeSource.ITEM_CONFIGURED_ZONE);
        assertThat(a.getLanguage()).isEqualTo("nb");
        assertThat(d.languageSource()).isEqualTo("default");
    }

    @Test
    void aNinjs3CopyrightHolderNamesTheProvider() throws NormalisationException {
        String json = """
                {"uri": "urn:test:provider:3", "type": "text", "versionCreated": "2024-01-15T09:30:00",
                 "copyrightHolder": "Australian Associated Press",
                 "headlines": [{"value": "Stocks close higher"}],
                 "bodies": [{"contentType": "text/plain", "value": "Shares rose."}]}""";
        NormalisationResult r = normalise(json);
        assertThat(r.diagnostics().get(0).provider().key()).isEqualTo("aap");
        assertThat(r.diagnostics().get(0).provider().from()).isEqualTo("ninjs copyrightholder");
        // Sydney is UTC+11 in January; copy this short is what the AAP default is for
        assertThat(r.articles().get(0).getVersioncreated()).isEqualTo(Instant.parse("2024-01-14T22:30:00Z"));
        assertThat(r.articles().get(0).getLanguage()).isEqualTo("en");
    }

    @Test
    void aProviderPropertyOrSuperdesksSourceNamesTheProvider() throws NormalisationException {
        assertThat(normalise(ninjs("\"provider\": {\"name\": \"Ritzau\"}", "Færgen sejler igen", "Kort."))
                .diagnostics().get(0).provider()).isEqualTo(new ArticleDiagnostics.Provider("Ritzau", "ninjs provider",
                        "ritzau"));
        NormalisationResult superdesk = normalise(ninjs("\"source\": \"AAP\", \"copyrightholder\": \"Example Press\"",
                "Stocks close higher", "Shares rose."));
        assertThat(superdesk.diagnostics().get(0).provider().name()).isEqualTo("AAP");
        assertThat(superdesk.articles().get(0).getLanguage()).isEqualTo("en");
    }

    @Test
    void aBylineOrTheUriNamesAKnownAgencyOnly() throws NormalisationException {
        String german = "Die Fähre zu den Inseln fährt von Montag an wieder viermal am Tag, teilte der Betreiber"
                + " am Dienstag mit, nach einem Winter voller Ausfälle.";
        NormalisationResult byline = normalise(ninjs("\"by\": \"Von Erika Muster, dpa\"", "Fähre fährt wieder", german));
        assertThat(byline.diagnostics().get(0).provider())
                .isEqualTo(new ArticleDiagnostics.Provider("dpa", "ninjs by", "dpa"));
        // dpa runs services in several languages and has no zone configured: detection decides, the time stays UTC
        assertThat(byline.articles().get(0).getLanguage()).isEqualTo("de");
        assertThat(byline.diagnostics().get(0).languageSource()).isEqualTo("detected");
        assertThat(byline.diagnostics().get(0).versionCreatedSource()).isEqualTo(TimeSource.ITEM_NO_ZONE);

        String fromUri = ninjs("", "Fähre fährt wieder", german)
                .replace("urn:test:provider:1", "urn:newsml:dpa.com:20240115:240115-99-000042");
        assertThat(normalise(fromUri).diagnostics().get(0).provider())
                .isEqualTo(new ArticleDiagnostics.Provider("urn:newsml:dpa.com:20240115:240115-99-000042", "ninjs uri",
                        "dpa"));
    }

    @Test
    void anItemThatNamesNoKnownProviderHasNone() throws NormalisationException {
        NormalisationResult r = normalise(ninjs("\"by\": \"Jane Doe and John Roe\"", "Ferry", "Delayed."));
        assertThat(r.diagnostics().get(0).provider()).isNull();
        assertThat(r.articles().get(0).getLanguage()).isNull();
        assertThat(r.diagnostics().get(0).versionCreatedSource()).isEqualTo(TimeSource.ITEM_NO_ZONE);
    }

    @Test
    void aNamedProviderTheTableDoesNotKnowIsKeptAsWrittenForTheSettings() throws NormalisationException {
        String item = ninjs("\"copyrightholder\": \"Example Press\", \"by\": \"Jane Doe, AP\"", "Ferry", "Delayed.");
        NormalisationResult plain = normalise(item);
        assertThat(plain.diagnostics().get(0).provider())
                .isEqualTo(new ArticleDiagnostics.Provider("Example Press", "ninjs copyrightholder", null));
        assertThat(plain.articles().get(0).getLanguage()).isNull();

        NormaliserLimits configured = NormaliserLimits.defaults().withSources(SourceDefaults.builtIn()
                .withProviderLanguages(Map.of("example press", "pt")));
        assertThat(normalise(configured, "feed-7", item).articles().get(0).getLanguage()).isEqualTo("pt");
    }

    @Test
    void eachItemOfANinjsListPageNamesItsOwnProvider() throws NormalisationException {
        String page = """
                {"total": 2, "limit": 10, "offset": 0, "item": [
                 {"uri": "urn:test:list:1", "type": "story", "copyrightholder": "PA", "headline": "Rain due",
                  "body_text": "Rain is due."},
                 {"uri": "urn:test:list:2", "type": "story", "headline": "Sun due", "body_text": "Sun is due."}]}""";
        NormalisationResult r = normalise(page);
        assertThat(r.diagnostics().get(0).provider().key()).isEqualTo("pa");
        assertThat(r.articles().get(0).getLanguage()).isEqualTo("en");
        assertThat(r.diagnostics().get(1).provider()).isNull();
    }

    /** An IPTC 7901 message; {@code header} follows the SOH. */
    private static String iptc7901(String header) {
        return ctl("""
                <SOH>%s
                
                Portugal-ports/
                <STX>Port reopens =
                
                   Lisbon - The port reopened on Tuesday.
                <ETX>091422 GMT Jan 24
                <EOT>""".formatted(header).replace("\n", "\r\n"));
    }

    @Test
    void a7901HeaderNamesTheProviderAfterTheAddress() throws NormalisationException {
        NormalisationResult r = normalise(iptc7901("xyz042 4 i 87 abcde   dpa 061"));
        assertThat(r.diagnostics().get(0).provider())
                .isEqualTo(new ArticleDiagnostics.Provider("dpa", "IPTC 7901 header", "dpa"));

        // a category of two letters, as German services write them, and the agency's own number after its name
        NormalisationResult twoLetters = normalise(iptc7901("xyz042 2 pl 87 abcde KNA 240115-99-000042#2"));
        assertThat(twoLetters.articles().get(0).getUrgency()).isEqualTo(2);
        assertThat(twoLetters.diagnostics().get(0).provider().key()).isEqualTo("kna");

        // the source letters are the sender's own channel code: no agency is read from them
        NormalisationResult none = normalise(iptc7901("dpa042 4 i 87 abcde 061"));
        assertThat(none.diagnostics().get(0).provider()).isNull();
    }

    @Test
    void nitfWithoutRegsrcNamesItsDistributorOrCopyrightHolder() throws NormalisationException {
        String nitf = """
                <nitf><head><docdata><doc-id id-string="EX.1"/>
                 <date.issue norm="2024-01-15T09:30:00Z"/>%s</docdata></head>
                 <body><body.head><hedline><hl1>Stocks close higher</hl1></hedline>%s</body.head>
                 <body.content><p>Shares rose.</p></body.content></body></nitf>""";
        NormalisationResult holder = normalise(nitf.formatted(
                "<doc.copyright year=\"2024\" holder=\"Australian Associated Press\"/>", ""));
        assertThat(holder.diagnostics().get(0).provider())
                .isEqualTo(new ArticleDiagnostics.Provider("Australian Associated Press", "NITF doc.copyright holder", "aap"));
        assertThat(holder.articles().get(0).getLanguage()).isEqualTo("en");

        NormalisationResult distributor = normalise(nitf.formatted(
                "<doc.copyright year=\"2024\" holder=\"Example Press\"/>", "<distributor>The Associated Press</distributor>"));
        assertThat(distributor.diagnostics().get(0).provider().key()).isEqualTo("ap");
        assertThat(distributor.diagnostics().get(0).provider().from()).isEqualTo("NITF body.head distributor");
    }

    @Test
    void apMediaJsonNamesItsProvider() throws NormalisationException {
        String json = """
                {"api_version": "2", "data": {"item": {"altids": {"itemid": "abc123"}, "type": "text",
                 "provider": "AP", "headline": "Stocks close higher", "versioncreated": "2024-01-15T09:30:00Z"}}}""";
        assertThat(normalise(json).diagnostics().get(0).provider())
                .isEqualTo(new ArticleDiagnostics.Provider("AP", "AP Media JSON provider", "ap"));
    }
}
