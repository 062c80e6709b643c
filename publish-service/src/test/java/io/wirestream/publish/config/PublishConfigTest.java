package io.wirestream.publish.config;

import io.wirestream.runtime.config.Settings;
import io.wirestream.publish.config.PublishConfig.StoreKind;
import io.wirestream.publish.store.KillMode;
import io.wirestream.newsformats.ninjs.NinjsProfile;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PublishConfigTest {

    static PublishConfig config(Map<String, String> values) {
        return new PublishConfig(Settings.ofValues(values));
    }

    @Test
    void defaultsToTheEmbeddedSqliteStoreUnderTheDataDirectory() {
        PublishConfig config = config(Map.of());
        assertThat(config.stores()).containsExactly(StoreKind.SQLITE);
        assertThat(config.sqlitePath()).isEqualTo(Path.of("data", "publish", "articles.sqlite"));
        assertThat(config.apiStore()).isEqualTo(StoreKind.SQLITE);
        assertThat(config.killMode()).isEqualTo(KillMode.WITHDRAW);
        assertThat(config.filesProfile()).isEqualTo(NinjsProfile.OFFICIAL);
        assertThat(config.groupId(StoreKind.SQLITE)).isEqualTo("wirestream-publish-sqlite");
    }

    @Test
    void combinesStoresAndServesTheApiFromTheFirstSqlStore() {
        PublishConfig config = config(Map.of("publish.stores", "files, postgres ,sqlite", "publish.kill.mode", "delete"));
        assertThat(config.stores()).containsExactly(StoreKind.FILES, StoreKind.POSTGRES, StoreKind.SQLITE);
        assertThat(config.apiStore()).isEqualTo(StoreKind.POSTGRES);
        assertThat(config.killMode()).isEqualTo(KillMode.DELETE);
        assertThat(config(Map.of("publish.stores", "files")).apiStore()).isNull();
    }

    @Test
    void environmentVariablesOverrideTheFile() {
        PublishConfig config = new PublishConfig(Settings.of(Map.of("publish.stores", "sqlite"),
                Map.of("WIRE_PUBLISH_STORES", "postgres", "WIRE_PUBLISH_POSTGRES_PASSWORD", "s3cret"), Map.of()));
        assertThat(config.stores()).containsExactly(StoreKind.POSTGRES);
        assertThat(config.postgresPassword()).isEqualTo("s3cret");
    }

    @Test
    void refusesMistakesAtStartWithTheSettingNamed() {
        assertThatThrownBy(() -> config(Map.of("publish.stores", "sqlite,mongo")))
                .hasMessageContaining("mongo").hasMessageContaining("publish.stores");
        assertThatThrownBy(() -> config(Map.of("publish.kill.mode", "hide"))).hasMessageContaining("withdraw or delete");
        assertThatThrownBy(() -> config(Map.of("publish.stores", "sqlite,files", "publish.api.store", "files")))
                .hasMessageContaining("publish.api.store");
        assertThatThrownBy(() -> config(Map.of("publish.files.profile", "fancy"))).hasMessageContaining("publish.files.profile");
        assertThatThrownBy(() -> config(Map.of("publish.retry.initial", "10s", "publish.retry.max", "1s")))
                .hasMessageContaining("publish.retry.initial");
        assertThatThrownBy(() -> config(Map.of("publish.stores", " , "))).hasMessageContaining("names no store");
    }
}
