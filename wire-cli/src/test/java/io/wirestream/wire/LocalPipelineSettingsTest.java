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
    void localModeTakesBothPassthroughsAndRefusesWhatAnyServiceRefuses() {
        Settings ok = Settings.of(Map.of("kafka.client.client.rack", "eu-1a"),
                Map.of("WIRE_ENRICH_STREAMS_NUM_STANDBY_REPLICAS", "0", "WIRE_KAFKA_CLIENT_LINGER_MS", "5"), Map.of());
        assertThatCode(() -> SettingsCatalogue.declared().validate(ok)).doesNotThrowAnyException();

        InvalidSettingsException e = org.junit.jupiter.api.Assertions.assertThrows(InvalidSettingsException.class,
                () -> SettingsCatalogue.declared().validate(Settings.ofValues(Map.of("kafka.client.delivery.timeout.ms", "1000",
                        "kafka.client.max.poll.records", "5", "publish.max.poll.records", "6"))));
        assertThat(e.problems()).hasSize(2);
        assertThat(e.problems().get(0)).contains("'kafka.client.delivery.timeout.ms' is refused: ingest derives it from ingest.kafka.timeout");
        assertThat(e.problems().get(1)).startsWith("kafka.client.max.poll.records and publish.max.poll.records");
    }

    @Test
    void kafkaStreamsPassthroughAndEveryServicesKeysAreAccepted() {
        Map<String, String> set = Map.of("enrich.streams.max.poll.records", "200", "publish.stores", "sqlite,files",
                "ingest.rate.burst", "10", "ops.lag.interval", "1s", "kafka.topic.partitions", "2");
        assertThatCode(() -> SettingsCatalogue.declared().validate(Settings.ofValues(set))).doesNotThrowAnyException();
    }
}
