package io.wirestream.enrich.dedupe.fingerprint;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** {@link StoryTraits#endsSentence}, which decides which hard-wrapped lines are joined before a story is fingerprinted. */
class SentenceEndTest {

    /** The rule as it was written before the search for initials was put behind a check of the last characters. */
    private static final Pattern INITIALS_AT_END = Pattern.compile("\\b(?:\\p{Lu}\\.){2,}$");

    static boolean reference(String paragraph) {
        String trimmed = paragraph.strip();
        if (trimmed.isEmpty()) {
            return true;
        }
        if (INITIALS_AT_END.matcher(trimmed).find()) {
            return false;
        }
        char last = trimmed.charAt(trimmed.length() - 1);
        return ".!?\"')\u201d\u2019".indexOf(last) >= 0;
    }

    @Property(tries = 5000)
    void givesWhatTheRuleGaveBefore(@ForAll("paragraphEnds") String paragraph) {
        assertThat(StoryTraits.endsSentence(paragraph)).isEqualTo(reference(paragraph));
    }

    @Test
    void initialsAtTheEndAreNoSentenceEnd() {
        assertThat(StoryTraits.endsSentence("The dollar entered the U.S.")).isFalse();
        assertThat(StoryTraits.endsSentence("prices in the U.S.A.  ")).isFalse();
        assertThat(StoryTraits.endsSentence("He said so.")).isTrue();
        assertThat(StoryTraits.endsSentence("He met J.")).isTrue();
        assertThat(StoryTraits.endsSentence("Profit rose, \"he said\"")).isTrue();
        assertThat(StoryTraits.endsSentence("Profit rose 5 pct to")).isFalse();
        assertThat(StoryTraits.endsSentence("   ")).isTrue();
    }

    @Provide
    Arbitrary<String> paragraphEnds() {
        // capitals of category Lu (one supplementary), letters that are not (small, title case, a circled capital),
        // full stops and the other sentence ends, word characters and not, spaces a strip removes and one it keeps,
        // the line terminator a strip keeps (U+0085), and halves of surrogate pairs
        return Arbitraries.of("U", "S", ".", ".", "A", "u", "\u01C5", "\u24B6", "\u00C9", "\uD835\uDC00", "\uD835",
                        "\uDC00", "!", "?", "\"", "'", ")", "\u201D", "\u2019", " ", "\n", "\u00A0", "\u0085", "_", "1",
                        "x", "-", "U.S.", "bank")
                .list().ofMaxSize(12).map(pieces -> String.join("", pieces));
    }
}
