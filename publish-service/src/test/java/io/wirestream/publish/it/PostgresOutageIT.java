package io.wirestream.publish.it;

import io.wirestream.testsupport.TestInfrastructure;

/** The PostgreSQL outage suite on the embedded KRaft broker and registry in this JVM and the machine's PostgreSQL. */
class PostgresOutageIT extends PostgresOutageCases {

    @Override
    TestInfrastructure startInfrastructure() {
        return TestInfrastructure.embedded();
    }
}
