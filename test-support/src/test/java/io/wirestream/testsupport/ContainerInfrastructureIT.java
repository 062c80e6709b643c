package io.wirestream.testsupport;

/** The checks on Kafka, registry and PostgreSQL containers. */
@ContainerSuite(embeddedTwin = "EmbeddedInfrastructureIT")
class ContainerInfrastructureIT extends InfrastructureCases {

    @Override
    TestInfrastructure startInfrastructure() {
        return TestInfrastructure.containers();
    }
}
