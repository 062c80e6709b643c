package io.wirestream.publish.it;

import io.wirestream.testsupport.ContainerSuite;
import io.wirestream.testsupport.TestInfrastructure;

/** The PostgreSQL outage suite on Apache Kafka, Confluent Schema Registry and PostgreSQL 16 containers. */
@ContainerSuite(embeddedTwin = "PostgresOutageIT")
class ContainerPostgresOutageIT extends PostgresOutageCases {

    @Override
    TestInfrastructure startInfrastructure() {
        return TestInfrastructure.containers();
    }
}
