package io.wirestream.enrich.tagging.entities;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.enrich.tagging.text.Token;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A name finder may run a span over the punctuation beside a name; the name is the words. Seen live: "called The
 * Health Test, will be available" came out as the organisation "Health Test,".
 */
class ModelSpanEdgesTest {

    static List<Token> tokens(String... texts) {
        List<Token> tokens = new ArrayList<>();
        int at = 0;
        for (String t : texts) {
            tokens.add(new Token(t, at, at + t.length(), tokens.isEmpty(), false, false));
            at += t.length() + 1;
        }
        return tokens;
    }

    @Test
    void punctuationAtEitherEndOfASpanIsNotPartOfTheName() {
        List<Token> tokens = tokens("called", "\"", "Health", "Test", ",", "will");
        assertThat(ModelEntityRecognizer.wordsFrom(tokens, 1, 5)).isEqualTo(2);
        assertThat(ModelEntityRecognizer.wordsTo(tokens, 2, 5)).isEqualTo(4);
    }

    @Test
    void punctuationInsideANameAndAnAbbreviationsDotStay() {
        List<Token> tokens = tokens("Procter", "&", "Gamble", "Co", ".");
        assertThat(ModelEntityRecognizer.wordsFrom(tokens, 0, 5)).isEqualTo(0);
        assertThat(ModelEntityRecognizer.wordsTo(tokens, 0, 5)).isEqualTo(5);
    }

    @Test
    void aSpanOfPunctuationOnlyIsEmpty() {
        List<Token> tokens = tokens("said", ",", "\"");
        int first = ModelEntityRecognizer.wordsFrom(tokens, 1, 3);
        assertThat(ModelEntityRecognizer.wordsTo(tokens, first, 3)).isEqualTo(first);
    }
}
