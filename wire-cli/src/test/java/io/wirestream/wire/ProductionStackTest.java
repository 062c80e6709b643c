package io.wirestream.wire;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.testsupport.ContainerImages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What docker-compose.yml promises about data and health, read from the file (no Docker engine needed). */
class ProductionStackTest {

    private static final Path ROOT = ConfigurationReferenceTest.ROOT;
    private static List<String> compose;
    private static Map<String, String> dotEnv;

    @BeforeAll
    static void read() throws IOException {
        compose = Files.readAllLines(ROOT.resolve("docker-compose.yml"));
        dotEnv = new LinkedHashMap<>();
        for (String line : Files.readAllLines(ROOT.resolve(".env"))) {
            int eq = line.indexOf('=');
            if (!line.startsWith("#") && eq > 0) {
                dotEnv.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
            }
        }
    }

    @Test
    void everyKafkaNodeWritesItsLogsIntoItsVolume() {
        // apache/kafka's default log dir is under /tmp: data there is lost when the container is recreated
        String logDirs = valueIn(block("x-kafka-env: &kafka-env"), "KAFKA_LOG_DIRS");
        assertThat(logDirs).as("KAFKA_LOG_DIRS in x-kafka-env").isNotNull().doesNotStartWith("/tmp");
        for (String node : List.of("kafka-1", "kafka-2", "kafka-3")) {
            List<String> block = block("  " + node + ":");
            assertThat(block).as(node + " takes the shared Kafka environment").anyMatch(l -> l.strip().equals("<<: *kafka-env"));
            assertThat(String.join("\n", block)).as(node + " mounts a volume at its log dir")
                    .containsPattern("volumes: \\[\"" + node + ":" + Pattern.quote(logDirs) + "\"]");
        }
    }

    @Test
    void everyWirestreamServiceHasAReadinessHealthcheck() {
        for (String service : List.of("ingest-service", "enrich-stream-1", "publish-service", "subscriber-service", "ops")) {
            String block = String.join("\n", block("  " + service + ":"));
            assertThat(block).as(service + " healthcheck").contains("healthcheck:").contains("/health/ready");
        }
    }

    @Test
    void containerSuitesRunTheImagesProductionRuns() {
        assertThat(ContainerImages.KAFKA).isEqualTo(dotEnv.get("KAFKA_IMAGE"));
        assertThat(ContainerImages.SCHEMA_REGISTRY).isEqualTo(dotEnv.get("SCHEMA_REGISTRY_IMAGE"));
        assertThat(ContainerImages.POSTGRES).isEqualTo(dotEnv.get("POSTGRES_IMAGE"));
    }

    /** The lines under a top-level key or a service, up to the next key at the same or a lower indent. */
    private static List<String> block(String header) {
        int start = -1;
        for (int i = 0; i < compose.size(); i++) {
            if (compose.get(i).equals(header) || compose.get(i).startsWith(header + " &")) {
                start = i;
                break;
            }
        }
        assertThat(start).as(header + " in docker-compose.yml").isNotNegative();
        int indent = compose.get(start).length() - compose.get(start).stripLeading().length();
        int end = start + 1;
        while (end < compose.size()) {
            String line = compose.get(end);
            int lineIndent = line.length() - line.stripLeading().length();
            if (!line.isBlank() && lineIndent <= indent) {
                break;
            }
            end++;
        }
        return compose.subList(start + 1, end);
    }

    private static String valueIn(List<String> block, String key) {
        Pattern p = Pattern.compile("^\\s+" + Pattern.quote(key) + ":\\s*(\\S+)\\s*$");
        for (String line : block) {
            Matcher m = p.matcher(line);
            if (m.matches()) {
                return m.group(1);
            }
        }
        return null;
    }
}
