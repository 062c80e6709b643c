package io.wirestream.publish.it;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.wirestream.avro.Article;
import io.wirestream.runtime.config.Settings;
import io.wirestream.publish.PublishService;
import io.wirestream.publish.config.StoreKind;
import io.wirestream.publish.store.ArticleStore;
import io.wirestream.publish.store.KillMode;
import io.wirestream.publish.store.files.NinjsFileStore;
import io.wirestream.publish.testing.ExpectedStories;
import io.wirestream.publish.testing.NinjsSchemas;
import io.wirestream.publish.testing.PostgresTestSchema;
import io.wirestream.publish.testing.PublishTestCluster;
import io.wirestream.testsupport.TestInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static io.wirestream.publish.testing.TestArticles.embargoed;
import static io.wirestream.publish.testing.TestArticles.kill;
import static io.wirestream.publish.testing.TestArticles.usable;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * publish-service in this JVM against a real broker, writing SQLite, PostgreSQL and ninjs files at once. Written once;
 * {@link PublishServiceIT} runs it on the embedded broker and registry and the machine's PostgreSQL,
 * {@link ContainerPublishServiceIT} on Kafka, registry and PostgreSQL containers.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class PublishServiceCases {

    PublishTestCluster cluster;
    @TempDir
    Path dir;
    PostgresTestSchema schema;
    PublishService service;

    /** The broker, registry and PostgreSQL this suite runs on; the cluster closes it. */
    abstract TestInfrastructure startInfrastructure();

    @BeforeAll
    void startCluster() {
        cluster = new PublishTestCluster(startInfrastructure());
    }

    @AfterAll
    void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @AfterEach
    void stopService() {
        if (service != null) {
            service.stop();
        }
        if (schema != null) {
            schema.drop();
        }
    }

    @Test
    void everyStoreEndsWithEveryStoryAtItsLatestVersionAndEmbargoesReleaseOnTime() throws Exception {
        schema = PostgresTestSchema.create(cluster.postgres());
        Map<String, String> settings = new LinkedHashMap<>(schema.publishSettings());
        settings.putAll(Map.ofEntries(
                Map.entry("publish.stores", "sqlite,postgres,files"),
                Map.entry("publish.data.dir", dir.toString()),
                Map.entry("publish.group.id.prefix", "it-" + schema.name()),
                Map.entry("publish.http.port", "0"),
                Map.entry("publish.embargo.check.interval", "200ms"),
                Map.entry("kafka.bootstrap.servers", cluster.bootstrapServers()),
                Map.entry("registry.url", cluster.registryUrl())));
        service = new PublishService(Settings.ofValues(settings));
        service.start();

        ExpectedStories expected = new ExpectedStories(KillMode.WITHDRAW);
        List<Article> first = new ArrayList<>();
        List<Article> second = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            String uri = "testwire:it:" + i;
            first.add(usable(uri, 1));
            first.add(usable(uri, 2));
            if (i % 3 == 0) {
                second.add(usable(uri, 4));
                second.add(usable(uri, 3)); // late older version: must be ignored everywhere
            }
            if (i % 10 == 7) {
                second.add(kill(uri, 5));
                second.add(usable(uri, 2)); // replay after the kill: must not resurrect it
            }
        }
        Instant embargo = Instant.now().plusSeconds(6);
        second.add(embargoed("testwire:it:embargoed", 1, embargo));
        cluster.publish(first);
        expected.sent(first);
        cluster.publish(second);
        expected.sent(second);

        Map<StoreKind, ArticleStore> stores = service.stores();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            for (ArticleStore store : stores.values()) {
                assertThat(expected.differences(store, Instant.now())).as(store.name()).isEmpty();
            }
        });

        // the embargoed story appears once its time has come (not before), in the change feed too, and as a file
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).until(() ->
                stores.values().stream().allMatch(s -> s.get("testwire:it:embargoed", Instant.now()).isPresent())
                        && stores.get(StoreKind.SQLITE).changesSince(0, 1000, Instant.now()).changes().stream()
                        .anyMatch(c -> c.uri().equals("testwire:it:embargoed"))
                        && Files.exists(((NinjsFileStore) stores.get(StoreKind.FILES)).fileOf("testwire:it:embargoed")));
        Duration late = Duration.between(embargo, Instant.now());
        assertThat(late.isNegative()).as("visible %d ms before its embargo", -late.toMillis()).isFalse();
        System.out.println("embargoed story visible in all stores " + late.toMillis() + " ms after its embargo");

        // every public file is valid ninjs, one per story
        try (Stream<Path> files = Files.walk(dir.resolve("ninjs"))) {
            List<Path> written = files.filter(Files::isRegularFile).toList();
            assertThat(written).hasSize(expected.all().size());
            NinjsSchemas schemas = NinjsSchemas.loadOrSkip();
            for (Path file : written) {
                assertThat(schemas.officialViolations("2.2", Files.readString(file))).as(file.toString()).isEmpty();
            }
        }

        // the read API answers from the first SQL store
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + service.httpPort() + "/v1/articles/testwire:it:3")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(new ObjectMapper().readTree(response.body()).get("version").asText()).isEqualTo("4");
        HttpResponse<String> ready = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + service.httpPort() + "/health/ready")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(ready.statusCode()).isEqualTo(200);
    }
}
