package io.wirestream.publish.config;

import io.wirestream.runtime.config.Settings;
import io.wirestream.publish.store.KillMode;
import io.wirestream.newsformats.ninjs.NinjsProfile;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PublishSettingsTest {

    static Settings settings(Map<String, String> values) {
        return Settings.ofValues(values);
    }

    @Test
    void defaultsToTheEmbeddedSqliteStoreUnderTheDataDirectory() {
        Settings settings = settings(Map.of());
        StoreSelection selection = StoreSelection.of(settings);
        assertThat(selection.stores()).containsExactly(StoreKind.SQLITE);
        assertThat(StoreLocations.of(settings).sqlite()).isEqualTo(Path.of("data", "publish", "articles.sqlite"));
        assertThat(selection.apiStore()).isEqualTo(StoreKind.SQLITE);
        assertThat(settings.get(PublishSettings.KILL_MODE)).isEqualTo(KillMode.WITHDRAW);
        assertThat(settings.get(PublishSettings.FILES_PROFILE)).isEqualTo(NinjsProfile.OFFICIAL);
        assertThat(StoreConsumerSettings.of(settings).groupId(StoreKind.SQLITE)).isEqualTo("wirestream-publish-sqlite");
    }

    @Test
    void combinesStoresAndServesTheApiFromTheFirstSqlStore() {
        Settings settings = settings(Map.of("publish.stores", "files, postgres ,sqlite", "publish.kill.mode", "delete"));
        StoreSelection selection = StoreSelection.of(settings);
        assertThat(selection.stores()).containsExactly(StoreKind.FILES, StoreKind.POSTGRES, StoreKind.SQLITE);
        assertThat(selection.apiStore()).isEqualTo(StoreKind.POSTGRES);
        assertThat(settings.get(PublishSettings.KILL_MODE)).isEqualTo(KillMode.DELETE);
        assertThat(StoreSelection.of(settings(Map.of("publish.stores", "files"))).apiStore()).isNull();
    }

    @Test
    void environmentVariablesOverrideTheFile() {
        Settings settings = Settings.of(Map.of("publish.stores", "sqlite"),
                Map.of("WIRE_PUBLISH_STORES", "postgres", "WIRE_PUBLISH_POSTGRES_PASSWORD", "s3cret"), Map.of());
        assertThat(StoreSelection.of(settings).stores()).containsExactly(StoreKind.POSTGRES);
        assertThat(settings.get(PublishSettings.POSTGRES_PASSWORD)).isEqualTo("s3cret");
    }

    @Test
    void refusesMistakesAtStartWithTheSettingNamed() {
        assertThatThrownBy(() -> PublishSettings.validate(settings(Map.of("publish.stores", "sqlite,mongo"))))
                .hasMessageContaining("mongo").hasMessageContaining("publish.stores");
        assertThatThrownBy(() -> PublishSettings.validate(settings(Map.of("publish.kill.mode", "hide"))))
                .hasMessageContaining("withdraw or delete");
        assertThatThrownBy(() -> PublishSettings.validate(settings(Map.of("publish.stores", "sqlite,files", "publish.api.store", "files"))))
                .hasMessageContaining("publish.api.store");
        assertThatThrownBy(() -> PublishSettings.validate(settings(Map.of("publish.files.profile", "fancy"))))
                .hasMessageContaining("publish.files.profile");
        assertThatThrownBy(() -> PublishSettings.validate(settings(Map.of("publish.retry.initial", "10s", "publish.retry.max", "1s"))))
                .hasMessageContaining("publish.retry.initial");
        assertThatThrownBy(() -> PublishSettings.validate(settings(Map.of("publish.stores", " , "))))
                .hasMessageContaining("names no store");
        assertThatThrownBy(() -> PublishSettings.validate(settings(Map.of("publish.max.poll.records", "0"))))
                .hasMessageContaining("publish.max.poll.records");
    }
}
