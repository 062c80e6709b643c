package io.wirestream.wire.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module graph written in docs/architecture.md is the one the poms declare, and no service can reach the broker.
 * The document is the rule: a new dependency between modules is a change to the architecture and is made there too.
 */
class ModuleGraphTest {

    private static final Set<String> SERVICES = Set.of("ingest-service", "enrich-service", "publish-service", "ops", "subscriber-service");
    private static final Set<String> BROKER_JARS = Set.of("org.apache.kafka:kafka_2.13", "org.apache.kafka:kafka-server");

    private static Map<String, ModulePom> poms;
    private static Map<String, Set<String>> documented;

    @BeforeAll
    static void read() {
        Path root = ModulePom.projectRoot();
        poms = ModulePom.readReactor(root);
        documented = DocumentedGraph.read(root.resolve("docs/architecture.md"));
    }

    @Test
    void theDocumentedGraphIsTheDeclaredOne() {
        Map<String, Set<String>> declared = new TreeMap<>();
        poms.forEach((artifact, pom) -> {
            if (!pom.isAggregator()) {
                declared.put(artifact, pom.mainDependenciesOn(poms.keySet()));
            }
        });
        assertThat(new TreeMap<>(documented))
                .as("docs/architecture.md 'Module graph' against the poms (left: the document)")
                .isEqualTo(declared);
    }

    @Test
    void theGraphHasNoCycles() {
        for (String module : documented.keySet()) {
            assertThat(reachableFrom(module, documented)).as("modules reachable from " + module).doesNotContain(module);
        }
    }

    @Test
    void noServiceHasTheBrokerOnItsClasspath() {
        for (String service : SERVICES) {
            List<String> offenders = new ArrayList<>();
            Set<String> closure = reachableFrom(service, documented);
            closure.add(service);
            for (String module : closure) {
                for (String jar : poms.get(module).mainExternalDependencies()) {
                    if (BROKER_JARS.contains(jar)) {
                        offenders.add(module + " -> " + jar);
                    }
                }
            }
            assertThat(offenders).as(service + " reaches a broker jar through").isEmpty();
            assertThat(closure).as(service + " reaches").doesNotContain("local-kafka", "quality", "wire", "test-support");
        }
    }

    @Test
    void theGraphTestWouldSeeABrokerJar() {
        // the check above reads what the local-kafka pom declares; if that ever stopped parsing, the check would pass
        // for nothing
        assertThat(poms.get("local-kafka").mainExternalDependencies()).containsAll(BROKER_JARS);
    }

    private static Set<String> reachableFrom(String start, Map<String, Set<String>> graph) {
        Set<String> seen = new java.util.TreeSet<>();
        List<String> todo = new ArrayList<>(graph.getOrDefault(start, Set.of()));
        while (!todo.isEmpty()) {
            String next = todo.remove(todo.size() - 1);
            if (seen.add(next)) {
                todo.addAll(graph.getOrDefault(next, Set.of()));
            }
        }
        return seen;
    }
}
