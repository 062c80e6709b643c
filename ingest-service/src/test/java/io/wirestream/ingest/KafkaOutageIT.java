package io.wirestream.ingest;

import io.wirestream.testsupport.TestInfrastructure;

/** The Kafka outage suite on the embedded KRaft broker, stopped for the outage: connections are refused. */
class KafkaOutageIT extends KafkaOutageCases {

    @Override
    TestInfrastructure startInfrastructure() {
        return TestInfrastructure.embedded();
    }
}
