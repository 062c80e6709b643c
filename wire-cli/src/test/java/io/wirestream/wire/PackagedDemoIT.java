package io.wirestream.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's first command as a user meets it: the packaged {@code wire.jar} with only {@code target/lib} on the
 * class path, started the way the {@code wire} script starts it, runs the demo to the end. The other journeys run on
 * the test class path, where a test-scoped jar can hide a runtime jar the package lacks (snakeyaml was one: the
 * OpenAPI documents could not be read and {@code wire up} failed at start) and a stale jar of an earlier build cannot
 * show.
 */
class PackagedDemoIT {

    private static final Path MODULE = Path.of("").toAbsolutePath();

    @Test
    void thePackagedCliRunsTheDemoToEveryItemsExpectedFate(@TempDir Path data) throws Exception {
        Path jar = MODULE.resolve("target/wire.jar");
        Path lib = MODULE.resolve("target/lib");
        assertThat(jar).as("failsafe runs after package").exists();
        assertThat(lib).isDirectory();

        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(scriptJvmFlags());
        command.addAll(List.of("-cp", jar + java.io.File.pathSeparator + lib + java.io.File.separator + "*",
                "io.wirestream.wire.WireCommand", "up", "--demo", "--exit-after-demo",
                "--port-base", String.valueOf(LocalPorts.findFree().base()), "--data-dir", data.resolve("wire").toString()));
        Path output = data.resolve("demo.log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        boolean ended = process.waitFor(5, TimeUnit.MINUTES);
        if (!ended) {
            process.destroyForcibly();
        }
        String log = Files.readString(output, StandardCharsets.UTF_8);
        assertThat(ended).as("the demo ends by itself; its output:%n%s", log).isTrue();
        assertThat(process.exitValue()).as("exit code; output:%n%s", log).isZero();
        assertThat(log).contains("every item had the expected fate").doesNotContain("NOT AS EXPECTED");
    }

    /** The JVM flags of the {@code wire} script's {@code exec java} line, minus the heap default, so both start alike. */
    private static List<String> scriptJvmFlags() throws IOException {
        String script = Files.readString(MODULE.resolveSibling("wire"), StandardCharsets.UTF_8);
        Matcher flags = Pattern.compile("-D[\\w.]+=[\\w.,]+").matcher(script.substring(script.indexOf("exec java")));
        List<String> found = new ArrayList<>();
        while (flags.find()) {
            found.add(flags.group());
        }
        assertThat(found).as("the wire script's system properties").isNotEmpty();
        return found;
    }
}
