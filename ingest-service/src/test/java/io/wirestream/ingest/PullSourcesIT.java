package io.wirestream.ingest;

import io.wirestream.testsupport.TestInfrastructure;

/** The pull sources suite on the embedded KRaft broker and registry in this JVM. */
class PullSourcesIT extends PullSourcesCases {

    @Override
    TestInfrastructure startInfrastructure() {
        return TestInfrastructure.embedded();
    }
}
