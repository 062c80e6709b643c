package io.wirestream.enrich.dedupe.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FingerprintTextTest {

    @Test
    void foldsUnicodeFormsCaseAndPunctuation() {
        assertThat(FingerprintText.words("The \uFB01rst  \u201CQuote\u201D, 1\uFF10\u00A0Crowns!"))
                .containsExactly("the", "first", "quote", "10", "crowns");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "HALVARD, May 4 (NTB) - The court ruled.",
            "HALVARD (NTB) - The court ruled.",
            "HALVARD, Norway, May 4 (Reuters) \u2014 The court ruled.",
            "NEW YORK - The court ruled."})
    void stripsTheLeadingDateline(String paragraph) {
        assertThat(FingerprintText.bodyParagraphWords(List.of(paragraph)))
                .containsExactly(List.of("the", "court", "ruled"));
    }

    @Test
    void leavesAHyphenatedOpeningAlone() {
        assertThat(FingerprintText.bodyParagraphWords(List.of("U.S. M-1 money supply rose 1.9 billion dlrs.")).get(0))
                .startsWith("u", "s", "m", "1", "money");
    }

    @Test
    void dropsCreditLinesAndSignOffs() {
        List<List<String>> words = FingerprintText.bodyParagraphWords(List.of(
                "The court ruled on Monday.",
                "The council will study it. Reuter",
                "(Reporting by Ana Ruiz; Editing by Tom Hale)",
                "Copyright 2026 Example Wire. All rights reserved.",
                "-- dpa"));
        assertThat(words).containsExactly(
                List.of("the", "court", "ruled", "on", "monday"),
                List.of("the", "council", "will", "study", "it"));
    }

    /**
     * Punctuation after a sign-off does not hide it: "... it. AFP." and "... it. AFP !" are one body, so punctuation
     * cannot change the exact digest (FingerprintPropertyTest found a story ending in the word "afp").
     */
    @Test
    void aSignOffFollowedByAnyPunctuationIsStillASignOff() {
        assertThat(FingerprintText.bodyParagraphWords(List.of("The court ruled on Monday.", "It will appeal. AFP !")))
                .isEqualTo(FingerprintText.bodyParagraphWords(List.of("The court ruled on Monday.",
                        "It will appeal. AFP.")))
                .containsExactly(List.of("the", "court", "ruled", "on", "monday"), List.of("it", "will", "appeal"));
    }

    @Test
    void keepsDigitsBecauseStoriesOfOneKindDifferByTheirNumbers() {
        assertThat(FingerprintText.words("Toll of 38 crowns")).contains("38");
    }
}
