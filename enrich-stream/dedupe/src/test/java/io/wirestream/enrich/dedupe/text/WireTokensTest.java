package io.wirestream.enrich.dedupe.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class WireTokensTest {

    /** The regular expressions the tokens were found with before, kept here as the reference. */
    static final Pattern SALIENT = Pattern.compile(
            "<[\\p{Lu}\\p{N}.]{1,10}>|\\p{N}+(?:[.,/]\\p{N}+)*(?:-\\p{N}+/\\p{N}+)?|[\\p{L}\\p{N}]+");
    static final Pattern FIGURES_AND_WORDS = Pattern.compile("\\p{N}+(?:[.,/]\\p{N}+)*(?:-\\p{N}+/\\p{N}+)?|\\p{L}+");

    static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
    static final Pattern SPLIT_FIGURE = Pattern.compile("(\\p{N})\\s+([.,])(\\p{N})");

    static List<String> byRegex(Pattern pattern, String s) {
        List<String> out = new ArrayList<>();
        Matcher m = pattern.matcher(s);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    @Property(tries = 3000)
    void theTokensAreTheRegularExpressionsTokens(@ForAll("wireText") String s) {
        assertThat(WireTokens.salient(s)).isEqualTo(byRegex(SALIENT, s));
        assertThat(WireTokens.figuresAndWords(s)).isEqualTo(byRegex(FIGURES_AND_WORDS, s));
        assertThat(WireTokens.lettersAndNumbers(s))
                .isEqualTo(java.util.Arrays.stream(NOT_WORD.split(s)).filter(w -> !w.isEmpty()).toList());
        if (!WireTokens.maySplitFigure(s)) {
            assertThat(SPLIT_FIGURE.matcher(s).replaceAll("$1$2$3")).isEqualTo(s);
        }
    }

    @Test
    void aFigureSplitBeforeItsSeparatorIsFound() {
        for (String split : List.of("26 ,000", "26\t.5", "1 \n,2", "3\u000B.4")) {
            assertThat(WireTokens.maySplitFigure(split)).as(split).isTrue();
        }
        assertThat(WireTokens.maySplitFigure("26,000 and 2.5, then 3 . 4")).isTrue();
        assertThat(WireTokens.maySplitFigure("26,000 and 2.5\u00A0.")).isFalse();
    }

    @Test
    void tickersFiguresAndWordsOfWireCopy() {
        assertThat(WireTokens.salient("HALVARD <HVM.OL> sets 6-3/16 pct, 26,000 shrs; <toolong12345> <> x2"))
                .containsExactly("HALVARD", "<HVM.OL>", "sets", "6-3/16", "pct", "26,000", "shrs", "toolong12345", "x2");
        assertThat(WireTokens.salient("<ABCDEFGHIJ> <ABCDEFGHIJK>"))
                .isEqualTo(byRegex(SALIENT, "<ABCDEFGHIJ> <ABCDEFGHIJK>"))
                .containsExactly("<ABCDEFGHIJ>", "ABCDEFGHIJK");
        assertThat(WireTokens.figuresAndWords("rose 1.5 pct to 2,300/2,400 from 3-1/2 q3"))
                .containsExactly("rose", "1.5", "pct", "to", "2,300/2,400", "from", "3-1/2", "q", "3");
    }

    @Provide
    Arbitrary<String> wireText() {
        // separators and brackets the patterns look at, ASCII and other digits (Arabic-Indic, superscript, fraction,
        // Roman numeral, a supplementary digit), capitals and small letters (a supplementary capital), a circled
        // capital (upper case but not of category Lu), other symbols, and a lone surrogate
        return Arbitraries.of("a", "Z", "b", "Y", "0", "9", "<", ">", ".", ",", "/", "-", " ", "\u00E9", "\u00C9",
                        "\u0663", "\u00B2", "\u00BD", "\u216B", "\u24B6", "_", "%", "ABCDE", "<ABC", "\t", "\n", "\u00A0", "\u000B", "\uD835\uDFCE", "\uD835\uDC00", "\uD800")
                .list().ofMaxSize(30).map(pieces -> String.join("", pieces));
    }
}
