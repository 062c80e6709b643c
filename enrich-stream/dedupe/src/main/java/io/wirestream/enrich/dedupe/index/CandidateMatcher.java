package io.wirestream.enrich.dedupe.index;

import io.wirestream.enrich.dedupe.fingerprint.DuplicateVerifier;
import io.wirestream.enrich.dedupe.fingerprint.Judgement;
import io.wirestream.enrich.dedupe.fingerprint.MatchKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Verifies the stories filed under one index key against an incoming story. Kept apart from the engine because the
 * Kafka Streams side runs it per key, in the task that owns the key.
 */
public final class CandidateMatcher {

    private final DuplicateVerifier verifier;

    public CandidateMatcher(DuplicateVerifier verifier) {
        this.verifier = verifier;
    }

    /** The verified copies among the postings; the story itself (same uri, e.g. a redelivery) is never a copy. */
    public List<DuplicateMatch> matches(IndexedStory story, List<IndexedStory> postings) {
        return matches(story, postings, reason -> { });
    }

    /**
     * As above, telling {@code keptApart} why each similar candidate was not taken for a copy (names, tickers,
     * figures, direction), so operators can count what the judge refused; dissimilar postings are not reported.
     */
    public List<DuplicateMatch> matches(IndexedStory story, List<IndexedStory> postings,
            Consumer<Judgement.Reason> keptApart) {
        List<DuplicateMatch> matches = new ArrayList<>();
        for (IndexedStory candidate : postings) {
            if (candidate.uri().equals(story.uri())) {
                continue;
            }
            Judgement judgement = verifier.judge(story.signature(), candidate.signature());
            Optional<MatchKind> kind = judgement.kind();
            if (kind.isPresent()) {
                matches.add(new DuplicateMatch(candidate, kind.get()));
            } else if (judgement.reason() != Judgement.Reason.DISSIMILAR) {
                keptApart.accept(judgement.reason());
            }
        }
        return matches;
    }

    /** Whether the story is (already) filed under the key, so a redelivery is not filed twice. */
    public static boolean contains(List<IndexedStory> postings, String uri) {
        for (IndexedStory posting : postings) {
            if (posting.uri().equals(uri)) {
                return true;
            }
        }
        return false;
    }

    public int bucketCapacity() {
        return verifier.settings().bucketCapacity();
    }
}
