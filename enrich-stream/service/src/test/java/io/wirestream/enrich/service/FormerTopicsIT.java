package io.wirestream.enrich.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.wirestream.avro.Article;
import io.wirestream.localkafka.EmbeddedKafka;
import io.wirestream.localkafka.registry.CompatibilityLevel;
import io.wirestream.localkafka.registry.EmbeddedSchemaRegistry;
import io.wirestream.runtime.config.Settings;
import io.wirestream.runtime.kafka.TopicProvisioner;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A topic a stage only still reads (what an earlier version passed through it is applied after an upgrade) is
 * created where it is missing and left as it is where it exists: Kafka Streams made it with settings of its own, and
 * a deployment that refuses mismatched topics must still start.
 */
class FormerTopicsIT {

    static EmbeddedKafka kafka;
    static EmbeddedSchemaRegistry registry;

    @TempDir
    Path stateDir;
    EnrichService service;

    @BeforeAll
    static void startBroker() {
        kafka = EmbeddedKafka.startTemporary();
        registry = EmbeddedSchemaRegistry.start(Map.of("bootstrap.servers", kafka.bootstrapServers()), "127.0.0.1", 0,
                CompatibilityLevel.BACKWARD_TRANSITIVE);
        try (Admin admin = kafka.admin()) {
            new TopicProvisioner(admin, Duration.ofSeconds(60))
                    .ensure(EnrichService.topicSpecs(Settings.ofValues(Map.of("kafka.topic.partitions", "3"))));
        }
    }

    @AfterAll
    static void stopBroker() {
        if (registry != null) {
            registry.close();
        }
        kafka.close();
    }

    @AfterEach
    void stopService() {
        if (service != null) {
            service.stop();
        }
    }

    @Test
    void aFormerTopicIsCreatedWhereMissingAndLeftAsStreamsMadeItWhereItExists() throws Exception {
        String existing = "former-it-left-by-streams-repartition";
        String missing = "former-it-never-made-repartition";
        try (Admin admin = kafka.admin()) {
            // as Kafka Streams makes a repartition topic: kept until it purges what it has read
            admin.createTopics(List.of(new NewTopic(existing, 3, (short) 1).configs(Map.of("retention.ms", "-1")))).all().get();
        }
        ArticleStage stage = new ArticleStage() {
            @Override
            public KStream<String, Article> apply(StreamsBuilder builder, KStream<String, Article> articles) {
                return articles;
            }

            @Override
            public List<String> formerTopics() {
                return List.of(existing, missing);
            }
        };
        service = new EnrichService(Settings.ofValues(Map.of(
                "kafka.bootstrap.servers", kafka.bootstrapServers(),
                "registry.url", registry.url(),
                "enrich.application.id", "former-it",
                "enrich.state.dir", stateDir.toString(),
                "enrich.http.host", "127.0.0.1",
                "enrich.http.port", "0",
                "kafka.topic.fail.on.mismatch", "true",
                "kafka.topic.partitions", "3")), EnrichTopologyTest.LINE_NORMALISER, serdes -> List.of(stage));
        service.start();
        await().atMost(Duration.ofSeconds(90)).until(() -> service.state() == KafkaStreams.State.RUNNING);

        try (Admin admin = kafka.admin()) {
            var topics = admin.describeTopics(List.of(existing, missing)).allTopicNames().get();
            assertThat(topics.get(missing).partitions()).hasSize(3);
            ConfigResource left = new ConfigResource(ConfigResource.Type.TOPIC, existing);
            assertThat(admin.describeConfigs(List.of(left)).all().get().get(left).get("retention.ms").value())
                    .as("not compared, not changed").isEqualTo("-1");
        }
    }
}
