package io.wirestream.enrich.normalise;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.avro.Article;
import io.wirestream.enrich.normalise.inspect.ArticleInspector;
import io.wirestream.enrich.normalise.model.TimeSource;
import io.wirestream.newsformats.format.WireFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Times written without a zone: read in the zone configured for the provider the item names, else for the pushing
 * agency, else for the format; with nothing configured, read as UTC as before. Items written for the test.
 */
class ZoneChoiceTest {

    private static final ZoneId HELSINKI = ZoneId.of("Europe/Helsinki");

    /** A G2 text item; {@code provider} is the whole provider element, or empty. */
    private static String g2(String provider, String versionCreated, String extraMeta) {
        return """
                <newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="urn:test:zone:1" version="1"
                    standard="NewsML-G2" standardversion="2.29" xml:lang="en">
                 <itemMeta>
                  <itemClass qcode="ninat:text"/>
                  %s
                  <versionCreated>%s</versionCreated>
                  %s
                  <pubStatus qcode="stat:usable"/>
                 </itemMeta>
                 <contentMeta><headline>Ferry timetable changes for the winter</headline></contentMeta>
                 <contentSet><inlineXML contenttype="application/nitf+xml">
                  <nitf xmlns="http://iptc.org/std/NITF/2006-10-18/"><body><body.content>
                   <p>The island ferry will run four times a day from next month, the operator said.</p>
                  </body.content></body></nitf>
                 </inlineXML></contentSet>
                </newsItem>""".formatted(provider, versionCreated, extraMeta);
    }

    private static NormalisationResult normalise(NormaliserLimits limits, String agency, String payload)
            throws NormalisationException {
        try (WireItemNormaliser n = new WireItemNormaliser(TestItems.CLOCK, limits)) {
            return n.normaliseDetailed(TestItems.raw(agency, payload));
        }
    }

    @Test
    void aZonelessTimeFromAProviderWithAConfiguredZoneIsReadInIt() throws NormalisationException {
        NormalisationResult r = normalise(NormaliserLimits.defaults(), "feed-7",
                g2("<provider literal=\"STT\"/>", "2024-01-15T09:30:00", ""));
        // Helsinki is UTC+2 in January
        assertThat(r.articles().get(0).getVersioncreated()).isEqualTo(Instant.parse("2024-01-15T07:30:00Z"));
        ArticleDiagnostics d = r.diagnostics().get(0);
        assertThat(d.versionCreatedSource()).isEqualTo(TimeSource.ITEM_CONFIGURED_ZONE);
        assertThat(d.utcVersionCreated()).isFalse();
        assertThat(d.assumedZone()).isEqualTo(new SourceDefaults.AssumedZone(HELSINKI, "provider stt"));
        assertThat(d.notes()).contains(
                "versioncreated written without a zone; read in Europe/Helsinki (configured for provider stt)");
    }

    @Test
    void inspectShowsTheAssumedZone() throws NormalisationException {
        NormalisationResult r = normalise(NormaliserLimits.defaults(), "feed-7",
                g2("<provider literal=\"STT\"/>", "2024-01-15T09:30:00", ""));
        try (ArticleInspector inspector = new ArticleInspector()) {
            assertThat(inspector.toDiagnosticJson(r))
                    .contains("\"zoneAssumed\" : \"Europe/Helsinki (configured for provider stt)\"");
        }
    }

    @Test
    void theConfiguredZoneKeepsItsSummerTime() throws NormalisationException {
        NormalisationResult r = normalise(NormaliserLimits.defaults(), "feed-7",
                g2("<provider qcode=\"nprov:STT\"/>", "2024-07-15T09:30:00", ""));
        assertThat(r.articles().get(0).getVersioncreated()).isEqualTo(Instant.parse("2024-07-15T06:30:00Z"));
    }

    @Test
    void withNothingConfiguredAZonelessTimeIsReadAsUtcAndSaysSo() throws NormalisationException {
        NormalisationResult r = normalise(NormaliserLimits.defaults(), "feed-7",
                g2("<provider literal=\"Example Press\"/>", "2024-01-15T09:30:00", ""));
        assertThat(r.articles().get(0).getVersioncreated()).isEqualTo(Instant.parse("2024-01-15T09:30:00Z"));
        ArticleDiagnostics d = r.diagnostics().get(0);
        assertThat(d.versionCreatedSource()).isEqualTo(TimeSource.ITEM_NO_ZONE);
        assertThat(d.assumedZone()).isNull();
        assertThat(d.notes()).contains(
                "versioncreated written without a zone, and none is configured for its source; read as UTC");
    }

    @Test
    void aTimeWithItsOwnOffsetIgnoresTheConfiguredZone() throws NormalisationException {
        NormalisationResult r = normalise(NormaliserLimits.defaults(), "feed-7",
                g2("<provider literal=\"STT\"/>", "2024-01-15T09:30:00+05:00", ""));
        assertThat(r.articles().get(0).getVersioncreated()).isEqualTo(Instant.parse("2024-01-15T04:30:00Z"));
        assertThat(r.diagnostics().get(0).versionCreatedSource()).isEqualTo(TimeSource.ITEM);
        assertThat(r.diagnostics().get(0).assumedZone()).isNull();
    }

    @Test
    void theProviderNamedInTheItemComesBeforeThePushingAgency() throws NormalisationException {
        NormaliserLimits limits = NormaliserLimits.defaults().withAgencyZone("Aggregator", ZoneId.of("America/New_York"));
        NormalisationResult fromNtb = normalise(limits, "aggregator",
                g2("<provider uri=\"x\" qcode=\"nprov:NTB\"/>", "2024-01-15T09:30:00",
                        "<embargoed>2024-01-15T12:00:00</embargoed>"));
        Article a = fromNtb.articles().get(0);
        // Oslo is UTC+1 in January; the parser first read the time in New York's zone, the provider moved it
        assertThat(a.getVersioncreated()).isEqualTo(Instant.parse("2024-01-15T08:30:00Z"));
        assertThat(a.getEmbargoed()).isEqualTo(Instant.parse("2024-01-15T11:00:00Z"));
        assertThat(fromNtb.diagnostics().get(0).assumedZone().basis()).isEqualTo("provider ntb");

        NormalisationResult ownCopy = normalise(limits, "aggregator",
                g2("<provider literal=\"Example Press\"/>", "2024-01-15T09:30:00", ""));
        assertThat(ownCopy.articles().get(0).getVersioncreated()).isEqualTo(Instant.parse("2024-01-15T14:30:00Z"));
        assertThat(ownCopy.diagnostics().get(0).assumedZone().basis()).isEqualTo("agency aggregator");
    }

    @Test
    void theFormatsZoneIsTheLastResort() throws NormalisationException {
        NormaliserLimits limits = NormaliserLimits.defaults().withSources(SourceDefaults.builtIn()
                .withFormatZones(Map.of(WireFormat.NEWSML_G2, ZoneId.of("Asia/Tokyo"))));
        NormalisationResult r = normalise(limits, "feed-7", g2("", "2024-01-15T09:30:00", ""));
        assertThat(r.articles().get(0).getVersioncreated()).isEqualTo(Instant.parse("2024-01-15T00:30:00Z"));
        assertThat(r.diagnostics().get(0).assumedZone().basis()).isEqualTo("format newsml-g2");
    }

    @Test
    void nitfNamesItsProviderInTheDocIdsRegisteredSource() throws NormalisationException {
        String nitf = """
                <nitf><head><docdata>
                 <doc-id regsrc="AAP" id-string="AAP.2024.77"/>
                 <date.issue norm="20240115T093000"/>
                </docdata></head>
                <body><body.head><hedline><hl1>Rain closes the cricket ground early</hl1></hedline></body.head>
                <body.content><p>Play was abandoned after lunch as the rain kept falling.</p></body.content></body></nitf>""";
        NormalisationResult r = normalise(NormaliserLimits.defaults(), "feed-7", nitf);
        // Sydney is UTC+11 in January (daylight saving)
        assertThat(r.articles().get(0).getVersioncreated()).isEqualTo(Instant.parse("2024-01-14T22:30:00Z"));
        assertThat(r.diagnostics().get(0).assumedZone().basis()).isEqualTo("provider aap");
    }

    @Test
    void aNewsMl1ProviderWrittenAsADomainMatchesByItsName() throws NormalisationException {
        String newsml = """
                <NewsML Version="1.2">
                 <NewsItem xml:lang="no">
                  <Identification><NewsIdentifier><ProviderId>ntb.no</ProviderId><DateId>20240115</DateId>
                   <NewsItemId>N-1</NewsItemId><RevisionId PreviousRevision="0" Update="N">1</RevisionId>
                   <PublicIdentifier>urn:newsml:ntb.no:20240115:N-1:1</PublicIdentifier></NewsIdentifier></Identification>
                  <NewsManagement><NewsItemType FormalName="News"/><ThisRevisionCreated>20240115T093000</ThisRevisionCreated>
                   <Status FormalName="Usable"/></NewsManagement>
                  <NewsComponent><NewsLines><HeadLine>Ny rute for ferja</HeadLine></NewsLines>
                   <ContentItem><MediaType FormalName="Text"/><DataContent><nitf><body><body.content>
                    <p>Ferja går fire ganger om dagen fra neste måned.</p></body.content></body></nitf></DataContent></ContentItem>
                  </NewsComponent>
                 </NewsItem>
                </NewsML>""";
        NormalisationResult r = normalise(NormaliserLimits.defaults(), "feed-7", newsml);
        assertThat(r.articles().get(0).getVersioncreated()).isEqualTo(Instant.parse("2024-01-15T08:30:00Z"));
        assertThat(r.diagnostics().get(0).assumedZone().basis()).isEqualTo("provider ntb");
    }

    @Test
    void noBuiltInZoneIsKeyedByThePushingAgency() throws NormalisationException {
        // "stt" as the deployment's name for a feed says nothing about who wrote the item
        NormalisationResult r = normalise(NormaliserLimits.defaults(), "stt", g2("", "2024-01-15T09:30:00", ""));
        assertThat(r.articles().get(0).getVersioncreated()).isEqualTo(Instant.parse("2024-01-15T09:30:00Z"));
        assertThat(r.diagnostics().get(0).versionCreatedSource()).isEqualTo(TimeSource.ITEM_NO_ZONE);
    }
}
