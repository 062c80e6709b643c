package io.wirestream.wire;

import io.wirestream.platform.config.Settings;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.kafka.KafkaContainer;

/**
 * The same journeys against the production kind of infrastructure: Apache Kafka and Confluent Schema Registry in
 * containers. Runs where a Docker engine exists; elsewhere it skips with one line and the embedded suite stands.
 */
class ContainerPipelineIT extends PipelineJourneys {

    static final String KAFKA_IMAGE = "apache/kafka:4.1.0";
    static final String REGISTRY_IMAGE = "confluentinc/cp-schema-registry:8.0.0";

    Network network;
    KafkaContainer kafka;
    GenericContainer<?> registry;

    @Override
    LocalPipeline startPipeline(Path dataDir) {
        boolean docker = dockerAvailable();
        if (!docker) {
            System.out.println("ContainerPipelineIT: no Docker engine here, container suite skipped (EmbeddedPipelineIT runs the same tests)");
        }
        Assumptions.assumeTrue(docker, "no Docker engine: container suite skipped; EmbeddedPipelineIT runs the same tests");
        network = Network.newNetwork();
        kafka = new KafkaContainer(KAFKA_IMAGE).withNetwork(network).withListener("kafka:19092");
        kafka.start();
        registry = new GenericContainer<>(REGISTRY_IMAGE).withNetwork(network).withExposedPorts(8081)
                .withEnv("SCHEMA_REGISTRY_HOST_NAME", "schema-registry")
                .withEnv("SCHEMA_REGISTRY_LISTENERS", "http://0.0.0.0:8081")
                .withEnv("SCHEMA_REGISTRY_KAFKASTORE_BOOTSTRAP_SERVERS", "PLAINTEXT://kafka:19092")
                .waitingFor(Wait.forHttp("/subjects").forStatusCode(200).withStartupTimeout(Duration.ofMinutes(2)));
        registry.start();
        String registryUrl = "http://" + registry.getHost() + ":" + registry.getMappedPort(8081);
        return new LocalPipeline(dataDir, freePorts()).startAgainst(kafka.getBootstrapServers(), registryUrl,
                Settings.ofValues(java.util.Map.of()), TEST_SETTINGS);
    }

    static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | Error e) {
            return false;
        }
    }

    /** The pipeline first, then what it runs on. */
    @Override
    @AfterAll
    void stop() {
        super.stop();
        if (registry != null) {
            registry.stop();
        }
        if (kafka != null) {
            kafka.stop();
        }
        if (network != null) {
            network.close();
        }
    }
}
