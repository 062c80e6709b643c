package io.wirestream.enrich.service.dedupe;

import io.wirestream.testsupport.TestInfrastructure;

/** The dedupe stage across an instance kill on the embedded KRaft broker in this JVM. */
class StoryDedupeStageIT extends StoryDedupeStageCases {

    @Override
    TestInfrastructure startInfrastructure() {
        return TestInfrastructure.embedded();
    }
}
