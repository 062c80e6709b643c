package io.wirestream.quality.dedupe;

import io.wirestream.newsformats.corpora.CorporaLocation;

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
        // issue 14: synthetic near recall >= 0.99, also on the originals of the dev split the judge was tuned on
        assertThat(numbers.nearRecall()).isGreaterThanOrEqualTo(0.99);
        assertThat(numbers.nearBySplit().get(LabelledPairs.Split.DEV).share()).isGreaterThanOrEqualTo(0.99);
        assertThat(numbers.nearBySplit().get(LabelledPairs.Split.HELD_OUT).of()).isGreaterThan(1000);
        assertThat(numbers.nearPrecision()).isGreaterThanOrEqualTo(0.99);
        assertThat(numbers.ecbPairs()).isGreaterThan(1000);
        assertThat(numbers.ecbFalsePositiveRate()).isLessThanOrEqualTo(0.01);
        assertThat(numbers.meetsTargets()).isTrue();
    }

    /**
     * The corpus's own near pairs, labelled in reuters-near-pairs.tsv. Tuned on the dev split (even NEWIDs) only; the
     * held-out split (odd NEWIDs) is reported, and the engine run over held-out stories must merge at most one pair
     * of different stories per 1,000 stories.
     */
    @Test
    void keepsTheCorpusOwnTemplatedStoriesApart() throws Exception {
        Optional<Path> corpora = CorporaLocation.find();
        assumeTrue(corpora.isPresent(), "shared corpora not found: real near pairs not measured");
        RealPairsEvaluation.Figures figures = new RealPairsEvaluation(FingerprintSettings.DEFAULTS).measure(corpora.get());
        RealPairsEvaluation.print(figures, System.out);

        RealPairsEvaluation.SplitFigures dev = figures.splits().get(LabelledPairs.Split.DEV);
        RealPairsEvaluation.SplitFigures heldOut = figures.splits().get(LabelledPairs.Split.HELD_OUT);
        assertThat(dev.same()).isGreaterThan(50);
        assertThat(dev.different()).isGreaterThan(50);
        // the target on dev; held-out (never tuned on) reached 0.973, short of it: this guards the level reached
        assertThat(dev.precision()).isGreaterThanOrEqualTo(0.99);
        assertThat(heldOut.precision()).isGreaterThanOrEqualTo(0.97);
        assertThat(figures.distinctMergedPerThousand()).isLessThanOrEqualTo(1.0);
    }
}
