package io.wirestream.enrich.dedupe.index;

import io.wirestream.enrich.dedupe.fingerprint.MatchKind;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The verdict on one story: a duplicate when some copy precedes it in {@link IndexedStory#WIRE_ORDER}; the
 * surviving story is then the earliest such copy. Copies that follow it in wire order but were indexed before it
 * (they arrived out of order) are listed too, so a caller that can still hold them back may do so.
 *
 * @param story the story judged
 * @param survivor the earliest preceding copy, when the story is a duplicate
 * @param kind how the survivor matched
 * @param laterCopies copies already indexed that follow the story in wire order
 * @param matches every verified copy found
 */
public record DedupeDecision(
        IndexedStory story, Optional<IndexedStory> survivor, Optional<MatchKind> kind, List<IndexedStory> laterCopies,
        List<DuplicateMatch> matches) {

    /** Whether an exact copy was among the copies found. */
    public boolean exactCopyFound() {
        return matches.stream().anyMatch(m -> m.kind() == MatchKind.EXACT);
    }

    public boolean duplicate() {
        return survivor.isPresent();
    }

    /** Applies the wire-order rule to every copy found, wherever it was found. */
    public static DedupeDecision of(IndexedStory story, List<DuplicateMatch> matches) {
        Optional<DuplicateMatch> earliest = matches.stream()
                .filter(m -> m.other().precedes(story))
                .min(Comparator.comparing(DuplicateMatch::other, IndexedStory.WIRE_ORDER)
                        // an exact copy wins over a near copy wired in the same instant
                        .thenComparing(m -> m.kind() == MatchKind.EXACT ? 0 : 1));
        List<IndexedStory> later = matches.stream()
                .map(DuplicateMatch::other)
                .filter(other -> story.precedes(other))
                .distinct()
                .toList();
        return new DedupeDecision(story, earliest.map(DuplicateMatch::other), earliest.map(DuplicateMatch::kind), later,
                List.copyOf(matches));
    }
}
