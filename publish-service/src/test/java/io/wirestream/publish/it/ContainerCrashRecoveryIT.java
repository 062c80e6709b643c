package io.wirestream.publish.it;

import io.wirestream.testsupport.ContainerSuite;
import io.wirestream.testsupport.TestInfrastructure;

/** The crash recovery suite on Apache Kafka, Confluent Schema Registry and PostgreSQL 16 containers. */
@ContainerSuite(embeddedTwin = "CrashRecoveryIT")
class ContainerCrashRecoveryIT extends CrashRecoveryCases {

    @Override
    TestInfrastructure startInfrastructure() {
        return TestInfrastructure.containers();
    }
}
