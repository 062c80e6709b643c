package io.wirestream.publish.it;

import io.wirestream.localkafka.faults.TcpProxy;
import io.wirestream.avro.Article;
import io.wirestream.runtime.config.Settings;
import io.wirestream.publish.PublishService;
import io.wirestream.publish.config.StoreKind;
import io.wirestream.publish.consumer.StoreConsumerState;
import io.wirestream.publish.store.ArticleStore;
import io.wirestream.publish.store.KillMode;
import io.wirestream.publish.store.StoreUnavailableException;
import io.wirestream.publish.store.jdbc.PostgresArticleStore;
import io.wirestream.publish.testing.ExpectedStories;
import io.wirestream.publish.testing.PostgresTestSchema;
import io.wirestream.publish.testing.PublishTestCluster;
import io.wirestream.testsupport.TestInfrastructure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.wirestream.publish.testing.TestArticles.kill;
import static io.wirestream.publish.testing.TestArticles.usable;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * PostgreSQL becomes unreachable (a TCP proxy the test controls is cut) while articles keep arriving: SQLite goes on
 * unaffected, PostgreSQL's consumer pauses and retries, and once the proxy is restored PostgreSQL catches up with
 * nothing missing. Written once; {@link PostgresOutageIT} runs it on the embedded broker and registry and the
 * machine's PostgreSQL, {@link ContainerPostgresOutageIT} on Kafka, registry and PostgreSQL containers (the proxy
 * then forwards to the container's mapped port).
 */
abstract class PostgresOutageCases {

    @TempDir
    Path dir;
    PublishTestCluster cluster;
    PostgresTestSchema schema;
    TcpProxy proxy;
    PublishService service;

    /** The broker, registry and PostgreSQL the test runs on; the cluster closes it. */
    abstract TestInfrastructure startInfrastructure();

    @AfterEach
    void tearDown() {
        if (service != null) {
            service.stop();
        }
        if (proxy != null) {
            proxy.close();
        }
        if (schema != null) {
            schema.drop();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    static List<Article> wave(int from, int to, long version) {
        List<Article> articles = new ArrayList<>();
        for (int i = from; i < to; i++) {
            articles.add(usable("testwire:outage:" + i, version));
        }
        return articles;
    }

    long rowsInPostgres() throws Exception {
        try (Connection c = schema.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM " + schema.name() + ".articles")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void postgresOutagePausesOnlyThePostgresStoreAndItCatchesUpWithNothingMissing() throws Exception {
        cluster = new PublishTestCluster(startInfrastructure());
        schema = PostgresTestSchema.create(cluster.postgres());
        URI real = URI.create(schema.endpoint().jdbcUrl().substring("jdbc:".length()));
        proxy = new TcpProxy(0, real.getHost(), real.getPort()).restore();
        String proxiedUrl = "jdbc:postgresql://127.0.0.1:" + proxy.port() + real.getPath();
        Map<String, String> settings = new LinkedHashMap<>(schema.publishSettings(proxiedUrl));
        settings.putAll(Map.ofEntries(
                Map.entry("publish.stores", "sqlite,postgres"),
                Map.entry("publish.data.dir", dir.toString()),
                Map.entry("publish.postgres.connect.timeout", "1s"),
                Map.entry("publish.retry.initial", "200ms"),
                Map.entry("publish.retry.max", "2s"),
                Map.entry("publish.http.port", "-1"),
                Map.entry("kafka.bootstrap.servers", cluster.bootstrapServers()),
                Map.entry("registry.url", cluster.registryUrl())));
        service = new PublishService(Settings.ofValues(settings));
        service.start();
        Map<StoreKind, ArticleStore> stores = service.stores();
        ExpectedStories expected = new ExpectedStories(KillMode.WITHDRAW);

        List<Article> before = wave(0, 100, 1);
        cluster.publish(before);
        expected.sent(before);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(expected.differences(stores.get(StoreKind.SQLITE), Instant.now())).isEmpty();
            assertThat(expected.differences(stores.get(StoreKind.POSTGRES), Instant.now())).isEmpty();
        });

        proxy.cut();
        List<Article> during = new ArrayList<>(wave(100, 300, 1));
        during.addAll(wave(0, 50, 2));
        during.add(kill("testwire:outage:60", 2));
        for (int round = 0; round < 4; round++) {
            List<Article> part = during.subList(round * during.size() / 4, (round + 1) * during.size() / 4);
            cluster.publish(part);
            expected.sent(part);
        }

        // SQLite is not held back by PostgreSQL
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(expected.differences(stores.get(StoreKind.SQLITE), Instant.now())).isEmpty());
        await().atMost(Duration.ofSeconds(30)).until(() -> postgresState().phase() == StoreConsumerState.Phase.RETRYING);
        assertThat(rowsInPostgres()).as("PostgreSQL cannot have received anything while cut off").isEqualTo(100);
        StoreConsumerState sqliteState = service.states().stream().filter(s -> s.store().equals("sqlite")).findFirst().orElseThrow();
        assertThat(sqliteState.phase()).isEqualTo(StoreConsumerState.Phase.RUNNING);
        assertThat(sqliteState.failures()).isZero();

        Thread.sleep(3000); // stay down across several backoff rounds, with more items arriving meanwhile
        List<Article> late = wave(300, 350, 1);
        cluster.publish(late);
        expected.sent(late);
        proxy.restore();
        Instant restored = Instant.now();

        // the pool needs a moment to connect again; reads in that moment fail like any read of a down store
        await().atMost(Duration.ofSeconds(60)).ignoreExceptionsInstanceOf(StoreUnavailableException.class).untilAsserted(() ->
                assertThat(expected.differences(stores.get(StoreKind.POSTGRES), Instant.now())).isEmpty());
        System.out.println("PostgreSQL caught up " + Duration.between(restored, Instant.now()).toMillis()
                + " ms after the proxy was restored; failures seen: " + postgresState().failures());
        assertThat(rowsInPostgres()).isEqualTo(expected.all().size());
        assertThat(postgresState().failures()).isPositive();
        assertThat(postgresState().phase()).isEqualTo(StoreConsumerState.Phase.RUNNING);
        assertThat(((PostgresArticleStore) stores.get(StoreKind.POSTGRES)).storedOffsets())
                .isEqualTo(cluster.endOffsets());
    }

    StoreConsumerState postgresState() {
        return service.states().stream().filter(s -> s.store().equals("postgres")).findFirst().orElseThrow();
    }
}
