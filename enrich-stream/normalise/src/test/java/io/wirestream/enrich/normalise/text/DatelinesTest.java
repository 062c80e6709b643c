package io.wirestream.enrich.normalise.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class DatelinesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "LISBON (Example News) - The harbour reopened.|LISBON|Example News|The harbour reopened.",
        "PORTO ALEGRE, Brazil (EP) _ Rain fell.|PORTO ALEGRE, Brazil|EP|Rain fell.",
        "Hamburg (ep) - Der Hafen ist offen.|Hamburg|ep|Der Hafen ist offen.",
        "FRANKFURT AM MAIN (EP) — Shares rose.|FRANKFURT AM MAIN|EP|Shares rose.",
        "OSLO, Mar 5, 2024 (EP) - Snow closed roads.|OSLO|EP|Snow closed roads.",
        "Rio de Janeiro (EP) - Carnival began.|Rio de Janeiro|EP|Carnival began.",
    })
    void datelinesAtTheStartOfALead(String lead, String place, String source, String rest) {
        Datelines.Dateline d = Datelines.find(lead);
        assertThat(d).isNotNull();
        assertThat(d.place()).isEqualTo(place);
        assertThat(d.source()).isEqualTo(source);
        assertThat(lead.substring(d.end())).isEqualTo(rest);
    }

    @Test
    void sourcelessCapitalDateline() {
        Datelines.Dateline d = Datelines.find("WASHINGTON — Lawmakers met on Monday.");
        assertThat(d.place()).isEqualTo("WASHINGTON");
        assertThat(d.source()).isNull();
    }

    @Test
    void bracketedDatelines() {
        Datelines.Dateline source = Datelines.find("(Example Sports) - Two teams meet tonight.");
        assertThat(source.place()).isNull();
        assertThat(source.source()).isEqualTo("Example Sports");
        Datelines.Dateline placeDate = Datelines.find("(Porto, Portugal - March 5) The match was close.");
        assertThat(placeDate.place()).isEqualTo("Porto, Portugal");
        assertThat("(Porto, Portugal - March 5) The match was close.".substring(placeDate.end())).isEqualTo("The match was close.");
    }

    @Test
    void ordinarySentencesAreNotDatelines() {
        assertThat(Datelines.find("The company (NEVS) said on Friday it had won.")).isNull();
        assertThat(Datelines.find("Officials said (in a statement) - as expected - nothing.")).isNull();
        assertThat(Datelines.find("NATO - the alliance - met.")).isNull();
    }

    @Test
    void datelineFields() {
        assertThat(Datelines.parseField("STOCKHOLM, Aug 29, 2014 (AFP) -").place()).isEqualTo("STOCKHOLM");
        assertThat(Datelines.parseField("London (dpa) - ").source()).isEqualTo("dpa");
        assertThat(Datelines.parseField("ROUND ROCK, Texas").place()).isEqualTo("ROUND ROCK, Texas");
        assertThat(Datelines.parseField("2014-07-17 00:24:11 GMT+00:00")).isNull();
    }
}
