package io.wirestream.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.runtime.image.ServiceImage;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The ingest-service image (Dockerfile target ingest-service) holds this module's jar and its runtime dependencies, nothing else:
 * no broker, no Scala, no wire CLI, no other service. Runs after {@code package}, on the jar and lib folder it made.
 */
class ServiceImageIT {

    @Test
    void theImageHoldsThisServiceAlone() {
        ServiceImage.Report image = ServiceImage.ofThisBuild("ingest-service");

        assertThat(image.problems()).as("what is wrong with the ingest-service image").isEmpty();
        assertThat(image.appArtifact()).contains("ingest-service");
        assertThat(image.mainClass()).contains(IngestServiceMain.class.getName());
        assertThat(image.moduleDir()).contains(Path.of("").toAbsolutePath());
        assertThat(image.artifacts()).as("jars in the image")
                .contains("ingest-service", "runtime", "contracts", "log4j-core")
                .doesNotContain("kafka_2.13", "kafka-server", "scala-library", "local-kafka", "wire");
    }
}
