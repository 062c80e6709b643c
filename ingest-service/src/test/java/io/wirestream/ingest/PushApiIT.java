package io.wirestream.ingest;

import io.wirestream.testsupport.TestInfrastructure;

/** The push API suite on the embedded KRaft broker and registry in this JVM. */
class PushApiIT extends PushApiCases {

    @Override
    TestInfrastructure startInfrastructure() {
        return TestInfrastructure.embedded();
    }
}
