package io.wirestream.publish.it;

import io.wirestream.avro.Article;
import io.wirestream.publish.PublishServiceMain;
import io.wirestream.publish.store.ArticleStore;
import io.wirestream.publish.store.KillMode;
import io.wirestream.publish.store.files.NinjsFileStore;
import io.wirestream.publish.store.jdbc.PostgresArticleStore;
import io.wirestream.publish.store.jdbc.SqliteArticleStore;
import io.wirestream.publish.testing.ExpectedStories;
import io.wirestream.publish.testing.PostgresTestSchema;
import io.wirestream.publish.testing.PublishTestCluster;
import io.wirestream.newsformats.ninjs.NinjsProfile;
import io.wirestream.testsupport.TestInfrastructure;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static io.wirestream.publish.testing.TestArticles.kill;
import static io.wirestream.publish.testing.TestArticles.usable;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * publish-service runs as its own JVM and is SIGKILLed (Process.destroyForcibly) while it works through a backlog,
 * then started again. Afterwards every store holds every story exactly once at its latest version, and the SQL
 * stores resume exactly where their last committed transaction ended: the restarted process refuses no record as
 * already applied (versions in this test only ever rise, so a refusal could only be a replay). Written once;
 * {@link CrashRecoveryIT} runs it on the embedded broker and registry (in the test's JVM, which the child reaches
 * over TCP) and the machine's PostgreSQL, {@link ContainerCrashRecoveryIT} on Kafka, registry and PostgreSQL
 * containers.
 */
abstract class CrashRecoveryCases {

    static final int STORIES = 1500;

    @TempDir
    Path dir;
    PublishTestCluster cluster;
    PostgresTestSchema schema;
    Process child;

    /** The broker, registry and PostgreSQL the test runs on; the cluster closes it. */
    abstract TestInfrastructure startInfrastructure();

    @AfterEach
    void tearDown() {
        if (child != null && child.isAlive()) {
            child.destroyForcibly();
        }
        if (schema != null) {
            schema.drop();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void killedMidBacklogAndRestartedEveryStoreHoldsEveryStoryOnceAtItsLatestVersion() throws Exception {
        cluster = new PublishTestCluster(startInfrastructure());
        schema = PostgresTestSchema.create(cluster.postgres());
        int httpPort = freePort();
        Path config = writeConfig(httpPort);

        ExpectedStories expected = new ExpectedStories(KillMode.WITHDRAW);
        List<Article> backlog = new ArrayList<>();
        for (long version = 1; version <= 3; version++) {
            for (int i = 0; i < STORIES; i++) {
                backlog.add(usable("testwire:crash:" + i, version));
            }
        }
        for (int i = 0; i < STORIES; i += 25) {
            backlog.add(kill("testwire:crash:" + i, 4));
        }
        cluster.publish(backlog);
        expected.sent(backlog);
        long total = backlog.size();

        child = startChild(config, "first");
        // kill it once SQLite has committed part of the backlog but well before the end
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(10))
                .until(() -> consumedBySqlite() >= total / 5);
        child.destroyForcibly();
        assertThat(child.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        long sqliteAtKill = consumedBySqlite();
        long postgresAtKill = consumedByPostgres();
        System.out.printf("SIGKILL after %d (SQLite) and %d (PostgreSQL) of %d records%n", sqliteAtKill, postgresAtKill, total);
        assertThat(sqliteAtKill).as("killed before the end of the backlog").isLessThan(total);

        // more versions arrive while it is down
        List<Article> meanwhile = new ArrayList<>();
        for (int i = 1; i < STORIES; i += 10) {
            meanwhile.add(usable("testwire:crash:" + i, 5));
        }
        cluster.publish(meanwhile);
        expected.sent(meanwhile);
        Map<TopicPartition, Long> end = cluster.endOffsets();

        child = startChild(config, "second");
        Instant restarted = Instant.now();
        try (SqliteArticleStore sqlite = new SqliteArticleStore(dir.resolve("data/publish/articles.sqlite"), KillMode.WITHDRAW);
             PostgresArticleStore postgres = new PostgresArticleStore(schema.settings(), KillMode.WITHDRAW);
             NinjsFileStore files = new NinjsFileStore(new NinjsFileStore.Settings(dir.resolve("data/ninjs"), null,
                     KillMode.WITHDRAW, NinjsProfile.OFFICIAL, false))) {
            List<ArticleStore> stores = List.of(sqlite, postgres, files);
            await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(500)).until(() ->
                    stores.stream().allMatch(s -> s.storedOffsets().equals(end)));
            System.out.printf("all stores caught up %d ms after the restart%n", Duration.between(restarted, Instant.now()).toMillis());

            for (ArticleStore store : stores) {
                assertThat(expected.differences(store, Instant.now())).as(store.name()).isEmpty();
            }
        }
        assertThat(rowCount("SELECT count(*) FROM articles", sqliteUrl())).isEqualTo(STORIES);
        assertThat(rowCount("SELECT count(DISTINCT uri) FROM articles", sqliteUrl())).isEqualTo(STORIES);
        assertThat(postgresRowCount()).isEqualTo(STORIES);
        try (Stream<Path> written = Files.walk(dir.resolve("data/ninjs"))) {
            assertThat(written.filter(Files::isRegularFile).count()).as("one file per story").isEqualTo(STORIES);
        }

        Map<String, Double> ignored = metric(httpPort, "wirestream_publish_ignored_total");
        Map<String, Double> written = metric(httpPort, "wirestream_publish_written_total");
        System.out.println("restarted process: written " + written + ", refused as already applied " + ignored);
        assertThat(ignored.get("sqlite")).as("SQLite replayed nothing").isZero();
        assertThat(ignored.get("postgres")).as("PostgreSQL replayed nothing").isZero();
        assertThat(written.get("sqlite")).isPositive();

        child.destroy();
        assertThat(child.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).as("shutdown hook ends the process").isTrue();
    }

    private Path writeConfig(int httpPort) throws IOException {
        Path config = dir.resolve("publish.properties");
        StringBuilder postgres = new StringBuilder();
        schema.publishSettings().forEach((key, value) -> postgres.append(key).append('=').append(value).append('\n'));
        Files.writeString(config, postgres + String.join("\n",
                "publish.stores=sqlite,postgres,files",
                "publish.data.dir=" + dir.resolve("data"),
                "publish.group.id.prefix=crash-" + schema.name(),
                "publish.max.poll.records=50",
                // a killed process loses nothing the page cache holds, so this test does not pay for fsync
                "publish.files.fsync=false",
                "publish.consumer.session.timeout=6s",
                "publish.http.host=127.0.0.1",
                "publish.http.port=" + httpPort,
                "kafka.bootstrap.servers=" + cluster.bootstrapServers(),
                "registry.url=" + cluster.registryUrl(),
                ""));
        return config;
    }

    private Process startChild(Path config, String name) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder builder = new ProcessBuilder(java.toString(), "-Xmx256m",
                "-Dorg.apache.avro.SERIALIZABLE_PACKAGES=io.wirestream.avro",
                "-cp", System.getProperty("java.class.path"),
                PublishServiceMain.class.getName(), config.toString());
        builder.redirectErrorStream(true);
        builder.redirectOutput(dir.resolve("child-" + name + ".log").toFile());
        builder.environment().keySet().removeIf(k -> k.startsWith("WIRE_"));
        return builder.start();
    }

    private String sqliteUrl() {
        return "jdbc:sqlite:" + dir.resolve("data/publish/articles.sqlite");
    }

    /** Records SQLite has committed, from its own offsets table (0 before the table exists). */
    private long consumedBySqlite() {
        return rowCount("SELECT coalesce(sum(next_offset), 0) FROM consumer_offsets", sqliteUrl());
    }

    private long consumedByPostgres() {
        return rowCount("SELECT coalesce(sum(next_offset), 0) FROM " + schema.name() + ".consumer_offsets");
    }

    private long postgresRowCount() {
        return rowCount("SELECT count(*) FROM " + schema.name() + ".articles");
    }

    /** A count from PostgreSQL, the test schema's server. */
    private long rowCount(String sql) {
        try (Connection c = schema.connect()) {
            return rowCount(sql, c);
        } catch (Exception notThereYet) {
            return 0;
        }
    }

    private static long rowCount(String sql, String url) {
        try (Connection c = DriverManager.getConnection(url)) {
            return rowCount(sql, c);
        } catch (Exception notThereYet) {
            return 0;
        }
    }

    private static long rowCount(String sql, Connection c) throws Exception {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** One gauge per store from the child's Prometheus endpoint. */
    private static Map<String, Double> metric(int port, String name) throws Exception {
        String body = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
                .GET().build(), HttpResponse.BodyHandlers.ofString()).body();
        Map<String, Double> values = new java.util.TreeMap<>();
        Matcher m = Pattern.compile("(?m)^" + name + "\\{([^}]*)\\}\\s+(\\S+)$").matcher(body);
        while (m.find()) {
            Matcher store = Pattern.compile("store=\"([^\"]+)\"").matcher(m.group(1));
            if (store.find()) {
                values.put(store.group(1), Double.parseDouble(m.group(2)));
            }
        }
        return values;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
