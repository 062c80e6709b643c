package io.wirestream.enrich.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wirestream.enrich.normalise.RightsDefaults;
import io.wirestream.enrich.normalise.SourceDefaults;
import io.wirestream.newsformats.format.WireFormat;
import io.wirestream.runtime.config.InvalidSettingsException;
import io.wirestream.runtime.config.Settings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

    @Test
    void theRightsFileReachesTheNormaliserAndABadOneStopsTheStart(@TempDir Path dir) throws Exception {
        assertThat(EnrichSettings.normaliserLimits(Settings.ofValues(Map.of())).sources().rights().isEmpty()).isTrue();

        Path file = dir.resolve("rights.properties");
        Files.writeString(file, """
                agency.feed-1.usageterms = Online use only, for 30 days; no resale.
                provider.ep.copyrightholder = Example Press
                """);
        Settings settings = Settings.ofValues(Map.of("enrich.normalise.rights.file", file.toString()));
        EnrichServiceMain.DECLARED.validate(settings);
        RightsDefaults rights = EnrichSettings.normaliserLimits(settings).sources().rights();
        assertThat(rights.agencyRights().get("feed-1").usageTerms()).isEqualTo("Online use only, for 30 days; no resale.");
        assertThat(rights.providerRights().get("ep").copyrightHolder()).isEqualTo("Example Press");

        Files.writeString(file, "agency.feed-1.licence = all\n");
        assertThatThrownBy(() -> EnrichServiceMain.DECLARED.validate(settings))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessageContaining("enrich.normalise.rights.file").hasMessageContaining("agency.feed-1.licence");
        Settings missing = Settings.ofValues(Map.of("enrich.normalise.rights.file", dir.resolve("none").toString()));
        assertThatThrownBy(() -> EnrichServiceMain.DECLARED.validate(missing))
                .isInstanceOf(InvalidSettingsException.class).hasMessageContaining("cannot read the rights file");
    }
}
