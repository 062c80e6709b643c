package io.wirestream.runtime.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.runtime.config.DeclaredSettings;
import io.wirestream.runtime.config.Setting;
import io.wirestream.runtime.config.Settings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runner's contract: exit codes for what keeps a service from running, one stop from the shutdown hook. */
class ServiceMainTest {

    static final Setting<Integer> PORT = Setting.integer("demo.http.port", 8080, "port");
    static final DeclaredSettings DECLARED = DeclaredSettings.of(List.of(PORT));

    @TempDir
    Path dir;

    final List<Thread> hooks = new ArrayList<>();

    /** A service that counts its calls; start throws when told to. */
    static final class CountingService implements WireService {
        final AtomicInteger starts = new AtomicInteger();
        final AtomicInteger stops = new AtomicInteger();
        final CountDownLatch started = new CountDownLatch(1);
        final RuntimeException startFailure;

        CountingService(RuntimeException startFailure) {
            this.startFailure = startFailure;
        }

        @Override
        public void start() {
            starts.incrementAndGet();
            if (startFailure != null) {
                throw startFailure;
            }
            started.countDown();
        }

        @Override
        public void stop() {
            stops.incrementAndGet();
        }
    }

    ServiceMain runner(Function<Settings, WireService> factory, Map<String, String> env) {
        return new ServiceMain("demo", DECLARED, factory, env, hooks::add);
    }

    Path properties(String... lines) throws Exception {
        return Files.writeString(dir.resolve("demo.properties"), String.join("\n", lines));
    }

    @Test
    void aFailedStartExitsWithCouldNotStartAfterStoppingOnce() throws Exception {
        CountingService service = new CountingService(new IllegalStateException("Kafka unreachable"));
        int status = runner(s -> service, Map.of()).runUntilStopped(new String[0]);

        assertThat(status).isEqualTo(ServiceMain.COULD_NOT_START);
        assertThat(service.stops).as("what the failed start left is released").hasValue(1);
        hooks.forEach(Thread::run); // System.exit runs the hook as well
        assertThat(service.stops).as("and the hook does not stop it again").hasValue(1);
    }

    @Test
    void aFactoryThatCannotBuildTheServiceIsCouldNotStart() {
        int status = runner(s -> {
            throw new IllegalStateException("store locked");
        }, Map.of()).runUntilStopped(new String[0]);
        assertThat(status).isEqualTo(ServiceMain.COULD_NOT_START);
    }

    @Test
    void aMisspeltKeyInTheFileIsInvalidSettingsAndNothingIsBuilt() throws Exception {
        AtomicInteger built = new AtomicInteger();
        Path file = properties("demo.http.prot=9000");
        int status = runner(s -> {
            built.incrementAndGet();
            return new CountingService(null);
        }, Map.of()).runUntilStopped(new String[] {file.toString()});

        assertThat(status).isEqualTo(ServiceMain.INVALID_SETTINGS);
        assertThat(built).hasValue(0);
        assertThat(hooks).isEmpty();
    }

    @Test
    void anUnknownWireVariableIsInvalidSettings() {
        int status = runner(s -> new CountingService(null), Map.of("WIRE_DEMO_HTTP_PROT", "9000"))
                .runUntilStopped(new String[0]);
        assertThat(status).isEqualTo(ServiceMain.INVALID_SETTINGS);
    }

    @Test
    void aValueThatDoesNotParseIsInvalidSettings() {
        int status = runner(s -> new CountingService(null), Map.of("WIRE_DEMO_HTTP_PORT", "eighty"))
                .runUntilStopped(new String[0]);
        assertThat(status).isEqualTo(ServiceMain.INVALID_SETTINGS);
    }

    @Test
    void everyServiceTakesKafkaClientPropertiesButNotUnknownOrOwnedOnes() throws Exception {
        CompletableFuture<Settings> seen = new CompletableFuture<>();
        runner(s -> {
            seen.complete(s);
            return new CountingService(new IllegalStateException("stop here"));
        }, Map.of("WIRE_KAFKA_CLIENT_CLIENT_RACK", "eu-west-1a")).runUntilStopped(new String[0]);
        assertThat(seen.get().passthrough(io.wirestream.runtime.config.KafkaClientPassthrough.CLIENTS)).containsEntry("client.rack", "eu-west-1a");

        assertThat(runner(s -> new CountingService(null), Map.of()).runUntilStopped(new String[] {properties("kafka.client.clinet.rack=x").toString()}))
                .as("a Kafka name Kafka does not declare").isEqualTo(ServiceMain.INVALID_SETTINGS);
        assertThat(runner(s -> new CountingService(null), Map.of("WIRE_KAFKA_CLIENT_ACKS", "1")).runUntilStopped(new String[0]))
                .as("a Kafka property Wirestream owns").isEqualTo(ServiceMain.INVALID_SETTINGS);
    }

    @Test
    void aMissingConfigurationFileIsInvalidSettings() {
        int status = runner(s -> new CountingService(null), Map.of())
                .runUntilStopped(new String[] {dir.resolve("absent.properties").toString()});
        assertThat(status).isEqualTo(ServiceMain.INVALID_SETTINGS);
    }

    @Test
    void aServiceRefusingItsSettingsWhileBuiltIsInvalidSettings() {
        int status = runner(s -> {
            throw new IllegalArgumentException("unknown store 'sqlight' in publish.stores");
        }, Map.of()).runUntilStopped(new String[0]);
        assertThat(status).isEqualTo(ServiceMain.INVALID_SETTINGS);
    }

    @Test
    void aSerdeRefusingTheRegistrySettingsWhileBuiltIsInvalidSettings() {
        // the serdes refuse their settings with Kafka's ConfigException, as Kafka's own clients do
        int status = runner(s -> {
            io.wirestream.contracts.topics.Topics.ARTICLES.valueSerde(io.wirestream.runtime.config.KafkaSettings.serdeProperties(s));
            return new CountingService(null);
        }, Map.of("WIRE_REGISTRY_SSL_TRUSTSTORE_LOCATION", dir.resolve("absent-ca.p12").toString()))
                .runUntilStopped(new String[0]);
        assertThat(status).isEqualTo(ServiceMain.INVALID_SETTINGS);
    }

    @Test
    void theServiceGetsTheValidatedSettingsOfFileAndEnvironment() throws Exception {
        Path file = properties("demo.http.port=9000", "kafka.bootstrap.servers=broker:9092");
        CompletableFuture<Settings> seen = new CompletableFuture<>();
        CountingService service = new CountingService(new IllegalStateException("stop here"));
        runner(s -> {
            seen.complete(s);
            return service;
        }, Map.of("WIRE_DEMO_HTTP_PORT", "9100")).runUntilStopped(new String[] {file.toString()});

        assertThat(seen.get().get(PORT)).as("the environment over the file").isEqualTo(9100);
        assertThat(seen.get().get(io.wirestream.runtime.config.KafkaSettings.BOOTSTRAP_SERVERS))
                .as("the shared Kafka settings are declared for every service").isEqualTo("broker:9092");
    }

    @Test
    void theShutdownHookStopsTheServiceOnceAndEndsTheRunCleanly() throws Exception {
        CountingService service = new CountingService(null);
        CompletableFuture<Integer> status = CompletableFuture.supplyAsync(
                () -> runner(s -> service, Map.of()).runUntilStopped(new String[0]));

        assertThat(service.started.await(10, TimeUnit.SECONDS)).as("started").isTrue();
        assertThat(status).as("runs until told to stop").isNotDone();
        assertThat(hooks).hasSize(1);
        hooks.get(0).run();

        assertThat(status.get(10, TimeUnit.SECONDS)).isZero();
        assertThat(service.starts).hasValue(1);
        assertThat(service.stops).hasValue(1);
    }
}
