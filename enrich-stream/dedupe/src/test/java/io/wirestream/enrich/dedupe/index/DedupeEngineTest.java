package io.wirestream.enrich.dedupe.index;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.enrich.dedupe.TestStories;
import io.wirestream.enrich.dedupe.fingerprint.FingerprintSettings;
import io.wirestream.enrich.dedupe.fingerprint.Fingerprinter;
import io.wirestream.enrich.dedupe.fingerprint.IndexKeys;
import io.wirestream.enrich.dedupe.fingerprint.MatchKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DedupeEngineTest {

    static final Instant T0 = Instant.parse("2026-05-04T09:00:00Z");
    final Fingerprinter fingerprinter = new Fingerprinter(FingerprintSettings.DEFAULTS);
    final InMemoryDedupeIndex index = new InMemoryDedupeIndex();
    final DedupeEngine engine = new DedupeEngine(FingerprintSettings.DEFAULTS, index);

    IndexedStory story(String uri, int minute, String headline, List<String> paragraphs) {
        return new IndexedStory(uri, uri.substring(0, uri.indexOf(':')), T0.plusSeconds(60L * minute),
                fingerprinter.fingerprint(headline, paragraphs));
    }

    List<String> rewritten() {
        List<String> paragraphs = new ArrayList<>(TestStories.RULING);
        paragraphs.remove(4);
        paragraphs.add(2, "The ruling can be appealed within six weeks, the court said.");
        return paragraphs;
    }

    @Test
    void theFirstCopyIsUniqueAndLaterCopiesPointToIt() {
        assertThat(engine.offer(story("ntb:1", 0, TestStories.RULING_HEADLINE, TestStories.RULING)).duplicate()).isFalse();
        DedupeDecision exact = engine.offer(story("afp:1", 2, TestStories.RULING_HEADLINE, TestStories.RULING));
        DedupeDecision near = engine.offer(story("dpa:1", 3, "Halvard loses bridge toll case", rewritten()));

        assertThat(exact.survivor()).map(IndexedStory::uri).contains("ntb:1");
        assertThat(exact.kind()).contains(MatchKind.EXACT);
        assertThat(near.survivor()).map(IndexedStory::uri).contains("ntb:1");
        assertThat(near.kind()).contains(MatchKind.NEAR);
    }

    @Test
    void wireOrderDecidesNotTheOrderOfArrival() {
        engine.offer(story("dpa:1", 5, "Halvard loses bridge toll case", rewritten()));
        DedupeDecision earlier = engine.offer(story("ntb:1", 1, TestStories.RULING_HEADLINE, TestStories.RULING));
        assertThat(earlier.duplicate()).isFalse();
        assertThat(earlier.laterCopies()).extracting(IndexedStory::uri).containsExactly("dpa:1");
    }

    @Test
    void aSameTopicStoryAboutAnotherEventStaysUnique() {
        engine.offer(story("ntb:1", 0, TestStories.RULING_HEADLINE, TestStories.RULING));
        assertThat(engine.offer(story("ap:2", 1, TestStories.OTHER_RULING_HEADLINE, TestStories.OTHER_RULING)).duplicate())
                .isFalse();
    }

    @Test
    void aRedeliveryOfTheSameStoryIsNeitherACopyOfItselfNorFiledTwice() {
        IndexedStory story = story("ntb:1", 0, TestStories.RULING_HEADLINE, TestStories.RULING);
        engine.offer(story);
        assertThat(engine.offer(story).duplicate()).isFalse();
        String exactKey = IndexKeys.of(story.signature(), FingerprintSettings.DEFAULTS).get(0);
        assertThat(index.postings(exactKey, 100)).hasSize(1);
    }

    @Test
    void aFullKeyStopsGrowingSoThePerItemWorkIsBounded() {
        int capacity = FingerprintSettings.DEFAULTS.bucketCapacity();
        for (int i = 0; i < capacity + 5; i++) {
            DedupeDecision decision = engine.offer(story("agency" + i + ":1", i, TestStories.RULING_HEADLINE, TestStories.RULING));
            assertThat(decision.duplicate()).isEqualTo(i > 0);
        }
        String exactKey = IndexKeys.of(story("x:1", 0, TestStories.RULING_HEADLINE, TestStories.RULING).signature(),
                FingerprintSettings.DEFAULTS).get(0);
        assertThat(index.postings(exactKey, 1000)).hasSize(capacity);
    }

    @Test
    void anIndexedStorySurvivesItsBinaryForm() {
        IndexedStory story = story("ntb:1", 0, TestStories.RULING_HEADLINE, TestStories.RULING);
        assertThat(IndexedStoryCodec.decode(IndexedStoryCodec.encode(story))).isEqualTo(story);
    }

    IndexedStory templated(String uri, int minute, io.wirestream.enrich.dedupe.TemplatedStories.Story story) {
        return story(uri, minute, story.headline(), story.paragraphs());
    }

    @Test
    void templatedStoriesOfOneFamilyStayApartWhileACorrectionJoinsItsOwnStory() {
        var t = new Object() {
            io.wirestream.enrich.dedupe.TemplatedStories.Story halvard =
                    io.wirestream.enrich.dedupe.TemplatedStories.dividend("Halvard Mills", "HVM", "12");
            io.wirestream.enrich.dedupe.TemplatedStories.Story orrin =
                    io.wirestream.enrich.dedupe.TemplatedStories.dividend("Orrin Savings Bank", "OSB", "12");
        };
        assertThat(engine.offer(templated("ntb:halvard", 0, t.halvard)).duplicate()).isFalse();
        assertThat(engine.offer(templated("ntb:orrin", 1, t.orrin)).duplicate()).isFalse();
        assertThat(engine.offer(templated("ntb:repo2", 2,
                io.wirestream.enrich.dedupe.TemplatedStories.reserveOperation("two", "1.5"))).duplicate()).isFalse();
        assertThat(engine.offer(templated("ntb:repo3", 3,
                io.wirestream.enrich.dedupe.TemplatedStories.reserveOperation("three", "2.25"))).duplicate()).isFalse();
        assertThat(engine.offer(templated("ntb:raise", 4,
                io.wirestream.enrich.dedupe.TemplatedStories.bargePrice("raises", "raised"))).duplicate()).isFalse();
        assertThat(engine.offer(templated("ntb:cut", 5,
                io.wirestream.enrich.dedupe.TemplatedStories.bargePrice("cuts", "cut"))).duplicate()).isFalse();
        assertThat(engine.offer(templated("ntb:hvi", 6,
                io.wirestream.enrich.dedupe.TemplatedStories.listing("Halvard Instruments", "HVI"))).duplicate()).isFalse();
        assertThat(engine.offer(templated("ntb:olc", 7,
                io.wirestream.enrich.dedupe.TemplatedStories.listing("Orrin Land Cruisers", "OLC"))).duplicate()).isFalse();

        DedupeDecision correction = engine.offer(templated("afp:halvard", 8,
                io.wirestream.enrich.dedupe.TemplatedStories.correctedDividend("Halvard Mills", "HVM", "14")));
        assertThat(correction.survivor()).map(IndexedStory::uri).contains("ntb:halvard");
        assertThat(correction.matches()).extracting(m -> m.other().uri()).containsExactly("ntb:halvard");
    }

    @Test
    void theMatcherSaysWhyASimilarCandidateWasKeptApart() {
        IndexedStory halvard = templated("ntb:halvard", 0,
                io.wirestream.enrich.dedupe.TemplatedStories.dividend("Halvard Mills", "HVM", "12"));
        IndexedStory orrin = templated("ntb:orrin", 1,
                io.wirestream.enrich.dedupe.TemplatedStories.dividend("Orrin Savings Bank", "OSB", "12"));
        IndexedStory other = story("ap:2", 2, TestStories.OTHER_RULING_HEADLINE, TestStories.OTHER_RULING);
        List<io.wirestream.enrich.dedupe.fingerprint.Judgement.Reason> apart = new ArrayList<>();
        CandidateMatcher matcher = new CandidateMatcher(
                new io.wirestream.enrich.dedupe.fingerprint.DuplicateVerifier(FingerprintSettings.DEFAULTS));

        assertThat(matcher.matches(orrin, List.of(halvard, other), apart::add)).isEmpty();
        // the dissimilar story is no candidate worth reporting; the template sibling is, with its reason
        assertThat(apart).containsExactly(io.wirestream.enrich.dedupe.fingerprint.Judgement.Reason.SUBJECT_DIFFERS);
    }
}
