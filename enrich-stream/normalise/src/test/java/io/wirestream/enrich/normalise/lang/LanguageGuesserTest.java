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
