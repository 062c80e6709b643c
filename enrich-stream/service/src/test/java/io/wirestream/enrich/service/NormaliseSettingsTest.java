package io.wirestream.enrich.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wirestream.enrich.normalise.SourceDefaults;
import io.wirestream.newsformats.format.WireFormat;
import io.wirestream.runtime.config.InvalidSettingsException;
import io.wirestream.runtime.config.Settings;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The zones and languages the normaliser assumes for sources come from enrich's settings, checked at start. */
class NormaliseSettingsTest {

    @Test
    void byDefaultOnlyTheBuiltInProviderZonesAndLanguagesAreAssumed() {
        SourceDefaults sources = EnrichSettings.normaliserLimits(Settings.ofValues(Map.of())).sources();
        assertThat(sources).isEqualTo(SourceDefaults.builtIn());
        assertThat(sources.providerZones()).containsEntry("stt", ZoneId.of("Europe/Helsinki"))
                .containsEntry("aap", ZoneId.of("Australia/Sydney")).containsEntry("ntb", ZoneId.of("Europe/Oslo"));
        assertThat(sources.providerLanguages()).containsEntry("aap", "en").containsEntry("pa", "en")
                .doesNotContainKeys("ap", "afp", "dpa", "reuters", "stt");
        assertThat(sources.agencyZones()).isEmpty();
        assertThat(sources.agencyLanguages()).isEmpty();
    }

    @Test
    void eachMapSettingReachesTheNormaliser() {
        Settings settings = Settings.of(Map.of(
                        "enrich.normalise.provider.zones", "ep=Europe/Lisbon",
                        "enrich.normalise.format.zones", "nitf=Europe/Oslo",
                        "enrich.normalise.provider.languages", "ep=pt"),
                Map.of("WIRE_ENRICH_NORMALISE_AGENCY_ZONES", "Feed.One=Europe/Berlin",
                        "WIRE_ENRICH_NORMALISE_AGENCY_LANGUAGES", "feed.one=de"),
                Map.of());
        EnrichServiceMain.DECLARED.validate(settings);
        SourceDefaults sources = EnrichSettings.normaliserLimits(settings).sources();
        assertThat(sources.providerZones()).isEqualTo(Map.of("ep", ZoneId.of("Europe/Lisbon")));
        assertThat(sources.agencyZones()).isEqualTo(Map.of("feed.one", ZoneId.of("Europe/Berlin")));
        assertThat(sources.formatZones()).isEqualTo(Map.of(WireFormat.NITF, ZoneId.of("Europe/Oslo")));
        assertThat(sources.providerLanguages()).isEqualTo(Map.of("ep", "pt"));
        assertThat(sources.agencyLanguages()).isEqualTo(Map.of("feed.one", "de"));
    }

    @Test
    void aWrongZoneOrAMisspeltKeyStopsTheStart() {
        Settings badZone = Settings.ofValues(Map.of("enrich.normalise.agency.zones", "feed-1=Helsinki"));
        assertThatThrownBy(() -> EnrichServiceMain.DECLARED.validate(badZone))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessageContaining("enrich.normalise.agency.zones").hasMessageContaining("'Helsinki' is no time zone");
        Settings familyKey = Settings.ofValues(Map.of("enrich.normalise.zone.agency.stt", "Europe/Helsinki"));
        assertThatThrownBy(() -> EnrichServiceMain.DECLARED.validate(familyKey))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessageContaining("unknown setting 'enrich.normalise.zone.agency.stt'");
    }
}
