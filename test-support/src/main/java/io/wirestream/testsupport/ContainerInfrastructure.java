package io.wirestream.testsupport;

import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.PostgreSQLContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.kafka.KafkaContainer;

/**
 * The production kind of infrastructure in Testcontainers: Apache Kafka (KRaft, one node), Confluent Schema Registry
 * at BACKWARD_TRANSITIVE as in docker-compose.yml, and PostgreSQL 16, fresh for each suite.
 *
 * <p>{@link #interruptKafka()} pauses the Kafka container (cgroup freezer): the broker keeps its address and data
 * but answers nothing, so clients meet requests that hang until their timeouts rather than refused connections.
 * Stopping and starting the container instead would give it a new mapped port, which is a different broker address
 * as far as clients are concerned, so a pause is the honest outage here.
 */
final class ContainerInfrastructure implements TestInfrastructure {

    private static final String KAFKA_IMAGE = ContainerImages.KAFKA;
    private static final String REGISTRY_IMAGE = ContainerImages.SCHEMA_REGISTRY;
    private static final String POSTGRES_IMAGE = ContainerImages.POSTGRES;

    private static Boolean dockerAvailable;

    private final Network network;
    private final KafkaContainer kafka;
    private GenericContainer<?> registry;
    private PostgreSQLContainer<?> postgres;
    private boolean kafkaPaused;

    private ContainerInfrastructure() {
        network = Network.newNetwork();
        kafka = new KafkaContainer(KAFKA_IMAGE).withNetwork(network).withListener("kafka:19092");
    }

    static ContainerInfrastructure start() {
        Assumptions.assumeTrue(dockerAvailable(), "no Docker engine here: container suite skipped");
        ContainerInfrastructure infrastructure = new ContainerInfrastructure();
        try {
            infrastructure.kafka.start();
        } catch (RuntimeException e) {
            infrastructure.close();
            throw e;
        }
        return infrastructure;
    }

    /** Asked once per JVM: Testcontainers' own probe can take seconds to give up. */
    static synchronized boolean dockerAvailable() {
        if (dockerAvailable == null) {
            try {
                dockerAvailable = DockerClientFactory.instance().isDockerAvailable();
            } catch (RuntimeException | Error e) {
                dockerAvailable = false;
            }
        }
        return dockerAvailable;
    }

    @Override
    public String bootstrapServers() {
        return kafka.getBootstrapServers();
    }

    @Override
    public synchronized String registryUrl() {
        if (registry == null) {
            GenericContainer<?> started = new GenericContainer<>(REGISTRY_IMAGE).withNetwork(network).withExposedPorts(8081)
                    .withEnv("SCHEMA_REGISTRY_HOST_NAME", "schema-registry")
                    .withEnv("SCHEMA_REGISTRY_LISTENERS", "http://0.0.0.0:8081")
                    .withEnv("SCHEMA_REGISTRY_KAFKASTORE_BOOTSTRAP_SERVERS", "PLAINTEXT://kafka:19092")
                    .withEnv("SCHEMA_REGISTRY_SCHEMA_COMPATIBILITY_LEVEL", "backward_transitive")
                    .waitingFor(Wait.forHttp("/subjects").forStatusCode(200).withStartupTimeout(Duration.ofMinutes(2)));
            started.start();
            registry = started;
        }
        return "http://" + registry.getHost() + ":" + registry.getMappedPort(8081);
    }

    @Override
    public synchronized PostgresEndpoint postgres() {
        if (postgres == null) {
            PostgreSQLContainer<?> started = new PostgreSQLContainer<>(POSTGRES_IMAGE);
            started.start();
            postgres = started;
        }
        return new PostgresEndpoint(postgres.getJdbcUrl(), postgres.getUsername(), postgres.getPassword());
    }

    @Override
    public synchronized void interruptKafka() {
        if (!kafkaPaused) {
            DockerClientFactory.instance().client().pauseContainerCmd(kafka.getContainerId()).exec();
            kafkaPaused = true;
        }
    }

    @Override
    public synchronized void resumeKafka() {
        if (kafkaPaused) {
            DockerClientFactory.instance().client().unpauseContainerCmd(kafka.getContainerId()).exec();
            kafkaPaused = false;
        }
    }

    @Override
    public String description() {
        return KAFKA_IMAGE + " at " + kafka.getBootstrapServers() + (registry == null ? "" : ", " + REGISTRY_IMAGE)
                + (postgres == null ? "" : ", " + POSTGRES_IMAGE);
    }

    /** What depends on Kafka first; a paused container cannot be stopped, so it is resumed before. */
    @Override
    public synchronized void close() {
        if (registry != null) {
            registry.stop();
        }
        if (postgres != null) {
            postgres.stop();
        }
        if (kafkaPaused) {
            resumeKafka();
        }
        kafka.stop();
        network.close();
    }
}
