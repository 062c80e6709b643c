package io.wirestream.wire;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.ingest.auth.AgencyName;
import io.wirestream.ingest.auth.CredentialStore;
import io.wirestream.ingest.auth.FirstAgencyKey;
import io.wirestream.runtime.image.Dockerfile;
import io.wirestream.testsupport.ContainerImages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

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

    @Test
    @SuppressWarnings("unchecked")
    void aFreshStackMakesTheFirstAgencyKeyBeforeIngestStarts(@TempDir Path config) throws IOException {
        // ingest-service is ready only with a key in its credentials file, and the shipped file holds none
        Map<String, Object> services = (Map<String, Object>) new Yaml(new SafeConstructor(new LoaderOptions()))
                .<Map<String, Object>>load(String.join("\n", compose)).get("services");
        Map<String, Object> keys = (Map<String, Object>) services.get("ingest-keys");
        Map<String, Object> ingest = (Map<String, Object>) services.get("ingest-service");
        assertThat(keys).as("the ingest-keys service").isNotNull();

        assertThat(keys.get("image")).as("the ingest image").isEqualTo(ingest.get("image"));
        assertThat(keys.get("build")).isEqualTo(ingest.get("build"));
        assertThat(keys.get("restart")).as("a one-shot").isEqualTo("no");
        Map<String, Object> waitsFor = (Map<String, Object>) ((Map<String, Object>) ingest.get("depends_on")).get("ingest-keys");
        assertThat(waitsFor).as("ingest-service waits for ingest-keys").containsEntry("condition", "service_completed_successfully");

        List<String> entrypoint = (List<String>) keys.get("entrypoint");
        assertThat(entrypoint).containsExactly("java", "-cp", "/app/ingest-service.jar:/app/lib/*", FirstAgencyKey.class.getName());
        List<String> copiedTo = Dockerfile.read(ROOT.resolve("Dockerfile")).chain("ingest-service").stream()
                .flatMap(stage -> stage.copies().stream()).map(Dockerfile.Copy::destination).toList();
        assertThat(copiedTo).as("what the ingest image holds").contains("/app/ingest-service.jar", "/app/lib");

        List<String> command = ((List<String>) keys.get("command")).stream().map(ProductionStackTest::substituted).toList();
        assertThat(command).hasSize(3);
        String credentials = String.valueOf(((Map<String, Object>) ingest.get("environment")).get("WIRE_INGEST_CREDENTIALS_FILE"));
        assertThat(command.get(0)).as("the file ingest-service reads").isEqualTo(credentials);
        String agency = command.get(1);
        assertThat(AgencyName.isValid(agency)).as("FIRST_AGENCY in .env: " + agency).isTrue();
        String folder = credentials.substring(0, credentials.lastIndexOf('/'));
        assertThat(command.get(2)).as("the key file, beside the credentials").startsWith(folder + "/");
        String mount = ((List<String>) ingest.get("volumes")).stream().filter(v -> v.contains(":" + folder + ":") || v.endsWith(":" + folder))
                .findFirst().orElseThrow(() -> new AssertionError("ingest-service mounts nothing at " + folder));
        String hostFolder = mount.substring(0, mount.indexOf(':'));
        assertThat((List<String>) keys.get("volumes")).as("ingest-keys writes into the folder ingest-service reads")
                .containsExactly(hostFolder + ":" + folder);

        // on the shipped credentials file, the step leaves a key that ingest-service accepts
        Path shipped = ROOT.resolve(hostFolder).resolve(credentials.substring(folder.length() + 1)).normalize();
        Files.copy(shipped, config.resolve("credentials"));
        assertThat(new CredentialStore(config.resolve("credentials"), Duration.ZERO, Clock.systemUTC()).size())
                .as("keys in the shipped " + ROOT.relativize(shipped)).isZero();
        FirstAgencyKey.ensure(config.resolve("credentials"), agency, config.resolve(agency + ".key"), Clock.systemUTC());
        CredentialStore store = new CredentialStore(config.resolve("credentials"), Duration.ZERO, Clock.systemUTC());
        assertThat(store.size()).isEqualTo(1);
        assertThat(store.agencyFor(Files.readString(config.resolve(agency + ".key")).strip())).contains(agency);
    }

    private static String substituted(String value) {
        Matcher m = Pattern.compile("\\$\\{([A-Z0-9_]+)}").matcher(value);
        StringBuilder result = new StringBuilder();
        while (m.find()) {
            assertThat(dotEnv).as(".env defines " + m.group(1)).containsKey(m.group(1));
            m.appendReplacement(result, Matcher.quoteReplacement(dotEnv.get(m.group(1))));
        }
        return m.appendTail(result).toString();
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
