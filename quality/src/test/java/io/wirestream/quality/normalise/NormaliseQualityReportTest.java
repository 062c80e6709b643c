package io.wirestream.quality.normalise;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.avro.Article;
import io.wirestream.enrich.normalise.TestItems;
import io.wirestream.enrich.normalise.model.TimeSource;
import io.wirestream.newsformats.format.WireFormat;
import io.wirestream.newsformats.ninjs.NinjsWriter;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The quality report over the shared corpora (read in place; skipped when absent): every text item parses, every
 * agency sample parses, and every article renders as ninjs that the official 2.x schemas accept.
 */
class NormaliseQualityReportTest {

    static NormaliseQualityReport.Report report;

    @BeforeAll
    static void run() {
        Path corpora = TestItems.corpora();
        Assumptions.assumeTrue(corpora != null, "shared corpora not found; skipping the quality report");
        report = NormaliseQualityReport.run(corpora);
    }

    @Test
    void everyTextItemParses() {
        assertThat(report.failures()).as(report.render()).isEmpty();
    }

    @Test
    void everyAgencySampleParsesWithHeadlineTimeAndLanguage() {
        List<NormaliseQualityReport.FileOutcome> samples = report.files().stream()
                .filter(f -> f.file().toString().contains("agency-samples")).toList();
        assertThat(samples).hasSizeGreaterThanOrEqualTo(15).allSatisfy(f -> {
            assertThat(f.parsed()).as(f.file() + " " + f.reason() + " " + f.detail()).isTrue();
            for (Article a : f.parsedArticles()) {
                assertThat(a.getHeadline()).isNotBlank();
                assertThat(a.getLanguage()).isNotNull();
            }
        });
        Map<WireFormat, Long> formats = samples.stream()
                .collect(Collectors.groupingBy(NormaliseQualityReport.FileOutcome::format, Collectors.counting()));
        assertThat(formats).containsKeys(WireFormat.ANPA_1312, WireFormat.IPTC_7901, WireFormat.NITF, WireFormat.NEWSML_1,
                WireFormat.NEWSML_G2, WireFormat.NINJS, WireFormat.AP_JSON, WireFormat.ATOM);
    }

    @Test
    void theReportHasFiguresPerFormat() {
        Map<WireFormat, NormaliseQualityReport.FormatStats> byFormat = report.formats().stream()
                .collect(Collectors.toMap(NormaliseQualityReport.FormatStats::format, Function.identity()));
        assertThat(byFormat.get(WireFormat.NEWSML_G2).files()).isGreaterThan(100);
        assertThat(byFormat.get(WireFormat.NITF).headlineShare()).isEqualTo(1.0);
        assertThat(byFormat.get(WireFormat.NITF).utcVersionCreatedShare()).isEqualTo(1.0);
        assertThat(byFormat.get(WireFormat.WEB_TEXT).parsed()).isEqualTo(1);
        String text = report.render();
        assertThat(text).contains("format", "files", "parsed", "rejected", "headline", "body", "UTC-time", "zone-cfg",
                "language");
        assertThat(text).contains("Text items that did not parse: 0");
    }

    /** STT writes its times without a zone (issue 17): the built-in provider zone reads them, and the report says so. */
    @Test
    void theSttSamplesZonelessTimeIsReadInHelsinkiAndReported() {
        NormaliseQualityReport.FileOutcome stt = report.files().stream()
                .filter(f -> f.file().getFileName().toString().equals("stt1.xml")).findFirst().orElseThrow();
        assertThat(stt.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.versionCreatedSource()).isEqualTo(TimeSource.ITEM_CONFIGURED_ZONE);
            assertThat(d.assumedZone().zone()).isEqualTo(ZoneId.of("Europe/Helsinki"));
            assertThat(d.assumedZone().basis()).isEqualTo("provider stt");
        });
        assertThat(report.render()).contains(
                "agency-samples/stt1.xml: zone-less time read in Europe/Helsinki (configured for provider stt)");
    }

    /**
     * The real agency samples hold ordinary stories and one embargoed ninjs story: none may be read as a kill or a
     * hold, and the embargoed one is usable with its embargo time (issue 15).
     */
    @Test
    void agencySamplesKeepTheirEditorialState() {
        List<Article> samples = report.files().stream().filter(f -> f.file().toString().contains("agency-samples"))
                .flatMap(f -> f.parsedArticles().stream()).toList();
        assertThat(samples).isNotEmpty().allSatisfy(a -> {
            assertThat(a.getPubstatus()).as(a.getUri()).isEqualTo(io.wirestream.avro.PubStatus.usable);
            assertThat(a.getSignals()).as(a.getUri()).doesNotContain("kill", "hold", "embargo-unreadable");
        });
        List<Article> embargoed = report.files().stream()
                .filter(f -> f.file().getFileName().toString().contains("embargoed"))
                .flatMap(f -> f.parsedArticles().stream()).toList();
        assertThat(embargoed).isNotEmpty().allSatisfy(a -> assertThat(a.getEmbargoed()).isNotNull());
        assertThat(report.render()).contains("Editorial state of parsed articles:");
    }

    @Test
    void everyArticleRendersAsValidNinjs() {
        org.junit.jupiter.api.Assumptions.assumeTrue(report != null);
        var schemas = io.wirestream.enrich.normalise.inspect.NinjsSchemasAccess.loadOrSkip();
        NinjsWriter writer = NinjsWriter.official();
        int checked = 0;
        for (NormaliseQualityReport.FileOutcome f : report.files()) {
            for (Article a : f.parsedArticles()) {
                String json = writer.toJson(a);
                for (String v : List.of("2.0", "2.1", "2.2")) {
                    assertThat(schemas.violations(v, json)).as(f.file() + " against ninjs " + v).isEmpty();
                }
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(50);
    }
}
