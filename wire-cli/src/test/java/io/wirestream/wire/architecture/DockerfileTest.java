package io.wirestream.wire.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.runtime.image.Dockerfile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Dockerfile's build stage against the reactor: its dependency-cache layer needs every module's pom (the root pom
 * names them all), and its package step must build every module a service image copies from. What each image holds
 * is checked by each service module's ServiceImageIT, on the built jars.
 */
class DockerfileTest {

    private static final Pattern FROM_BUILD = Pattern.compile("^/src/(.+)/target/.+$");

    private static Path root;
    private static Dockerfile dockerfile;
    private static Dockerfile.Stage build;

    @BeforeAll
    static void read() {
        root = ModulePom.projectRoot();
        dockerfile = Dockerfile.read(root.resolve("Dockerfile"));
        build = dockerfile.stage("build").orElseThrow(() -> new AssertionError("the Dockerfile has no 'build' stage"));
    }

    @Test
    void theDependencyLayerHasEveryPomAndComesBeforeTheSources() {
        List<Dockerfile.Instruction> steps = build.instructions();
        int sources = indexOf(steps, i -> i.keyword().equals("COPY") && i.arguments().equals(". ."));
        int offline = indexOf(steps, i -> i.keyword().equals("RUN") && i.arguments().contains("dependency:go-offline"));
        assertThat(offline).as("a RUN with dependency:go-offline").isNotNegative();
        assertThat(sources).as("COPY . . (the sources)").isGreaterThan(offline);

        Set<String> pomsCopied = new LinkedHashSet<>();
        for (Dockerfile.Copy copy : build.copies()) {
            if (copy.line() < steps.get(offline).line()) {
                pomsCopied.addAll(copy.sources());
            }
        }
        assertThat(pomsCopied).as("poms copied before dependency:go-offline").containsExactlyInAnyOrderElementsOf(modulePoms());
    }

    @Test
    void thePackageStepBuildsEveryModuleAnImageCopiesFrom() {
        String packageStep = build.runs().stream().filter(r -> r.contains(" package")).findFirst()
                .orElseThrow(() -> new AssertionError("no RUN ... package in the build stage"));
        Matcher projects = Pattern.compile("-pl\\s+(\\S+)").matcher(packageStep);
        assertThat(projects.find()).as("-pl in " + packageStep).isTrue();
        Set<String> built = new LinkedHashSet<>(Arrays.asList(projects.group(1).split(",")));

        Set<String> copiedFrom = new LinkedHashSet<>();
        for (Dockerfile.Stage stage : dockerfile.stages().values()) {
            for (Dockerfile.Copy copy : stage.copies()) {
                if (copy.from().filter("build"::equals).isPresent()) {
                    for (String source : copy.sources()) {
                        Matcher m = FROM_BUILD.matcher(source);
                        assertThat(m.matches()).as(source + " is a module's build output").isTrue();
                        copiedFrom.add(m.group(1));
                    }
                }
            }
        }
        assertThat(copiedFrom).containsExactlyInAnyOrder("ingest-service", "enrich-stream/service", "publish-service", "subscriber-service", "ops");
        assertThat(built).as("-pl of the package step").containsAll(copiedFrom);
        assertThat(dockerfile.stages()).containsKeys("ingest-service", "enrich-stream", "publish-service", "subscriber-service", "ops");
    }

    /** pom.xml and {@code <folder>/pom.xml} for every module under the root, following {@code <modules>}. */
    private static List<String> modulePoms() {
        List<String> poms = new ArrayList<>(List.of("pom.xml"));
        List<String> todo = new ArrayList<>(ModulePom.read(root.resolve("pom.xml")).childModules());
        while (!todo.isEmpty()) {
            String dir = todo.remove(0);
            poms.add(dir + "/pom.xml");
            for (String child : ModulePom.read(root.resolve(dir).resolve("pom.xml")).childModules()) {
                todo.add(dir + "/" + child);
            }
        }
        return poms;
    }

    private static int indexOf(List<Dockerfile.Instruction> steps, java.util.function.Predicate<Dockerfile.Instruction> p) {
        for (int i = 0; i < steps.size(); i++) {
            if (p.test(steps.get(i))) {
                return i;
            }
        }
        return -1;
    }
}
