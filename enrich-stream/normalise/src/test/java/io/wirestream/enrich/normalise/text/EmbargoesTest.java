package io.wirestream.enrich.normalise.text;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.enrich.normalise.model.WireTime;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class EmbargoesTest {

    /** Tuesday 5 March 2024, 09:30 UTC. */
    static final Instant SENT = Instant.parse("2024-03-05T09:30:00Z");

    static Instant at(String line) {
        WireTime t = Embargoes.resolve(line, ZoneOffset.UTC, SENT);
        return t == null ? null : t.instant();
    }

    @Test
    void markersAreEmbargoWordsNotStoryWords() {
        assertThat(Embargoes.isMarker("EMBARGOED until 0001 GMT Thursday")).isTrue();
        assertThat(Embargoes.isMarker("Eds: do not use before 0600 GMT")).isTrue();
        assertThat(Embargoes.isMarker("SPERRFRIST 25.01.2024 06:00 MEZ")).isTrue();
        assertThat(Embargoes.isMarker("Not for publication before noon")).isTrue();
        assertThat(Embargoes.isMarker("Updates with talks on the oil embargo")).isFalse();
        assertThat(Embargoes.isMarker("Adds quotes from the trade minister")).isFalse();
    }

    @Test
    void aFullDateIsTakenAsWritten() {
        assertThat(at("EMBARGOED until 12:01 a.m. EST, Jan. 25, 2024")).isEqualTo(Instant.parse("2024-01-25T05:01:00Z"));
    }

    @Test
    void aClockTimeIsTheNextSuchMomentAfterTheItem() {
        assertThat(at("EMBARGOED until 0001 GMT Thursday")).isEqualTo(Instant.parse("2024-03-07T00:01:00Z"));
        assertThat(at("Embargoed until 12:01 a.m. EST Wednesday")).isEqualTo(Instant.parse("2024-03-06T05:01:00Z"));
        assertThat(at("do not use before 1200 GMT")).isEqualTo(Instant.parse("2024-03-05T12:00:00Z"));
        assertThat(at("do not use before 0600 GMT")).isEqualTo(Instant.parse("2024-03-06T06:00:00Z"));
        assertThat(at("EMBARGOED until 0600 GMT tomorrow")).isEqualTo(Instant.parse("2024-03-06T06:00:00Z"));
        // the same weekday as the item, earlier in the day: a week later
        assertThat(at("EMBARGOED until 0800 GMT Tuesday")).isEqualTo(Instant.parse("2024-03-12T08:00:00Z"));
    }

    @Test
    void aTimeWithoutAZoneIsReadInTheAgencyZone() {
        WireTime t = Embargoes.resolve("SPERRFRIST 18:00 Donnerstag", ZoneId.of("Europe/Berlin"), SENT);
        assertThat(t.instant()).isEqualTo(Instant.parse("2024-03-07T17:00:00Z"));
    }

    @Test
    void whatWouldBeAGuessIsNotRead() {
        assertThat(at("EMBARGOED until further notice")).isNull();
        assertThat(at("EMBARGOED until 0600 GMT Thursday or 0800 GMT Friday")).isNull();
        assertThat(at("EMBARGOED until 0600 GMT Thursday or Friday")).isNull();
        assertThat(at("EMBARGOED until 0600 GMT tomorrow Thursday")).isNull();
        assertThat(Embargoes.resolve("EMBARGOED until 0001 GMT Thursday", ZoneOffset.UTC, null)).isNull();
        assertThat(at("Updates with talks on the oil embargo at 0600 GMT")).isNull();
    }
}
