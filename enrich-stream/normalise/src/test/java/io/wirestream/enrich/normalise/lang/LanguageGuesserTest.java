package io.wirestream.enrich.normalise.lang;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Detection on short copy written for the test, a sentence or two per language. */
class LanguageGuesserTest {

    @Test
    void detectsShortCopyInTheLanguagesOfTheWires() {
        assertThat(LanguageGuesser.detect("Shares in the regional airline fell sharply on Monday after it cut its"
                + " profit forecast for the year, blaming higher fuel costs.")).isEqualTo("en");
        assertThat(LanguageGuesser.detect("Die Regionalbahn fährt ab Montag wieder im Stundentakt, teilte der"
                + " Verkehrsverbund am Freitag mit.")).isEqualTo("de");
        assertThat(LanguageGuesser.detect("Kunnanvaltuusto päätti maanantaina, että uusi koulu rakennetaan"
                + " entisen urheilukentän paikalle.")).isEqualTo("fi");
        assertThat(LanguageGuesser.detect("Le conseil municipal a voté mardi la fermeture de la piscine pendant"
                + " toute la durée des travaux.")).isEqualTo("fr");
        assertThat(LanguageGuesser.detect("Regjeringen vil bruke mer penger på veier i nord, sa statsministeren"
                + " på en pressekonferanse torsdag.")).isIn("nb", "no", "nn");
    }

    @Test
    void shortEnglishHeadlinesWithAModestLeadAreAnswered() {
        // the model's best guess leads its runner-up by 1.05-1.15 here: the strict rule left these without a language
        for (String text : new String[] {"Ferry service resumes after storm",
                "Sunderland beat Millwall 2-1 at the Stadium of Light"}) {
            assertThat(LanguageGuesser.detect(text)).as(text).isEqualTo("en");
            assertThat(LanguageGuesser.detect(text, LanguageGuesser.Rule.STRICT)).as(text).isNull();
        }
    }

    @Test
    void aWarayGuessFromShortCopyFullOfNamesIsNoAnswer() {
        String names = "Barcelona 3 Valencia 1: Eto'o, Ronaldinho and Xavi score";
        assertThat(LanguageGuesser.detect(names)).isNull();
        LanguageGuesser.Rule withoutSinks = new LanguageGuesser.Rule(20, 0.010, 1.05, java.util.Set.of(), 0);
        assertThat(LanguageGuesser.detect(names, withoutSinks)).isEqualTo("war");
    }

    @Test
    void tooFewLettersIsNoAnswer() {
        assertThat(LanguageGuesser.detect("AB 12-4 (3:1)")).isNull();
        assertThat(LanguageGuesser.detect("")).isNull();
        assertThat(LanguageGuesser.detect(null)).isNull();
    }

    @Test
    void theModelsCodesBecomeBcp47Tags() {
        assertThat(LanguageGuesser.bcp47("fin")).isEqualTo("fi");
        assertThat(LanguageGuesser.bcp47("nob")).isEqualTo("nb");
        assertThat(LanguageGuesser.bcp47("cmn")).isEqualTo("zh");
        assertThat(LanguageGuesser.bcp47("zho-simp")).isEqualTo("zh-Hans");
        assertThat(LanguageGuesser.bcp47("hin-rom")).isEqualTo("hi-Latn");
        assertThat(LanguageGuesser.bcp47("war")).isEqualTo("war");
    }

    @Test
    void declaredTagsAreNormalised() {
        assertThat(LanguageGuesser.normaliseTag("EN_us")).isEqualTo("en-US");
        assertThat(LanguageGuesser.normaliseTag("not a tag")).isNull();
    }
}
