package io.wirestream.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.wirestream.enrich.service.EnrichServiceMain;
import io.wirestream.ingest.IngestServiceMain;
import io.wirestream.ops.OpsMain;
import io.wirestream.publish.PublishServiceMain;
import io.wirestream.subscribers.SubscriberServiceMain;
import io.wirestream.runtime.config.DeclaredSettings;
import io.wirestream.runtime.config.Settings;
import io.wirestream.runtime.lifecycle.ServiceMain;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each service refuses a setting that is not its own, so each compose service must get only its own WIRE_* variables,
 * with values that parse once .env is substituted: the check a service does at start, done here for the stack.
 */
class ComposeServiceSettingsTest {

    private static final Path ROOT = ConfigurationReferenceTest.ROOT;
    private static final Pattern VARIABLE = Pattern.compile("^\\s+(WIRE_[A-Z0-9_]+):\\s*(.*?)\\s*$");
    private static final Pattern SUBSTITUTION = Pattern.compile("\\$\\{([A-Z0-9_]+)}");

    @ParameterizedTest
    @CsvSource({"ingest-service, ingest", "enrich-stream-1, enrich", "publish-service, publish", "ops, ops", "subscriber-service, subscribers"})
    void everyComposeServiceStartsWithTheVariablesItIsGiven(String composeService, String service) throws IOException {
        List<String> compose = Files.readAllLines(ROOT.resolve("docker-compose.yml"));
        Map<String, String> dotEnv = dotEnv();
        Map<String, String> environment = new LinkedHashMap<>();
        List<String> block = block(compose, composeService);
        if (block.stream().anyMatch(line -> line.strip().equals("<<: *wire-env"))) {
            environment.putAll(variables(anchor(compose, "x-wire-env: &wire-env"), dotEnv));
        }
        environment.putAll(variables(block, dotEnv));
        assertThat(environment).as(composeService + " is configured through WIRE_* variables").isNotEmpty();

        DeclaredSettings declared = ServiceMain.accepted(declaredOf(service));
        assertThatCode(() -> declared.validate(Settings.of(Map.of(), environment, Map.of())))
                .as("%s with %s", composeService, environment.keySet())
                .doesNotThrowAnyException();
    }

    private static DeclaredSettings declaredOf(String service) {
        return switch (service) {
            case "ingest" -> IngestServiceMain.DECLARED;
            case "enrich" -> EnrichServiceMain.DECLARED;
            case "publish" -> PublishServiceMain.DECLARED;
            case "ops" -> OpsMain.DECLARED;
            case "subscribers" -> SubscriberServiceMain.DECLARED;
            default -> throw new IllegalArgumentException(service);
        };
    }

    /** The lines of one service under {@code services:}, up to the next service. */
    private static List<String> block(List<String> compose, String service) {
        int start = compose.indexOf("  " + service + ":");
        if (start < 0) {
            start = compose.indexOf("  " + service + ": &enrich");
        }
        assertThat(start).as("service " + service + " in docker-compose.yml").isNotNegative();
        int end = start + 1;
        while (end < compose.size() && !compose.get(end).matches("^  \\S.*") && !compose.get(end).matches("^\\S.*")) {
            end++;
        }
        return compose.subList(start + 1, end);
    }

    private static List<String> anchor(List<String> compose, String header) {
        int start = compose.indexOf(header);
        assertThat(start).as(header + " in docker-compose.yml").isNotNegative();
        int end = start + 1;
        while (end < compose.size() && compose.get(end).startsWith(" ")) {
            end++;
        }
        return compose.subList(start + 1, end);
    }

    private static Map<String, String> variables(List<String> lines, Map<String, String> dotEnv) {
        Map<String, String> result = new LinkedHashMap<>();
        for (String line : lines) {
            Matcher m = VARIABLE.matcher(line);
            if (m.matches()) {
                String value = m.group(2).replaceAll("^\"|\"$", "");
                Matcher s = SUBSTITUTION.matcher(value);
                StringBuilder substituted = new StringBuilder();
                while (s.find()) {
                    assertThat(dotEnv).as(".env defines " + s.group(1)).containsKey(s.group(1));
                    s.appendReplacement(substituted, Matcher.quoteReplacement(dotEnv.get(s.group(1))));
                }
                s.appendTail(substituted);
                result.put(m.group(1), substituted.toString());
            }
        }
        return result;
    }

    private static Map<String, String> dotEnv() throws IOException {
        Map<String, String> values = new LinkedHashMap<>();
        for (String line : Files.readAllLines(ROOT.resolve(".env"))) {
            int eq = line.indexOf('=');
            if (!line.startsWith("#") && eq > 0) {
                values.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
            }
        }
        return values;
    }
}
