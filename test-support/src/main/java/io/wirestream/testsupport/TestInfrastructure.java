package io.wirestream.testsupport;

import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * What an integration suite runs on: a Kafka cluster, a Confluent-API schema registry and a PostgreSQL server,
 * started for one suite and closed after it. Suites write their test bodies once against this interface and run
 * them twice: on {@link #embedded()} (everywhere, in this JVM) and on {@link #containers()} (where a Docker engine
 * exists: the production kind of broker, registry and database). A container suite is marked {@link ContainerSuite},
 * which skips it with one line where there is no Docker engine.
 *
 * <p>Kafka starts with the infrastructure; the registry and PostgreSQL start on first use, so a suite that needs
 * only a broker pays for nothing else.
 */
public interface TestInfrastructure extends AutoCloseable {

    /** The embedded KRaft broker and registry in this JVM, and the machine's PostgreSQL. */
    static TestInfrastructure embedded() {
        return EmbeddedInfrastructure.start();
    }

    /**
     * Apache Kafka, Confluent Schema Registry and PostgreSQL in containers. Called without a Docker engine (a suite
     * not marked {@link ContainerSuite}) it aborts the calling test or lifecycle method, which JUnit reports skipped.
     */
    static TestInfrastructure containers() {
        return ContainerInfrastructure.start();
    }

    /** Kafka's bootstrap servers, reachable from this JVM and from child processes on this machine. */
    String bootstrapServers();

    /** The schema registry's base URL (started on first call). */
    String registryUrl();

    /** A PostgreSQL database the suite may create schemas in (started on first call). */
    PostgresEndpoint postgres();

    /**
     * Makes the broker unreachable for clients while keeping its address and its data, until {@link #resumeKafka()}.
     * How depends on the implementation (see there): either way no request gets an answer.
     */
    void interruptKafka();

    /** Brings the broker back after {@link #interruptKafka()} at the same address with the same data. */
    void resumeKafka();

    /** A few words on what this is, for test output. */
    String description();

    /** An admin client for the broker; the caller closes it. */
    default Admin admin() {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        return Admin.create(p);
    }

    /** Stops everything started for the suite and deletes its data. */
    @Override
    void close();
}
