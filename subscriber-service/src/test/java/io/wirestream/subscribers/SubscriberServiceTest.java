package io.wirestream.subscribers;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wirestream.runtime.config.SettingValues;
import io.wirestream.runtime.config.Settings;
import io.wirestream.subscriptions.InvalidSubscribersException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A subscribers file that cannot be applied at start is refused while the service is built: ServiceMain's exit 2. */
class SubscriberServiceTest {

    @Test
    void aBadFileAtStartIsAnInvalidSettingNamingEachProblem(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("subscribers.yaml");
        Files.writeString(file, "subscribers:\n  - id: x\n    products: [{name: p}]\n");
        Settings settings = Settings.ofValues(new SettingValues().set(SubscriberSettings.FILE, file.toString()).asMap());
        assertThatThrownBy(() -> new SubscriberService(settings, Map.of(), Clock.systemUTC(), null))
                .isInstanceOf(IllegalArgumentException.class).isInstanceOf(InvalidSubscribersException.class)
                .hasMessageContaining("subscribers[0] (x).products[0].agencies: is required")
                .hasMessageContaining("subscribers[0] (x).channels: is required");
    }

    @Test
    void aMissingFileAtStartIsAnInvalidSetting(@TempDir Path dir) {
        Settings settings = Settings.ofValues(new SettingValues().set(SubscriberSettings.FILE, dir.resolve("none.yaml").toString()).asMap());
        assertThatThrownBy(() -> new SubscriberService(settings, Map.of(), Clock.systemUTC(), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("none.yaml");
    }

    @Test
    void settingsThatDoNotFitAreRefused(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("s.yaml");
        Files.writeString(file, "subscribers: []\n");
        Settings settings = Settings.ofValues(new SettingValues().set(SubscriberSettings.FILE, file.toString())
                .setText(SubscriberSettings.WEBHOOK_RETRY_INITIAL, "10m").setText(SubscriberSettings.WEBHOOK_RETRY_MAX, "1m").asMap());
        assertThatThrownBy(() -> new SubscriberService(settings, Map.of(), Clock.systemUTC(), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("subscribers.webhook.retry.max");
    }
}
