package io.wirestream.enrich.service.links;

import io.wirestream.testsupport.ContainerSuite;
import io.wirestream.testsupport.TestInfrastructure;

/** The related-links stage across partitions on an Apache Kafka container. */
@ContainerSuite(embeddedTwin = "RelatedLinkStageIT")
class ContainerRelatedLinkStageIT extends RelatedLinkStageCases {

    @Override
    TestInfrastructure startInfrastructure() {
        return TestInfrastructure.containers();
    }
}
