package io.wirestream.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The configuration reference and the compose stack cannot drift from the settings the code declares. */
class ConfigurationReferenceTest {

    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @Test
    void theReferenceDocumentIsWhatTheCodeDeclares() throws IOException {
        String doc = Files.readString(ROOT.resolve("docs/configuration.md"));
        assertThat(doc).as("docs/configuration.md is stale: regenerate with ./wire config --markdown > docs/configuration.md")
                .isEqualTo(SettingsCatalogue.markdown());
    }

    @Test
    void everyEnvironmentVariableInTheComposeFileNamesARealSetting() throws IOException {
        String compose = Files.readString(ROOT.resolve("docker-compose.yml"));
        Matcher m = Pattern.compile("\\b(WIRE_[A-Z0-9_]+)\\s*:").matcher(compose);
        List<String> unknown = new ArrayList<>();
        int seen = 0;
        while (m.find()) {
            seen++;
            String var = m.group(1);
            boolean known = SettingsCatalogue.byEnvVar(var).isPresent()
                    || var.endsWith("_FILE") && SettingsCatalogue.byEnvVar(var.substring(0, var.length() - 5)).map(x -> x.secret()).orElse(false)
                    || SettingsCatalogue.declared().passthroughs().stream()
                            .anyMatch(p -> p.nameOfVariable(var).or(() -> p.secretFileOf(var)).isPresent());
            if (!known) {
                unknown.add(var);
            }
        }
        assertThat(seen).as("the compose file configures the services through WIRE_* variables").isGreaterThan(10);
        assertThat(unknown).as("variables in docker-compose.yml that no service reads").isEmpty();
    }

    @Test
    void settingKeysAreUniqueAcrossServices() {
        List<String> keys = SettingsCatalogue.byService().values().stream().flatMap(List::stream).map(s -> s.key()).toList();
        assertThat(keys).doesNotHaveDuplicates();
    }

    @Test
    void dockerComposeAcceptsTheFile() throws Exception {
        Path bin = Path.of("/usr/bin/docker-compose");
        Assumptions.assumeTrue(Files.isExecutable(bin), "docker-compose is not installed here (.ci/run installs it); skipping its validation");
        Process p = new ProcessBuilder(bin.toString(), "-f", ROOT.resolve("docker-compose.yml").toString(), "config", "-q")
                .directory(ROOT.toFile()).redirectErrorStream(true).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.exitValue()).as("docker-compose config says: " + out).isZero();
    }
}
