package io.wirestream.testsupport;

/**
 * The images the container suites run on: the ones `.env` names for the production stack, so a suite that passes on
 * containers passed on what production runs (wire-cli's {@code ProductionStackTest} holds the two equal).
 */
public final class ContainerImages {

    public static final String KAFKA = "apache/kafka:4.4.0";
    public static final String SCHEMA_REGISTRY = "confluentinc/cp-schema-registry:8.1.1";
    public static final String POSTGRES = "postgres:16";

    private ContainerImages() {}
}
