package io.wirestream.enrich.normalise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wirestream.newsformats.format.WireFormat;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SourceDefaultsTest {

    private static final ZoneId OSLO = ZoneId.of("Europe/Oslo");
    private static final ZoneId LISBON = ZoneId.of("Europe/Lisbon");

    @Test
    void settingTextIsNamesAndValuesSeparatedByCommas() {
        assertThat(SourceDefaults.zones(" NTB = Europe/Oslo, ep=Europe/Lisbon ,"))
                .isEqualTo(Map.of("ntb", OSLO, "ep", LISBON));
        assertThat(SourceDefaults.zones("")).isEmpty();
        assertThat(SourceDefaults.formatZones("nitf=Europe/Oslo,g2=Europe/Lisbon"))
                .isEqualTo(Map.of(WireFormat.NITF, OSLO, WireFormat.NEWSML_G2, LISBON));
        assertThat(SourceDefaults.languages("aap=EN-au,ep=pt")).isEqualTo(Map.of("aap", "en-AU", "ep", "pt"));
    }

    @Test
    void aWrongEntryIsRefusedWithTheReason() {
        assertThatThrownBy(() -> SourceDefaults.zones("ntb=Oslo")).hasMessageContaining("'Oslo' is no time zone");
        assertThatThrownBy(() -> SourceDefaults.zones("ntb")).hasMessageContaining("'ntb' is not name=value");
        assertThatThrownBy(() -> SourceDefaults.zones("ntb=Europe/Oslo,NTB=UTC")).hasMessageContaining("given twice");
        assertThatThrownBy(() -> SourceDefaults.formatZones("telex=UTC")).hasMessageContaining("'telex' is no wire format");
        assertThatThrownBy(() -> SourceDefaults.languages("ep=english!")).hasMessageContaining("is no language tag");
    }

    @Test
    void theBuiltInZonesAreKeyedByProviderOnly() {
        SourceDefaults builtIn = SourceDefaults.builtIn();
        assertThat(builtIn.providerZones()).containsOnlyKeys("aap", "ntb", "ritzau", "stt");
        assertThat(builtIn.agencyZones()).isEmpty();
        assertThat(builtIn.zoneFor(null, "stt", WireFormat.NEWSML_G2)).isEmpty();
    }

    @Test
    void aProviderMatchesInAnyCaseAsACodeOrADomain() {
        SourceDefaults d = SourceDefaults.none().withProviderZones(Map.of("NTB", OSLO));
        for (String provider : new String[] {"ntb", "NTB", "nprov:NTB", "ntb.no", "www.ntb.no", " NTB "}) {
            assertThat(d.zoneFor(provider, null, null)).as(provider).map(SourceDefaults.AssumedZone::zone).contains(OSLO);
        }
        assertThat(d.zoneFor("ntbx", null, null)).isEmpty();
        assertThat(d.zoneFor("NTB Info", null, null)).isEmpty();
    }

    @Test
    void aProviderMatchesByTheKnownAgencyItNames() {
        // the agency's full name, and a URN or URL of its domain, are the key the settings use
        SourceDefaults d = SourceDefaults.none().withProviderZones(Map.of("ntb", OSLO));
        for (String provider : new String[] {"Norsk Telegrambyrå", "urn:newsml:ntb.no:20240115:1", "https://www.ntb.no/x"}) {
            assertThat(d.zoneFor(provider, null, null)).as(provider).map(SourceDefaults.AssumedZone::basis)
                    .contains("provider ntb");
        }
        // a name the table does not know still matches a setting written the same way
        SourceDefaults own = SourceDefaults.none().withProviderLanguages(Map.of("Example Press", "pt"));
        assertThat(own.languageFor("EXAMPLE PRESS", null)).contains(Map.entry("pt", "provider example press"));
    }

    @Test
    void theBuiltInLanguagesAreThoseOfSingleLanguageServices() {
        SourceDefaults builtIn = SourceDefaults.builtIn();
        assertThat(builtIn.providerLanguages()).isEqualTo(Map.of("aap", "en", "ntb", "nb", "pa", "en", "ritzau", "da"));
        assertThat(builtIn.agencyLanguages()).isEmpty();
        assertThat(builtIn.languageFor("Australian Associated Press", null)).contains(Map.entry("en", "provider aap"));
        for (String multilingual : new String[] {"AP", "AFP", "dpa", "Reuters", "STT"}) {
            assertThat(builtIn.languageFor(multilingual, null)).as(multilingual).isEmpty();
        }
        // a setting replaces the built-in list
        assertThat(builtIn.withProviderLanguages(Map.of("aap", "en-AU")).languageFor("AAP", null))
                .contains(Map.entry("en-AU", "provider aap"));
        assertThat(builtIn.withProviderLanguages(Map.of("ep", "pt")).languageFor("AAP", null)).isEmpty();
    }

    @Test
    void zonesAreLookedUpByProviderThenAgencyThenFormat() {
        SourceDefaults d = SourceDefaults.none()
                .withProviderZones(Map.of("ntb", OSLO))
                .withAgencyZones(Map.of("feed-1", LISBON))
                .withFormatZones(Map.of(WireFormat.NITF, ZoneId.of("UTC")));
        assertThat(d.zoneFor("NTB", "feed-1", WireFormat.NITF).orElseThrow().basis()).isEqualTo("provider ntb");
        assertThat(d.zoneFor("other", "feed-1", WireFormat.NITF).orElseThrow().basis()).isEqualTo("agency feed-1");
        assertThat(d.zoneFor("other", "feed-2", WireFormat.NITF).orElseThrow().basis()).isEqualTo("format nitf");
        assertThat(d.zoneFor("other", "feed-2", WireFormat.NINJS)).isEmpty();
        assertThat(d.zoneBeforeParse("feed-1", WireFormat.NITF).orElseThrow().zone()).isEqualTo(LISBON);
    }

    @Test
    void languagesAreLookedUpByProviderThenAgency() {
        SourceDefaults d = SourceDefaults.none()
                .withProviderLanguages(Map.of("aap", "en"))
                .withAgencyLanguages(Map.of("feed-1", "pt"));
        assertThat(d.languageFor("AAP", "feed-1")).contains(Map.entry("en", "provider aap"));
        assertThat(d.languageFor(null, "Feed-1")).contains(Map.entry("pt", "agency feed-1"));
        assertThat(d.languageFor(null, "feed-2")).isEmpty();
    }
}
