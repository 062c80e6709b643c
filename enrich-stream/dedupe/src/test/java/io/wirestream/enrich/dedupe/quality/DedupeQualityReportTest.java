package io.wirestream.enrich.dedupe.quality;

import io.wirestream.schema.corpora.CorporaLocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.wirestream.enrich.dedupe.fingerprint.FingerprintSettings;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Holds the quality targets on the shared corpora; skipped plainly where they are not present. */
class DedupeQualityReportTest {

    @Test
    void meetsTheTargetsOnGeneratedRewritesAndEcbPlus() throws Exception {
        Optional<Path> corpora = CorporaLocation.find();
        assumeTrue(corpora.isPresent(), "shared corpora not found: dedupe quality not measured");
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        DedupeQualityNumbers numbers = new DedupeQualityReport(FingerprintSettings.DEFAULTS)
                .measure(corpora.get(), 500, 42L, new PrintStream(log, true, StandardCharsets.UTF_8));
        DedupeQualityReport.print(numbers, System.out);

        assertThat(numbers.exactExpected()).isEqualTo(1000);
        assertThat(numbers.exactRecall()).isEqualTo(1.0);
        assertThat(numbers.exactFalsePositives()).isZero();
        assertThat(numbers.nearRecall()).isGreaterThanOrEqualTo(0.95);
        assertThat(numbers.nearPrecision()).isGreaterThanOrEqualTo(0.99);
        assertThat(numbers.ecbPairs()).isGreaterThan(1000);
        assertThat(numbers.ecbFalsePositiveRate()).isLessThanOrEqualTo(0.01);
        assertThat(numbers.meetsTargets()).isTrue();
    }
}
