package io.wirestream.runtime.logging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A service main logs with the services' configuration whatever comes first on the classpath (here a decoy
 * {@code log4j2.xml} that would log {@code io.wirestream} at ERROR only, as the CLI's once did), at INFO, as plain
 * text by default and as JSON lines with {@code log.format=json}. Each case is a child JVM, since logging set-up is
 * process-wide.
 */
class ServiceLoggingTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void jsonLinesCarryTimestampLevelLoggerMessageAndServiceName() throws Exception {
        List<String> lines = runUntilStarted(Map.of("WIRE_LOG_FORMAT", "json"));

        assertThat(lines).isNotEmpty().noneMatch(l -> l.contains("DECOY"));
        List<JsonNode> events = new ArrayList<>();
        for (String line : lines) {
            events.add(JSON.readTree(line)); // every line is one JSON object
        }
        assertThat(events).allSatisfy(e -> {
            assertThat(e.isObject()).isTrue();
            assertThat(e.path("@timestamp").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
            assertThat(e.path("service.name").asText()).isEqualTo(LoggingProbeMain.NAME);
            assertThat(e.path("log.level").asText()).isIn("INFO", "WARN", "ERROR");
            assertThat(e.path("log.logger").asText()).isNotBlank();
        });
        JsonNode hello = events.stream().filter(e -> e.path("message").asText().contains("hello")).findFirst().orElseThrow();
        assertThat(hello.path("message").asText()).isEqualTo("probe says \"hello\" at INFO");
        assertThat(hello.path("log.level").asText()).isEqualTo("INFO");
        assertThat(hello.path("log.logger").asText()).isEqualTo("io.wirestream.probe.ProbeService");
        JsonNode warning = events.stream().filter(e -> e.path("log.level").asText().equals("WARN")).findFirst().orElseThrow();
        assertThat(warning.path("error.type").asText()).isEqualTo(IllegalStateException.class.getName());
        assertThat(warning.path("error.message").asText()).isEqualTo("probe failure");
        assertThat(warning.path("error.stack_trace").asText()).contains("LoggingProbeMain");
        assertThat(events).anySatisfy(e -> assertThat(e.path("message").asText()).isEqualTo(LoggingProbeMain.NAME + " started"));
        assertThat(events).anySatisfy(e -> assertThat(e.path("message").asText()).isEqualTo(LoggingProbeMain.NAME + " stopped"));
        assertThat(lines).noneMatch(l -> l.contains("below"));
    }

    @Test
    void plainTextIsTheDefaultAndServicesLogAtInfo() throws Exception {
        List<String> lines = runUntilStarted(Map.of());

        assertThat(lines).noneMatch(l -> l.contains("DECOY")).noneMatch(l -> l.startsWith("{"));
        assertThat(lines).anySatisfy(l -> assertThat(l)
                .matches("\\d{4}-\\d\\d-\\d\\dT\\S+ INFO +\\[probe-service] ProbeService - probe says \"hello\" at INFO"));
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("WARN").contains("probe warning with its cause"));
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("java.lang.IllegalStateException: probe failure"));
        assertThat(lines).noneMatch(l -> l.contains("below"));
    }

    @Test
    void aFormatItDoesNotKnowStopsTheServiceWithTheReason() throws Exception {
        Process p = start(Map.of("WIRE_LOG_FORMAT", "yaml"));
        List<String> lines = readLines(p);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isEqualTo(2);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(String.join("\n", lines))
                .contains("log.format").contains("expected plain or json, got 'yaml'"));
    }

    /** The child's log lines from its start until the service has started, then a SIGTERM and the lines of the stop. */
    private List<String> runUntilStarted(Map<String, String> env) throws Exception {
        Process p = start(env);
        List<String> lines = readLines(p);
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> lines.stream().anyMatch(l -> l.contains(LoggingProbeMain.NAME + " started")));
        } finally {
            p.toHandle().destroy(); // SIGTERM, leaving the output open (Process.destroy closes it) for the stop's lines
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("the probe stops on SIGTERM").isTrue();
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> lines.stream().anyMatch(l -> l.contains(LoggingProbeMain.NAME + " stopped")));
        return lines;
    }

    private Process start(Map<String, String> env) throws IOException {
        Path decoy = Files.createDirectories(dir.resolve("decoy"));
        Files.writeString(decoy.resolve("log4j2.xml"), """
                <Configuration status="WARN">
                  <Appenders><Console name="out" target="SYSTEM_ERR"><PatternLayout pattern="DECOY %m%n"/></Console></Appenders>
                  <Loggers><Logger name="io.wirestream" level="ERROR"/><Root level="ERROR"><AppenderRef ref="out"/></Root></Loggers>
                </Configuration>
                """);
        Files.writeString(decoy.resolve("log4j2-test.xml"), Files.readString(decoy.resolve("log4j2.xml")));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classpath = decoy + File.pathSeparator + System.getProperty("java.class.path");
        ProcessBuilder pb = new ProcessBuilder(java, "-cp", classpath, LoggingProbeMain.class.getName())
                .redirectErrorStream(true);
        pb.environment().keySet().removeIf(name -> name.startsWith("WIRE_") || name.equals("JAVA_TOOL_OPTIONS"));
        pb.environment().putAll(env);
        return pb.start();
    }

    private static List<String> readLines(Process p) {
        List<String> lines = new CopyOnWriteArrayList<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    lines.add(line);
                }
            } catch (IOException e) {
                lines.add("reader failed: " + e);
            }
        }, "probe-output");
        reader.setDaemon(true);
        reader.start();
        return lines;
    }
}
