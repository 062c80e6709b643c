package io.wirestream.enrich.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wirestream.runtime.config.InvalidSettingsException;
import io.wirestream.runtime.config.Settings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** enrich.tagging.ner.model: empty by default (the rules), and a file that is not there stops the start. */
class NerModelSettingTest {

    @Test
    void noModelByDefault() {
        assertThat(Settings.ofValues(Map.of()).get(EnrichSettings.TAGGING_NER_MODEL)).isEmpty();
    }

    @Test
    void anUnreadableModelFileStopsTheStart(@TempDir Path dir) throws Exception {
        Settings missing = Settings.ofValues(Map.of("enrich.tagging.ner.model", dir.resolve("absent.bin").toString()));
        assertThatThrownBy(() -> EnrichServiceMain.DECLARED.validate(missing))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessageContaining("enrich.tagging.ner.model").hasMessageContaining("not a readable file");

        Path file = Files.writeString(dir.resolve("en-ner.bin"), "x");
        Settings present = Settings.ofValues(Map.of("enrich.tagging.ner.model", " " + file + " "));
        EnrichServiceMain.DECLARED.validate(present);
        assertThat(present.get(EnrichSettings.TAGGING_NER_MODEL)).isEqualTo(file.toString());
    }
}
