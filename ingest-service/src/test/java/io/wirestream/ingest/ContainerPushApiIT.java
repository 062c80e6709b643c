package io.wirestream.ingest;

import io.wirestream.testsupport.ContainerSuite;
import io.wirestream.testsupport.TestInfrastructure;

/** The push API suite on Apache Kafka and Confluent Schema Registry containers. */
@ContainerSuite(embeddedTwin = "PushApiIT")
class ContainerPushApiIT extends PushApiCases {

    @Override
    TestInfrastructure startInfrastructure() {
        return TestInfrastructure.containers();
    }
}
