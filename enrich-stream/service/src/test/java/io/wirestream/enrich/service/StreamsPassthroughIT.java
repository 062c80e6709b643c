package io.wirestream.enrich.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.wirestream.localkafka.EmbeddedKafka;
import io.wirestream.localkafka.registry.CompatibilityLevel;
import io.wirestream.localkafka.registry.EmbeddedSchemaRegistry;
import io.wirestream.runtime.config.Settings;
import io.wirestream.runtime.kafka.TopicProvisioner;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The passthrough takes effect on a real broker: enrich-stream started with nothing but environment variables for
 * them runs two stream threads ({@code WIRE_ENRICH_STREAMS_NUM_STREAM_THREADS=2}, over the default of one), and the
 * broker sees its consumers under the client id given to every Kafka client ({@code WIRE_KAFKA_CLIENT_CLIENT_ID}).
 */
class StreamsPassthroughIT {

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
    void passthroughFromTheEnvironmentReachesKafkaStreamsAndTheBrokerSeesIt() {
        String applicationId = "passthrough-it-" + UUID.randomUUID();
        Map<String, String> env = Map.of(
                "WIRE_ENRICH_STREAMS_NUM_STREAM_THREADS", "2",
                "WIRE_KAFKA_CLIENT_CLIENT_ID", "newsroom-7",
                "WIRE_KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(),
                "WIRE_REGISTRY_URL", registry.url(),
                "WIRE_ENRICH_APPLICATION_ID", applicationId,
                "WIRE_ENRICH_STATE_DIR", stateDir.toString(),
                "WIRE_ENRICH_HTTP_HOST", "127.0.0.1",
                "WIRE_ENRICH_HTTP_PORT", "0",
                "WIRE_KAFKA_TOPIC_PARTITIONS", "3");
        Settings settings = Settings.of(Map.of(), env, Map.of());
        // what the service's main does before anything starts
        StreamsPassthroughTest.DECLARED.validate(settings);

        service = new EnrichService(settings, EnrichTopologyTest.LINE_NORMALISER, serdes -> List.of());
        service.start();
        await().atMost(Duration.ofSeconds(90)).until(() -> service.state() == KafkaStreams.State.RUNNING);

        try (Admin admin = kafka.admin()) {
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                Collection<MemberDescription> members = admin.describeConsumerGroups(List.of(applicationId)).all().get()
                        .get(applicationId).members();
                assertThat(members).as("one group member per stream thread").hasSize(2);
                assertThat(members).extracting(MemberDescription::clientId)
                        .allSatisfy(id -> assertThat(id).startsWith("newsroom-7-StreamThread-"));
            });
        }
    }

    @Test
    void withoutThePassthroughTheServiceRunsItsDefaultOfOneThread() {
        String applicationId = "passthrough-it-default-" + UUID.randomUUID();
        service = new EnrichService(Settings.ofValues(Map.of(
                "kafka.bootstrap.servers", kafka.bootstrapServers(),
                "registry.url", registry.url(),
                "enrich.application.id", applicationId,
                "enrich.state.dir", stateDir.toString(),
                "enrich.http.host", "127.0.0.1",
                "enrich.http.port", "0",
                "kafka.topic.partitions", "3")), EnrichTopologyTest.LINE_NORMALISER, serdes -> List.of());
        service.start();
        await().atMost(Duration.ofSeconds(90)).until(() -> service.state() == KafkaStreams.State.RUNNING);

        try (Admin admin = kafka.admin()) {
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                Collection<MemberDescription> members = admin.describeConsumerGroups(List.of(applicationId)).all().get()
                        .get(applicationId).members();
                assertThat(members).hasSize(1);
                assertThat(members).extracting(MemberDescription::clientId).allSatisfy(id -> assertThat(id).startsWith(applicationId));
            });
        }
    }
}
