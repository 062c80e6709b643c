package io.wirestream.subscribers;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.runtime.image.ServiceImage;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The subscriber-service image (Dockerfile target subscriber-service) holds this module's jar and its runtime
 * dependencies, nothing else: no broker, no Scala, no wire CLI, no other service. Runs after {@code package}, on the jar
 * and lib folder it made.
 */
class ServiceImageIT {

    @Test
    void theImageHoldsThisServiceAlone() {
        ServiceImage.Report image = ServiceImage.ofThisBuild("subscriber-service");

        assertThat(image.problems()).as("what is wrong with the subscriber-service image").isEmpty();
        assertThat(image.appArtifact()).contains("subscriber-service");
        assertThat(image.mainClass()).contains(SubscriberServiceMain.class.getName());
        assertThat(image.moduleDir()).contains(Path.of("").toAbsolutePath());
        assertThat(image.artifacts()).as("jars in the image")
                .contains("subscriber-service", "runtime", "contracts", "newsformats", "kafka-streams", "log4j-core")
                .doesNotContain("kafka_2.13", "kafka-server", "scala-library", "local-kafka", "wire", "publish-service");
    }
}
