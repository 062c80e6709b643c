package io.wirestream.ingest;

import io.wirestream.testsupport.ContainerSuite;
import io.wirestream.testsupport.TestInfrastructure;

/**
 * The Kafka outage suite on Apache Kafka and Confluent Schema Registry containers. The Kafka container is paused for
 * the outage: the broker keeps its mapped port but answers nothing, so every wait ends in a timeout, not a refusal.
 */
@ContainerSuite(embeddedTwin = "KafkaOutageIT")
class ContainerKafkaOutageIT extends KafkaOutageCases {

    @Override
    TestInfrastructure startInfrastructure() {
        return TestInfrastructure.containers();
    }
}
