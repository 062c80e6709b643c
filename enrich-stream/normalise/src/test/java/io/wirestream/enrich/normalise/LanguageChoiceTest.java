package io.wirestream.enrich.normalise;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.avro.Article;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The article's language: declared, else the default configured for its source, else detected. Items written for the test. */
class LanguageChoiceTest {

    private static final String ENGLISH = "The island ferry will run four times a day from next month, the operator"
            + " said on Tuesday, after a winter of cancellations that left commuters stranded on the mainland.";
    private static final String FINNISH = "Saaren lautta kulkee ensi kuusta alkaen neljä kertaa päivässä, kertoi"
            + " liikennöitsijä tiistaina talven peruutusten jälkeen, jotka jättivät työmatkalaiset mantereelle.";

    /** A G2 text item; {@code lang} is the xml:lang attribute, or empty. */
    private static String g2(String lang, String provider, String headline, String paragraph) {
        return """
                <newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="urn:test:lang:1" version="1"
                    standard="NewsML-G2" standardversion="2.29" %s>
                 <itemMeta><itemClass qcode="ninat:text"/><provider literal="%s"/>
                  <versionCreated>2024-01-15T09:30:00Z</versionCreated><pubStatus qcode="stat:usable"/></itemMeta>
                 <contentMeta><headline>%s</headline></contentMeta>
                 <contentSet><inlineXML contenttype="application/nitf+xml">
                  <nitf xmlns="http://iptc.org/std/NITF/2006-10-18/"><body><body.content><p>%s</p></body.content></body></nitf>
                 </inlineXML></contentSet>
                </newsItem>""".formatted(lang.isEmpty() ? "" : "xml:lang=\"" + lang + "\"", provider, headline, paragraph);
    }

    private static final NormaliserLimits CONFIGURED = NormaliserLimits.defaults().withSources(SourceDefaults.builtIn()
            .withProviderLanguages(Map.of("ep", "pt"))
            .withAgencyLanguages(Map.of("feed-fi", "fi")));

    private static NormalisationResult normalise(String agency, String payload) throws NormalisationException {
        try (WireItemNormaliser n = new WireItemNormaliser(TestItems.CLOCK, CONFIGURED)) {
            return n.normaliseDetailed(TestItems.raw(agency, payload));
        }
    }

    @Test
    void theDeclaredLanguageComesFirst() throws NormalisationException {
        NormalisationResult r = normalise("feed-fi", g2("en-GB", "EP", "Ferry timetable changes", ENGLISH));
        assertThat(r.articles().get(0).getLanguage()).isEqualTo("en-GB");
        assertThat(r.diagnostics().get(0).languageSource()).isEqualTo("item");
    }

    @Test
    void withoutOneTheProvidersDefaultComesBeforeDetection() throws NormalisationException {
        // the text is English, but the configured default is what the deployment said
        NormalisationResult r = normalise("feed-fi", g2("", "EP", "Ferry timetable changes", ENGLISH));
        assertThat(r.articles().get(0).getLanguage()).isEqualTo("pt");
        assertThat(r.diagnostics().get(0).languageSource()).isEqualTo("default");
        assertThat(r.diagnostics().get(0).notes()).contains("language pt: the default configured for provider ep");
    }

    @Test
    void thenThePushingAgencysDefault() throws NormalisationException {
        NormalisationResult r = normalise("feed-fi", g2("", "Example Press", "Lautta", "Lyhyt."));
        assertThat(r.articles().get(0).getLanguage()).isEqualTo("fi");
        assertThat(r.diagnostics().get(0).languageSource()).isEqualTo("default");
    }

    @Test
    void thenDetection() throws NormalisationException {
        NormalisationResult en = normalise("feed-x", g2("", "Example Press", "Ferry timetable changes", ENGLISH));
        assertThat(en.articles().get(0).getLanguage()).isEqualTo("en");
        assertThat(en.diagnostics().get(0).languageSource()).isEqualTo("detected");
        Article fi = normalise("feed-x", g2("", "Example Press", "Lautan aikataulu muuttuu", FINNISH)).articles().get(0);
        assertThat(fi.getLanguage()).isEqualTo("fi");
    }

    @Test
    void tooLittleTextIsNoLanguage() throws NormalisationException {
        NormalisationResult r = normalise("feed-x", g2("", "Example Press", "Ferry", "Delayed."));
        assertThat(r.articles().get(0).getLanguage()).isNull();
        assertThat(r.diagnostics().get(0).languageSource()).isEqualTo("none");
    }
}
