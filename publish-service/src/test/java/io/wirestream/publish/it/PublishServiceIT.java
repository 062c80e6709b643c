package io.wirestream.publish.it;

import io.wirestream.testsupport.TestInfrastructure;

/** The publish-service suite on the embedded KRaft broker and registry in this JVM and the machine's PostgreSQL. */
class PublishServiceIT extends PublishServiceCases {

    @Override
    TestInfrastructure startInfrastructure() {
        return TestInfrastructure.embedded();
    }
}
