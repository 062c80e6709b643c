package io.wirestream.ingest;

import io.wirestream.testsupport.ContainerSuite;
import io.wirestream.testsupport.TestInfrastructure;

/** The pull sources suite on Apache Kafka and Confluent Schema Registry containers. */
@ContainerSuite(embeddedTwin = "PullSourcesIT")
class ContainerPullSourcesIT extends PullSourcesCases {

    @Override
    TestInfrastructure startInfrastructure() {
        return TestInfrastructure.containers();
    }
}
