package io.wirestream.enrich.service.dedupe;

import io.wirestream.testsupport.ContainerSuite;
import io.wirestream.testsupport.TestInfrastructure;

/** The dedupe stage across an instance kill on an Apache Kafka container. */
@ContainerSuite(embeddedTwin = "StoryDedupeStageIT")
class ContainerStoryDedupeStageIT extends StoryDedupeStageCases {

    @Override
    TestInfrastructure startInfrastructure() {
        return TestInfrastructure.containers();
    }
}
