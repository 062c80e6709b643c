package io.wirestream.enrich.normalise.text;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.enrich.normalise.model.TimeSource;
import io.wirestream.enrich.normalise.model.WireTime;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class WireDatesTest {

    private static final ZoneId UTC = ZoneOffset.UTC;

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "2022-10-11T11:14:42+02:00|2022-10-11T09:14:42Z",
        "2014-07-17T00:24:11.000Z|2014-07-17T00:24:11Z",
        "2017-08-24T04:38:34+0000|2017-08-24T04:38:34Z",
        "20131020T192751+1100|2013-10-20T08:27:51Z",
        "20151210T191044Z|2015-12-10T19:10:44Z",
        "Tue, 10 Jun 2003 04:00:00 GMT|2003-06-10T04:00:00Z",
        "Tue, 10 Jun 2003 04:00:00 +0200|2003-06-10T02:00:00Z",
        "Tue, 10 Jun 2003 04:00:00 EST|2003-06-10T09:00:00Z",
        "2014-07-17 00:24:11 GMT+00:00|2014-07-17T00:24:11Z",
        "18:59 GMT24 June 2021|2021-06-24T18:59:00Z",
        "24 June 2021, 18:59 GMT|2021-06-24T18:59:00Z",
        "June 24, 2021 6:59 PM EDT|2021-06-24T22:59:00Z",
        "Updated 24.06.2021 18:59 MESZ|2021-06-24T16:59:00Z",
    })
    void zonedFormsBecomeExactInstants(String text, String expected) {
        WireTime t = WireDates.parse(text, UTC);
        assertThat(t).isNotNull();
        assertThat(t.instant()).isEqualTo(Instant.parse(expected));
        assertThat(t.source()).isEqualTo(TimeSource.ITEM);
    }

    @Test
    void zonelessTimesUseTheAgencyZoneAndSaySo() {
        WireTime t = WireDates.parse("2019-04-15T13:49:15", ZoneId.of("Europe/Helsinki"));
        assertThat(t.instant()).isEqualTo(Instant.parse("2019-04-15T10:49:15Z"));
        assertThat(t.source()).isEqualTo(TimeSource.ITEM_NO_ZONE);
        assertThat(WireDates.parse("not a date", UTC)).isNull();
        assertThat(WireDates.parseLoose("Friday at noon", UTC, null)).isNull();
    }

    @Test
    void wireTrailers() {
        // IPTC 7901 after ETX: DDHHMM GMT Mon YY
        assertThat(WireDates.parse7901Trailer("091422 GMT Jan 24 ", null).instant())
                .isEqualTo(Instant.parse("2024-01-09T14:22:00Z"));
        // ANPA-1312 after ETX: MM-DD-YY HHMMGMT
        assertThat(WireDates.parseAnpaTrailer("EP-WS-05-18-24 2147GMT<", null).instant())
                .isEqualTo(Instant.parse("2024-05-18T21:47:00Z"));
        assertThat(WireDates.parse7901Trailer("garbage", null)).isNull();
    }

    @Test
    void twoDigitYearsStayNearTheReference() {
        Instant ref = Instant.parse("2024-06-01T00:00:00Z");
        assertThat(WireDates.year("24", ref)).isEqualTo(2024);
        assertThat(WireDates.year("25", ref)).isEqualTo(2025);
        assertThat(WireDates.year("98", ref)).isEqualTo(1998);
    }
}
