package io.wirestream.enrich.service.links;

import io.wirestream.testsupport.TestInfrastructure;

/** The related-links stage across partitions on the embedded KRaft broker in this JVM. */
class RelatedLinkStageIT extends RelatedLinkStageCases {

    @Override
    TestInfrastructure startInfrastructure() {
        return TestInfrastructure.embedded();
    }
}
