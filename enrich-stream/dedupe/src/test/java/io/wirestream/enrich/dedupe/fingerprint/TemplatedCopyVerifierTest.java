package io.wirestream.enrich.dedupe.fingerprint;

import static io.wirestream.enrich.dedupe.TemplatedStories.bargePrice;
import static io.wirestream.enrich.dedupe.TemplatedStories.councilNotice;
import static io.wirestream.enrich.dedupe.TemplatedStories.customerRepurchases;
import static io.wirestream.enrich.dedupe.TemplatedStories.moneyMarketNotice;
import static io.wirestream.enrich.dedupe.TemplatedStories.shortRateTable;
import static io.wirestream.enrich.dedupe.TemplatedStories.correctedDividend;
import static io.wirestream.enrich.dedupe.TemplatedStories.dividend;
import static io.wirestream.enrich.dedupe.TemplatedStories.leagueResults;
import static io.wirestream.enrich.dedupe.TemplatedStories.listing;
import static io.wirestream.enrich.dedupe.TemplatedStories.rateTable;
import static io.wirestream.enrich.dedupe.TemplatedStories.reserveOperation;
import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.enrich.dedupe.TemplatedStories.Story;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Templated wire copy: two different stories from one template share nearly every shingle, so similarity alone
 * would merge them. Each pair below is first shown to be similar enough to be a candidate, then kept apart.
 */
class TemplatedCopyVerifierTest {

    final Fingerprinter fingerprinter = new Fingerprinter(FingerprintSettings.DEFAULTS);
    final DuplicateVerifier verifier = new DuplicateVerifier(FingerprintSettings.DEFAULTS);

    StorySignature sign(Story story) {
        return fingerprinter.fingerprint(story.headline(), story.paragraphs());
    }

    void assertCandidatesKeptApart(Story a, Story b) {
        StorySignature first = sign(a);
        StorySignature second = sign(b);
        assertThat(Similarity.between(first, second).jaccard())
                .as("the pair must look alike to the shingles, else the test proves nothing")
                .isGreaterThanOrEqualTo(FingerprintSettings.DEFAULTS.jaccardThreshold());
        assertThat(verifier.compare(first, second)).isEmpty();
        assertThat(verifier.compare(second, first)).isEmpty();
    }

    @Test
    void dividendsOfTwoCompaniesAreTwoStories() {
        assertCandidatesKeptApart(dividend("Halvard Mills", "HVM", "12"), dividend("Orrin Savings Bank", "OSB", "12"));
    }

    @Test
    void twoDaysOfOneRecurringReportAreTwoStories() {
        assertCandidatesKeptApart(reserveOperation("two", "1.5"), reserveOperation("three", "2.25"));
    }

    @Test
    void aRaiseAndACutOfOnePriceAreTwoStories() {
        assertCandidatesKeptApart(bargePrice("raises", "raised"), bargePrice("cuts", "cut"));
    }

    @Test
    void oneTemplateForTwoSubjectsIsTwoStories() {
        assertCandidatesKeptApart(listing("Halvard Instruments", "HVI"), listing("Orrin Land Cruisers", "OLC"));
    }

    /** The lead and its figures are the same; the news (who chairs, the next date) sits in the third paragraph on. */
    @Test
    void twoIssuesOfANoticeWhoseNewsIsBelowTheLeadAreTwoStories() {
        Story first = councilNotice("President Ana Ruiz will chair the meeting.", "April 2");
        Story second = councilNotice("Tom Hale will chair the meeting, as president Ana Ruiz is travelling.",
                "April 16");
        assertCandidatesKeptApart(first, second);
        assertThat(verifier.judge(sign(first), sign(second)).reason()).isEqualTo(Judgement.Reason.FIGURES_DIFFER);
        assertThat(verifier.compare(sign(first.refiled("RPT-")), sign(first))).contains(MatchKind.NEAR);
    }

    /** A table with more terms than are kept: the kept terms are the smallest hashes, so both know the same slice. */
    @Test
    void twoMorningsOfARateTableTooLongToKeepWholeAreTwoStories() {
        Story monday = rateTable(2);
        Story tuesday = rateTable(5);
        assertThat(sign(monday).traits().presentComplete()).as("the table must overflow the kept terms").isFalse();
        assertCandidatesKeptApart(monday, tuesday);
        assertThat(verifier.compare(sign(monday.refiled("REFILE-")), sign(monday))).contains(MatchKind.NEAR);
    }

    /**
     * A desk's copy drops a paragraph and adds one of its own: each lacks a figure of the other, but not in a place the
     * other has, so it is the same story (split as FIGURES_DIFFER before places were kept).
     */
    @Test
    void aCopyThatSwappedAParagraphForAnotherIsStillADuplicate() {
        Story report = reserveOperation("two", "1.5");
        List<String> paragraphs = new ArrayList<>(report.paragraphs());
        paragraphs.remove(2);
        paragraphs.add("The bank said it would publish its weekly reserve figures on Thursday at 4 pm.");
        Story copy = new Story("UPDATE 1-" + report.headline(), paragraphs);
        assertThat(verifier.judge(sign(copy), sign(report)).reason()).isEqualTo(Judgement.Reason.SAME_STORY);
        assertThat(verifier.judge(sign(report), sign(copy)).reason()).isEqualTo(Judgement.Reason.SAME_STORY);
    }

    @Test
    void aRefiledCopyOfATemplatedStoryIsStillADuplicate() {
        Story story = dividend("Halvard Mills", "HVM", "12");
        assertThat(verifier.compare(sign(story.refiled("UPDATE 1-")), sign(story))).contains(MatchKind.NEAR);
        Story report = reserveOperation("two", "1.5");
        assertThat(verifier.compare(sign(report.refiled("REPEAT-")), sign(report))).contains(MatchKind.NEAR);
    }

    @Test
    void aCorrectionOfOneStoryMergesWithItAndNotWithTheOtherCompany() {
        Story halvard = dividend("Halvard Mills", "HVM", "12");
        Story orrin = dividend("Orrin Savings Bank", "OSB", "12");
        Story correction = correctedDividend("Halvard Mills", "HVM", "14");
        assertThat(verifier.compare(sign(correction), sign(halvard))).isPresent();
        assertThat(verifier.compare(sign(correction), sign(orrin))).isEmpty();
    }

    /**
     * A desk replaced the second paragraph with its own: the opening's figures are the same, the second paragraph's
     * figures are new on both sides but in new places, and the paragraphs below agree. The same story (split as
     * FIGURES_DIFFER before: any second-paragraph figure missing on both sides kept stories apart).
     */
    @Test
    void aCopyWhoseSecondParagraphADeskReplacedIsStillADuplicate() {
        Story report = reserveOperation("two", "1.5");
        List<String> paragraphs = new ArrayList<>(report.paragraphs());
        paragraphs.set(1, "Analysts at one brokerage said reserves had drained by roughly 3 billion crowns over the "
                + "past 10 days as tax payments flowed to the treasury.");
        Story copy = new Story("UPDATE 1-" + report.headline(), paragraphs);
        assertThat(verifier.judge(sign(copy), sign(report)).reason()).isEqualTo(Judgement.Reason.SAME_STORY);
        assertThat(verifier.judge(sign(report), sign(copy)).reason()).isEqualTo(Judgement.Reason.SAME_STORY);
    }

    /**
     * Two mornings of one report whose rate stands in the second paragraph, the rest alike: "6-3/16" is one figure
     * (not 6 and 3/16) and "six" is 6, so each stands in the place ("at _ pct") the other fills with another rate.
     */
    @Test
    void twoMorningsWhoseSecondParagraphRateDiffersAreTwoStories() {
        assertCandidatesKeptApart(customerRepurchases("6-3/16"), customerRepurchases("six"));
        assertCandidatesKeptApart(customerRepurchases("6-3/16"), customerRepurchases("6-1/8"));
        assertThat(verifier.judge(sign(customerRepurchases("6-3/16")), sign(customerRepurchases("six"))).reason())
                .isEqualTo(Judgement.Reason.FIGURES_DIFFER);
        Story monday = customerRepurchases("6-3/16");
        assertThat(verifier.compare(sign(monday.refiled("RPT-")), sign(monday))).contains(MatchKind.NEAR);
    }

    /** A two-paragraph report reworded around another figure: nothing below agrees, so the figures decide. */
    @Test
    void twoMorningsOfATwoParagraphReportRewordedAroundItsFigureAreTwoStories() {
        assertCandidatesKeptApart(
                moneyMarketNotice("Earlier, the bank revised its forecast of the liquidity position in the system "
                        + "today to a surplus of 150 mln crowns from its original estimate of a flat position."),
                moneyMarketNotice("Earlier, the bank revised its forecast of the liquidity position in the system "
                        + "to flat from its original estimate of a 100 mln crowns surplus."));
    }

    /** One rate of a short table changed: most of the second paragraph is in both, so it is not a swapped paragraph. */
    @Test
    void twoMorningsOfAShortRateTableAreTwoStories() {
        assertCandidatesKeptApart(shortRateTable("5.55"), shortRateTable("5.65"));
    }

    /**
     * A desk's copy that dropped a paragraph, added a long one of its own and a dateline shares less text than the
     * similarity rule asks, but its headline and lead state the same names and figures: the same story (DISSIMILAR
     * before). Another company's notice rewritten the same way stays apart, and so does a story whose lead has no
     * figure to name it.
     */
    @Test
    void aDeskCopyWithAParagraphSwappedAndADatelineIsStillADuplicateWhenItsOpeningAgrees() {
        Story notice = dividend("Halvard Mills", "HVM", "12");
        StorySignature copy = sign(deskCopy(notice));
        Similarity similarity = Similarity.between(copy, sign(notice));
        assertThat(similarity.jaccard()).as("below the similarity rule, else the test proves nothing")
                .isLessThan(FingerprintSettings.DEFAULTS.jaccardThreshold());
        assertThat(similarity.containment()).isLessThan(FingerprintSettings.DEFAULTS.containmentThreshold());
        assertThat(verifier.judge(copy, sign(notice)).reason()).isEqualTo(Judgement.Reason.SAME_OPENING);
        assertThat(verifier.judge(sign(notice), copy).reason()).isEqualTo(Judgement.Reason.SAME_OPENING);

        assertThat(verifier.compare(sign(deskCopy(dividend("Orrin Savings Bank", "OSB", "12"))), sign(notice)))
                .isEmpty();
        Story noFigures = new Story("NORLAND CENTRAL BANK EXPECTED TO ADD RESERVES", List.of(
                "The Central Bank of Norland is expected to enter the government securities market to add "
                        + "temporary reserves, economists at Halvard Securities said.",
                "They expect it to supply the reserves indirectly through customer repurchase agreements rather "
                        + "than directly, as it did at the start of the week.",
                "Interbank funds opened steady in early trading and dealers said the market was waiting for the "
                        + "bank before taking positions for the weekend.",
                "The bank has been adding reserves in recent days to offset seasonal drains."));
        assertThat(verifier.compare(sign(deskCopy(noFigures)), sign(noFigures))).isEmpty();
    }

    private static Story deskCopy(Story story) {
        List<String> paragraphs = new ArrayList<>(story.paragraphs());
        paragraphs.remove(1);
        paragraphs.add(1, "Analysts at a regional brokerage said that payouts across the sector had held up well "
                + "through the winter, with most boards keeping their rates steady despite weaker earnings and "
                + "higher funding costs, and that few of them expected cuts before the summer. They noted that "
                + "investors had been buying such shares for their income while bond yields stayed low, and that "
                + "the mood could turn quickly if the central bank began to tighten credit again later in the year "
                + "or if the harvest disappointed the farming towns where many of these lenders do business.");
        paragraphs.set(0, "OSLO, March 4 (Norwire) - " + paragraphs.get(0));
        paragraphs.add("(Writing by Lee Park)");
        return new Story("UPDATE 1-" + story.headline(), paragraphs);
    }

    @Test
    void exactCopiesStillMerge() {
        Story story = listing("Halvard Instruments", "HVI");
        assertThat(verifier.compare(sign(story), sign(new Story(story.headline(), story.paragraphs()))))
                .contains(MatchKind.EXACT);
    }

    /**
     * Found on fresh CoNLL-2003 copy (quality/README.md): a league's second match day, which repeats the first day's
     * results and most table rows, was merged into the first day's file. Its intro is wrapped over two lines, so the
     * first paragraph names no team and no figure; the lead must run on to the end of its sentence.
     */
    @Test
    void twoMatchDaysOfOneLeagueAreTwoStories() {
        assertCandidatesKeptApart(leagueResults(false), leagueResults(true));
        assertThat(verifier.compare(sign(leagueResults(true).refiled("RPT-")), sign(leagueResults(true))))
                .contains(MatchKind.NEAR);
    }
}
