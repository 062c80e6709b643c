package io.wirestream.enrich.dedupe.fingerprint;

import java.util.Optional;

/**
 * Decides whether two stories that met under an index key are copies of one story. Meeting under a band key only
 * says that a few MinHash values agree; this check looks at the whole signature, so stories on the same topic that
 * share stock phrases ("the death toll rose to", "told reporters on") are kept apart.
 */
public final class DuplicateVerifier {

    private final FingerprintSettings settings;

    public DuplicateVerifier(FingerprintSettings settings) {
        this.settings = settings;
    }

    public Optional<MatchKind> compare(StorySignature a, StorySignature b) {
        Similarity similarity = Similarity.between(a, b);
        if (similarity.exact()) {
            return Optional.of(MatchKind.EXACT);
        }
        if (similarity.jaccard() >= settings.jaccardThreshold()) {
            return Optional.of(MatchKind.NEAR);
        }
        if (similarity.containment() >= settings.containmentThreshold()
                && similarity.jaccard() >= settings.minContainmentJaccard()) {
            return Optional.of(MatchKind.NEAR);
        }
        return Optional.empty();
    }

    public FingerprintSettings settings() {
        return settings;
    }
}
