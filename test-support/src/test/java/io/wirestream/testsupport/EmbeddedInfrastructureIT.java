package io.wirestream.testsupport;

/** The checks on the embedded broker and registry and the machine's PostgreSQL. */
class EmbeddedInfrastructureIT extends InfrastructureCases {

    @Override
    TestInfrastructure startInfrastructure() {
        return TestInfrastructure.embedded();
    }
}
