package io.wirestream.publish.it;

import io.wirestream.testsupport.ContainerSuite;
import io.wirestream.testsupport.TestInfrastructure;

/** The publish-service suite on Apache Kafka, Confluent Schema Registry and PostgreSQL 16 containers. */
@ContainerSuite(embeddedTwin = "PublishServiceIT")
class ContainerPublishServiceIT extends PublishServiceCases {

    @Override
    TestInfrastructure startInfrastructure() {
        return TestInfrastructure.containers();
    }
}
