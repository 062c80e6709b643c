package io.wirestream.enrich.dedupe.fingerprint;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.enrich.dedupe.TemplatedStories.Story;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Plain wire copy often arrives hard-wrapped at about 60 columns, and until the normaliser reflows it each line is a
 * paragraph of its own. Seen on `wire up` with real daily reserve reports: the funds rate in the second sentence is all
 * that tells two days apart, and it sat below the two "paragraphs" (lines) whose figures the judge compares.
 */
class HardWrappedCopyTest {

    final Fingerprinter fingerprinter = new Fingerprinter(FingerprintSettings.DEFAULTS);
    final DuplicateVerifier verifier = new DuplicateVerifier(FingerprintSettings.DEFAULTS);

    static Story dailyReserves(String rate) {
        return new Story("NORLAND CENTRAL BANK ADDS RESERVES VIA CUSTOMER REPURCHASES", List.of(
                "The Central Bank of Norland said it entered the government securities market to arrange 1.5 billion "
                        + "crowns of customer repurchase agreements, a bank spokesman said.",
                "Dealers said overnight interbank funds were trading at " + rate + " pct when the bank began its "
                        + "temporary and indirect supply of reserves to the banking system.",
                "Economists said the bank was offsetting seasonal drains on reserves and that the operation did not "
                        + "signal any change in policy, and they expected more of the same this week."));
    }

    /** One paragraph per line of at most {@code width} characters, as a wrapped plain-text body arrives. */
    static Story wrapped(Story story, int width) {
        List<String> lines = new ArrayList<>();
        for (String paragraph : story.paragraphs()) {
            StringBuilder line = new StringBuilder();
            for (String word : paragraph.split(" ")) {
                if (line.length() > 0 && line.length() + 1 + word.length() > width) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                line.append(line.length() > 0 ? " " : "").append(word);
            }
            lines.add(line.toString());
        }
        return new Story(story.headline(), lines);
    }

    StorySignature sign(Story story) {
        return fingerprinter.fingerprint(story.headline(), story.paragraphs());
    }

    @Test
    void twoDaysOfAReportWhoseRateDiffersInTheSecondSentenceAreTwoStories() {
        assertThat(verifier.compare(sign(dailyReserves("six")), sign(dailyReserves("6-1/4")))).isEmpty();
    }

    @Test
    void theSameTwoDaysHardWrappedAreStillTwoStories() {
        StorySignature monday = sign(wrapped(dailyReserves("six"), 60));
        StorySignature tuesday = sign(wrapped(dailyReserves("6-1/4"), 60));
        assertThat(Similarity.between(monday, tuesday).jaccard())
                .as("the pair must look alike to the shingles, else the test proves nothing")
                .isGreaterThanOrEqualTo(FingerprintSettings.DEFAULTS.jaccardThreshold());
        assertThat(verifier.compare(monday, tuesday)).isEmpty();
        assertThat(verifier.compare(tuesday, monday)).isEmpty();
    }

    /** As it reached the store on wire up: a line break after "U.S." and the rate on the fourth line. */
    @Test
    void aWrapAfterInitialsDoesNotEndTheLead() {
        Story monday = new Story("NORLAND BANK ADDS RESERVES VIA CUSTOMER REPURCHASES", List.of(
                "The Norland Reserve Bank entered the U.S.",
                "Government securities market to arrange 1.5 billion dlrs of",
                "customer repurchase agreements, a bank spokesman said.",
                "Dealers said interbank funds were trading at six pct when",
                "the bank began its temporary and indirect supply of reserves to",
                "the banking system."));
        Story tuesday = new Story(monday.headline(), List.of(
                "The Norland Reserve Bank entered the U.S.",
                "Government securities market to arrange 1.5 billion dlrs of",
                "customer repurchase agreements, a bank spokesman said.",
                "Dealers said interbank funds were trading at 6-1/4 pct when",
                "the bank began its temporary and indirect supply of reserves to",
                "the banking system."));
        assertThat(verifier.compare(sign(monday), sign(tuesday))).isEmpty();
        assertThat(verifier.compare(sign(tuesday), sign(monday))).isEmpty();
        assertThat(verifier.compare(sign(new Story(monday.headline(), monday.paragraphs())), sign(monday)))
                .as("the same report refiled is still a copy").isPresent();
    }

    @Test
    void aHardWrappedCopyOfTheSameReportIsStillADuplicate() {
        Story report = dailyReserves("6-1/4");
        assertThat(verifier.compare(sign(wrapped(report, 60)), sign(report))).contains(MatchKind.NEAR);
        assertThat(verifier.compare(sign(wrapped(report, 60)), sign(wrapped(report, 72)))).isPresent();
    }
}
