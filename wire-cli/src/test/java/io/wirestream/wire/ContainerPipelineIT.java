package io.wirestream.wire;

import io.wirestream.runtime.config.Settings;
import io.wirestream.testsupport.ContainerSuite;
import io.wirestream.testsupport.TestInfrastructure;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;

/**
 * The same journeys against the production kind of infrastructure: Apache Kafka and Confluent Schema Registry in
 * containers (test-support's {@link TestInfrastructure#containers()}). Where no Docker engine runs, the class is
 * skipped with one line and EmbeddedPipelineIT stands.
 */
@ContainerSuite(embeddedTwin = "EmbeddedPipelineIT")
class ContainerPipelineIT extends PipelineJourneys {

    TestInfrastructure infrastructure;

    @Override
    LocalPipeline startPipeline(Path dataDir) {
        infrastructure = TestInfrastructure.containers();
        return new LocalPipeline(dataDir, freePorts()).startAgainst(infrastructure.bootstrapServers(),
                infrastructure.registryUrl(), Settings.ofValues(Map.of()), TEST_SETTINGS);
    }

    /** The pipeline first, then what it runs on. */
    @Override
    @AfterAll
    void stop() {
        super.stop();
        if (infrastructure != null) {
            infrastructure.close();
        }
    }
}
