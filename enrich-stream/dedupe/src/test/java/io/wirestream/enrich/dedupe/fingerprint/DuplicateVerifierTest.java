package io.wirestream.enrich.dedupe.fingerprint;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.enrich.dedupe.TestStories;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DuplicateVerifierTest {

    final Fingerprinter fingerprinter = new Fingerprinter(FingerprintSettings.DEFAULTS);
    final DuplicateVerifier verifier = new DuplicateVerifier(FingerprintSettings.DEFAULTS);
    final StorySignature original = fingerprinter.fingerprint(TestStories.RULING_HEADLINE, TestStories.RULING);

    @Test
    void aCopyWithItsOwnDatelineAndCreditIsAnExactDuplicate() {
        List<String> paragraphs = new ArrayList<>(TestStories.RULING);
        paragraphs.set(0, "HALVARD, May 4 (AFP) - " + paragraphs.get(0));
        paragraphs.add("(Writing by Lee Park; Editing by Tom Hale)");
        StorySignature copy = fingerprinter.fingerprint("  COURT strikes down Halvard toll on river bridge ", paragraphs);
        assertThat(copy.exact()).isEqualTo(original.exact());
        assertThat(verifier.compare(copy, original)).contains(MatchKind.EXACT);
    }

    @Test
    void aNewHeadlineOrADroppedParagraphIsANearDuplicate() {
        StorySignature headline = fingerprinter.fingerprint("Halvard bridge toll unlawful, judges say", TestStories.RULING);
        assertThat(headline.exact()).isNotEqualTo(original.exact());
        assertThat(verifier.compare(headline, original)).contains(MatchKind.NEAR);

        List<String> dropped = new ArrayList<>(TestStories.RULING);
        dropped.remove(3);
        assertThat(verifier.compare(fingerprinter.fingerprint(TestStories.RULING_HEADLINE, dropped), original))
                .contains(MatchKind.NEAR);
    }

    @Test
    void aCopyTruncatedAfterItsOpeningParagraphsIsANearDuplicate() {
        StorySignature truncated = fingerprinter.fingerprint(TestStories.RULING_HEADLINE, TestStories.RULING.subList(0, 3));
        Similarity similarity = Similarity.between(truncated, original);
        assertThat(similarity.containment()).isGreaterThan(0.9);
        assertThat(verifier.compare(truncated, original)).contains(MatchKind.NEAR);
    }

    @Test
    void aStoryOnTheSameTopicAboutAnotherEventIsNotADuplicate() {
        StorySignature other = fingerprinter.fingerprint(TestStories.OTHER_RULING_HEADLINE, TestStories.OTHER_RULING);
        assertThat(Similarity.between(other, original).jaccard()).isLessThan(0.1);
        assertThat(verifier.compare(other, original)).isEmpty();
    }

    @Test
    void aShortStoryIsOnlyJudgedByItsExactText() {
        StorySignature flash = fingerprinter.fingerprint("FLASH", List.of("Court strikes down Halvard toll."));
        assertThat(flash.nearDuplicateCapable()).isFalse();
        assertThat(IndexKeys.of(flash, FingerprintSettings.DEFAULTS)).hasSize(1);
        StorySignature otherFlash = fingerprinter.fingerprint("FLASH", List.of("Court upholds Varna harbour fee."));
        assertThat(verifier.compare(flash, otherFlash)).isEmpty();
    }

    @Test
    void aStoryIsFiledUnderItsExactKeyAndOneKeyPerBand() {
        List<String> keys = IndexKeys.of(original, FingerprintSettings.DEFAULTS);
        assertThat(keys).hasSize(FingerprintSettings.DEFAULTS.bands() + 1).doesNotHaveDuplicates();
        assertThat(keys.get(0)).isEqualTo("x:" + original.exact());
    }
}
