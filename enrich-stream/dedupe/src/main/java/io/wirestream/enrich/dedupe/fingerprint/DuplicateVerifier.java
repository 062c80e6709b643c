package io.wirestream.enrich.dedupe.fingerprint;

import io.wirestream.enrich.dedupe.fingerprint.Judgement.Reason;
import java.util.Optional;

/**
 * Decides whether two stories that met under an index key are copies of one story. Meeting under a band key only
 * says that a few MinHash values agree; this check looks at the whole signature, so stories on the same topic that
 * share stock phrases ("the death toll rose to", "told reporters on") are kept apart.
 *
 * <p>Similarity alone does not decide: templated wire copy (dividend notices, daily market reports, price changes,
 * listings) shares nearly every shingle between different stories. Before a near merge the judge compares the
 * stories' {@link StoryTraits}: a name, ticker or figure of either lead missing from the other story, or opposite
 * directions, keeps them apart. A correction is a version of the same story, not a second one: when either says it
 * corrects, figures, tickers and direction may differ, but the names must still agree.
 */
public final class DuplicateVerifier {

    /**
     * The lower bar for stories whose headline and lead paragraph state the same names and figures (at least one
     * figure, three terms): measured on synthetic rewrites of dev originals (even NEWIDs) and the Reuters train
     * stories' own pairs, where every pair it added on dev and cross was a refile of one story.
     */
    static final double OPENING_JACCARD = 0.35;
    static final double OPENING_CONTAINMENT = 0.55;

    private final FingerprintSettings settings;

    public DuplicateVerifier(FingerprintSettings settings) {
        this.settings = settings;
    }

    public Optional<MatchKind> compare(StorySignature a, StorySignature b) {
        return judge(a, b).kind();
    }

    public Judgement judge(StorySignature a, StorySignature b) {
        Similarity similarity = Similarity.between(a, b);
        if (similarity.exact()) {
            return Judgement.merged(MatchKind.EXACT, Reason.SAME_TEXT);
        }
        boolean similar = similarity.jaccard() >= settings.jaccardThreshold()
                || (similarity.containment() >= settings.containmentThreshold()
                        && similarity.jaccard() >= settings.minContainmentJaccard());
        // A desk copy that dropped a paragraph, added one of its own and new furniture shares less of its text with
        // the original than the similarity rule asks, though its headline and lead state the same names and figures.
        // Below the rule but above a lower bar, that opening makes it a candidate; the traits below still decide.
        boolean sameOpening = !similar && similarity.jaccard() >= OPENING_JACCARD
                && similarity.containment() >= OPENING_CONTAINMENT
                && a.traits() != null && b.traits() != null && a.traits().sameOpening(b.traits());
        if (!similar && !sameOpening) {
            return Judgement.apart(Reason.DISSIMILAR);
        }
        if (a.traits() == null || b.traits() == null) {
            return Judgement.merged(MatchKind.NEAR, Reason.SIMILAR_TEXT_ONLY);
        }
        Optional<StoryTraits.Difference> difference = a.traits().differenceFrom(b.traits());
        if (difference.isEmpty()) {
            return Judgement.merged(MatchKind.NEAR, sameOpening ? Reason.SAME_OPENING : Reason.SAME_STORY);
        }
        if (sameOpening) {
            return Judgement.apart(Reason.DISSIMILAR); // a correction must be similar text by the rule itself
        }
        boolean correction = a.traits().correction() || b.traits().correction();
        if (correction && difference.get() != StoryTraits.Difference.SUBJECT) {
            return Judgement.merged(MatchKind.NEAR, Reason.CORRECTION);
        }
        return Judgement.apart(switch (difference.get()) {
            case SUBJECT -> Reason.SUBJECT_DIFFERS;
            case TICKER -> Reason.TICKER_DIFFERS;
            case FIGURES -> Reason.FIGURES_DIFFER;
            case DIRECTION -> Reason.DIRECTION_DIFFERS;
        });
    }

    public FingerprintSettings settings() {
        return settings;
    }
}
