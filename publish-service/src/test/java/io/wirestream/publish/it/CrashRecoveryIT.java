package io.wirestream.publish.it;

import io.wirestream.testsupport.TestInfrastructure;

/** The crash recovery suite on the embedded KRaft broker and registry in this JVM and the machine's PostgreSQL. */
class CrashRecoveryIT extends CrashRecoveryCases {

    @Override
    TestInfrastructure startInfrastructure() {
        return TestInfrastructure.embedded();
    }
}
