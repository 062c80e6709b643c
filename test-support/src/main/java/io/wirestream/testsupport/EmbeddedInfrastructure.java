package io.wirestream.testsupport;

import io.wirestream.localkafka.EmbeddedKafka;
import io.wirestream.localkafka.registry.CompatibilityLevel;
import io.wirestream.localkafka.registry.EmbeddedSchemaRegistry;
import java.util.Map;

/**
 * A fresh single-node KRaft broker in this JVM (data deleted on close), the embedded registry kept in that broker
 * at BACKWARD_TRANSITIVE as in production, and the machine's PostgreSQL (there is no embedded PostgreSQL; suites
 * keep apart by schema). {@link #interruptKafka()} stops the broker process, so clients meet refused connections.
 */
final class EmbeddedInfrastructure implements TestInfrastructure {

    private final EmbeddedKafka kafka;
    private EmbeddedSchemaRegistry registry;

    private EmbeddedInfrastructure(EmbeddedKafka kafka) {
        this.kafka = kafka;
    }

    static EmbeddedInfrastructure start() {
        return new EmbeddedInfrastructure(EmbeddedKafka.startTemporary());
    }

    @Override
    public String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    @Override
    public synchronized String registryUrl() {
        if (registry == null) {
            registry = EmbeddedSchemaRegistry.start(Map.of("bootstrap.servers", kafka.bootstrapServers()), "127.0.0.1", 0,
                    CompatibilityLevel.BACKWARD_TRANSITIVE);
        }
        return registry.url();
    }

    @Override
    public PostgresEndpoint postgres() {
        return PostgresEndpoint.ofThisMachine();
    }

    @Override
    public void interruptKafka() {
        kafka.stop();
    }

    @Override
    public void resumeKafka() {
        kafka.start();
    }

    @Override
    public String description() {
        return "embedded Kafka at " + kafka.bootstrapServers() + ", PostgreSQL " + postgres();
    }

    @Override
    public synchronized void close() {
        if (registry != null) {
            registry.close();
        }
        kafka.close();
    }
}
