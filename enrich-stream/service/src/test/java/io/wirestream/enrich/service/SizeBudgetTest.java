package io.wirestream.enrich.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.runtime.config.KafkaSettings;
import io.wirestream.runtime.config.Settings;
import io.wirestream.runtime.kafka.TopicSpec;
import io.wirestream.contracts.topics.Topics;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

/**
 * One size budget end to end: the 4 MB ingest accepts becomes records of up to a few times that, and every topic,
 * internal topic and producer of enrich-stream must take them (issue 13: 1 MiB max.request.size on a repartition topic).
 */
class SizeBudgetTest {

    static final int INGEST_PUSH_LIMIT = 4 * 1024 * 1024;

    @Test
    void theDefaultBudgetLetsThroughAnArticleAsLargeAsTheLargestAcceptedPush() {
        int budget = Settings.ofValues(Map.of()).get(KafkaSettings.MAX_RECORD_BYTES);
        assertThat(NormaliseProcessor.maxArticleBytes(budget)).isGreaterThanOrEqualTo(INGEST_PUSH_LIMIT);
    }

    @Test
    void everyProvisionedTopicTakesRecordsUpToTheBudget() {
        Settings settings = Settings.ofValues(Map.of("kafka.max.record.bytes", "20000000"));
        assertThat(EnrichService.topicSpecs(settings)).extracting(TopicSpec::name)
                .containsExactlyInAnyOrderElementsOf(Topics.all().stream().map(t -> t.name()).toList());
        assertThat(EnrichService.topicSpecs(settings)).allSatisfy(spec ->
                assertThat(spec.configs()).containsEntry("max.message.bytes", "20000000"));
    }

    @Test
    void streamsInternalTopicsAndItsProducerTakeTheBudget() {
        Settings settings = Settings.ofValues(Map.of("kafka.max.record.bytes", "20000000"));
        Properties p = EnrichService.streamsConfig(settings);
        assertThat(p.get(StreamsConfig.topicPrefix("max.message.bytes"))).isEqualTo("20000000");
        assertThat(p.get(StreamsConfig.producerPrefix("max.request.size"))).isEqualTo(20000000);
        assertThat(((Number) p.get(StreamsConfig.producerPrefix("buffer.memory"))).longValue()).isGreaterThanOrEqualTo(20000000L);
        // the producer config Streams derives really carries it
        Map<String, Object> producer = new StreamsConfig(p).getProducerConfigs("client");
        assertThat(producer.get("max.request.size")).isEqualTo(20000000);
    }
}
