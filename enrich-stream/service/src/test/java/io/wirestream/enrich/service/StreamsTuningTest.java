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
        StreamsConfig config = new StreamsConfig(EnrichService.streamsConfig(settings, Map.of("bootstrap.servers", "unused:9092")));
        assertThat(config.getLong(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG)).isEqualTo(25L);
        assertThat(config.getLong(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG)).isEqualTo(33_554_432L);
        assertThat(config.getInt(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG)).isEqualTo(1);
        assertThat(config.getInt(StreamsConfig.NUM_STREAM_THREADS_CONFIG)).isEqualTo(2);
    }

    @Test
    void theDefaultsAreWhatExactlyOnceStreamsWouldPickItself() {
        Properties p = EnrichService.streamsConfig(Settings.ofValues(Map.of()), Map.of("bootstrap.servers", "unused:9092"));
        StreamsConfig config = new StreamsConfig(p);
        assertThat(config.getLong(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG)).isEqualTo(100L);
        assertThat(config.getLong(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG)).isEqualTo(10L * 1024 * 1024);
        assertThat(config.getInt(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG)).isZero();
    }

    @Test
    void anythingUnderTheStreamsPrefixReachesKafkaStreamsAsItIs() {
        Settings settings = Settings.ofValues(Map.of("enrich.streams.max.poll.records", "77",
                "enrich.streams.producer.compression.type", "zstd", "enrich.streams.commit.interval.ms", "40",
                "enrich.streams.", "ignored: no name after the prefix"));
        StreamsConfig config = new StreamsConfig(EnrichService.streamsConfig(settings, Map.of("bootstrap.servers", "unused:9092")));
        assertThat(config.getMainConsumerConfigs("g", "c", 0)).containsEntry("max.poll.records", "77");
        assertThat(config.getProducerConfigs("p")).containsEntry("compression.type", "zstd");
        // after Wirestream's own values, so it overrides them
        assertThat(config.getLong(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG)).isEqualTo(40L);
    }
}
