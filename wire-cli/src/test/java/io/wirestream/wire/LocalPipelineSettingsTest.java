package io.wirestream.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wirestream.runtime.config.InvalidSettingsException;
import io.wirestream.runtime.config.Settings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Local mode takes settings from --config and --set: a typo there stops `wire up` before anything starts. */
class LocalPipelineSettingsTest {

    @TempDir
    Path dataDir;

    @Test
    void everyDeclaredDefaultIsAValidSetting() {
        assertThatCode(() -> SettingsCatalogue.declared().validate(Settings.ofValues(Map.of()))).doesNotThrowAnyException();
    }

    @Test
    void aMisspeltSetIsRefusedBeforeKafkaStarts() throws Exception {
        LocalPipeline pipeline = new LocalPipeline(dataDir, new LocalPorts(1)); // port 1: nothing could bind it
        assertThatThrownBy(() -> pipeline.start(Settings.ofValues(Map.of()), false, Map.of("enrich.comit.interval", "30ms")))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessageContaining("'enrich.comit.interval'; did you mean 'enrich.commit.interval'?");
        assertThat(pipeline.kafka()).as("no broker was started").isNull();
        try (var left = Files.list(dataDir)) {
            assertThat(left).as("nothing was written to the data folder").isEmpty();
        }
    }

    @Test
    void kafkaStreamsPassthroughAndEveryServicesKeysAreAccepted() {
        Map<String, String> set = Map.of("enrich.streams.max.poll.records", "200", "publish.stores", "sqlite,files",
                "ingest.rate.burst", "10", "ops.lag.interval", "1s", "kafka.topic.partitions", "2");
        assertThatCode(() -> SettingsCatalogue.declared().validate(Settings.ofValues(set))).doesNotThrowAnyException();
    }
}
