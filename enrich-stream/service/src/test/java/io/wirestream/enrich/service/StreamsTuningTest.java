package io.wirestream.enrich.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.runtime.config.Settings;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

/** The Streams knobs that trade latency for throughput are wire settings, and reach the config Streams really uses. */
class StreamsTuningTest {

    @Test
    void commitIntervalCacheAndStandbysComeFromTheSettings() {
        Settings settings = Settings.ofValues(Map.of("enrich.commit.interval", "25ms", "enrich.cache.max.bytes", "33554432",
                "enrich.standby.replicas", "1", "enrich.stream.threads", "2"));
        StreamsConfig config = new StreamsConfig(EnrichService.streamsConfig(settings));
        assertThat(config.getLong(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG)).isEqualTo(25L);
        assertThat(config.getLong(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG)).isEqualTo(33_554_432L);
        assertThat(config.getInt(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG)).isEqualTo(1);
        assertThat(config.getInt(StreamsConfig.NUM_STREAM_THREADS_CONFIG)).isEqualTo(2);
    }

    @Test
    void theDefaultsAreWhatExactlyOnceStreamsWouldPickItself() {
        Properties p = EnrichService.streamsConfig(Settings.ofValues(Map.of()));
        StreamsConfig config = new StreamsConfig(p);
        assertThat(config.getLong(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG)).isEqualTo(100L);
        assertThat(config.getLong(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG)).isEqualTo(10L * 1024 * 1024);
        assertThat(config.getInt(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG)).isZero();
    }
}
