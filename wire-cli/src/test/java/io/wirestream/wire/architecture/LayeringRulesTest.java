package io.wirestream.wire.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The package rules of docs/architecture.md, on the production classes of every module (this module's test
 * classpath holds them all). The module graph says what a pom may declare; these say what the code may use.
 */
class LayeringRulesTest {

    private static final String[] SERVICES = {
        "io.wirestream.ingest..", "io.wirestream.enrich..", "io.wirestream.publish..", "io.wirestream.ops..",
        "io.wirestream.subscribers.."};

    private static JavaClasses production;

    @BeforeAll
    static void importClasses() {
        production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("-tests.jar"))
                .importPackages("io.wirestream");
    }

    @Test
    void everyModuleIsImported() {
        // a rule over an empty or partial import would pass for nothing
        for (String pkg : new String[] {"io.wirestream.contracts", "io.wirestream.newsformats", "io.wirestream.runtime",
                "io.wirestream.localkafka", "io.wirestream.ingest", "io.wirestream.enrich.normalise",
                "io.wirestream.enrich.dedupe", "io.wirestream.enrich.tagging", "io.wirestream.enrich.service",
                "io.wirestream.publish", "io.wirestream.ops", "io.wirestream.subscribers", "io.wirestream.subscriptions",
                "io.wirestream.quality",
                "io.wirestream.wire"}) {
            assertThat(production.stream().anyMatch(c -> c.getPackageName().startsWith(pkg))).as(pkg).isTrue();
        }
    }

    @Test
    void servicesNeverUseTheLocalBrokerTheCliOrTheEvaluationCode() {
        noClasses().that().resideInAnyPackage(SERVICES)
                .should().dependOnClassesThat().resideInAnyPackage(
                        "io.wirestream.localkafka..", "io.wirestream.quality..", "io.wirestream.wire..",
                        "io.wirestream.testsupport..", "kafka..", "scala..")
                .because("a service runs against a real cluster; the broker, the CLI and the reports are not in its image")
                .check(production);
    }

    @Test
    void sharedModulesNeverUseTheLocalBroker() {
        noClasses().that().resideInAnyPackage("io.wirestream.contracts..", "io.wirestream.newsformats..",
                        "io.wirestream.runtime..", "io.wirestream.subscriptions..")
                .should().dependOnClassesThat().resideInAnyPackage("io.wirestream.localkafka..", "kafka..")
                .check(production);
    }

    @Test
    void theSharedSubscriberModelUsesNoService() {
        noClasses().that().resideInAPackage("io.wirestream.subscriptions..")
                .should().dependOnClassesThat().resideInAnyPackage(SERVICES)
                .because("subscriber-service and publish-service both read the subscribers file through it")
                .check(production);
    }

    @Test
    void domainLogicHasNoKafkaTypes() {
        noClasses().that().resideInAnyPackage("io.wirestream.enrich.normalise..", "io.wirestream.enrich.dedupe..",
                        "io.wirestream.enrich.tagging..", "io.wirestream.newsformats..")
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.kafka..", "io.wirestream.runtime..")
                .because("the domain modules are unit-testable and benchmarkable without a broker")
                .check(production);
    }

    @Test
    void servicesMeetOnlyThroughTopics() {
        noClasses().that().resideInAPackage("io.wirestream.ingest..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "io.wirestream.enrich..", "io.wirestream.publish..", "io.wirestream.ops..")
                .check(production);
        noClasses().that().resideInAPackage("io.wirestream.enrich..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "io.wirestream.ingest..", "io.wirestream.publish..", "io.wirestream.ops..")
                .check(production);
        noClasses().that().resideInAPackage("io.wirestream.publish..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "io.wirestream.ingest..", "io.wirestream.enrich..", "io.wirestream.ops..")
                .check(production);
        noClasses().that().resideInAPackage("io.wirestream.ops..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "io.wirestream.ingest..", "io.wirestream.enrich..", "io.wirestream.publish..", "io.wirestream.subscribers..")
                .check(production);
        noClasses().that().resideInAPackage("io.wirestream.subscribers..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "io.wirestream.ingest..", "io.wirestream.enrich..", "io.wirestream.publish..", "io.wirestream.ops..")
                .check(production);
        noClasses().that().resideInAnyPackage("io.wirestream.ingest..", "io.wirestream.enrich..", "io.wirestream.publish..")
                .should().dependOnClassesThat().resideInAPackage("io.wirestream.subscribers..")
                .check(production);
    }

    @Test
    void theModulesHaveNoCycles() {
        slices().matching("io.wirestream.(*)..").should().beFreeOfCycles().check(production);
    }
}
