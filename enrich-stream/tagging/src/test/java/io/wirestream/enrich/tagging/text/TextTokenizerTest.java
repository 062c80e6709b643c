package io.wirestream.enrich.tagging.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class TextTokenizerTest {

    final TextTokenizer tokenizer = new TextTokenizer();

    @Test
    void keepsAbbreviationsAndNamePartsTogetherAndSplitsThePossessive() {
        List<String> words = tokenizer.tokenize("The U.S. envoy met Mr. al-Assad's aide at AT&T.").stream()
                .map(Token::text).toList();
        assertThat(words).containsExactly("The", "U.S.", "envoy", "met", "Mr.", "al-Assad", "'s", "aide", "at", "AT&T", ".");
    }

    @Test
    void marksSentenceStartsAndCapitalsLines() {
        List<Token> tokens = tokenizer.tokenize("SOCCER - LATE WIN FOR HOME SIDE\nRain fell. Officials said so.");
        assertThat(tokens.get(0).allCapsLine()).isTrue();
        Token rain = tokens.stream().filter(t -> t.text().equals("Rain")).findFirst().orElseThrow();
        Token officials = tokens.stream().filter(t -> t.text().equals("Officials")).findFirst().orElseThrow();
        assertThat(rain.sentenceStart()).isTrue();
        assertThat(rain.allCapsLine()).isFalse();
        assertThat(officials.sentenceStart()).isTrue();
    }

    @Property(tries = 200)
    void tokensAreInOrderAndPointAtTheirText(@ForAll String text) {
        List<Token> tokens = tokenizer.tokenize(text);
        int previousEnd = 0;
        for (Token t : tokens) {
            assertThat(t.start()).isGreaterThanOrEqualTo(previousEnd);
            assertThat(text.substring(t.start(), t.end())).isEqualTo(t.text());
            previousEnd = t.end();
        }
    }
}
