package io.wirestream.publish.consumer;

import com.sun.net.httpserver.HttpServer;
import io.wirestream.avro.Article;
import io.wirestream.avro.Rejection;
import io.wirestream.publish.store.ArticleStore;
import io.wirestream.publish.store.KillMode;
import io.wirestream.publish.store.StoreLimits;
import io.wirestream.publish.store.jdbc.PostgresArticleStore;
import io.wirestream.publish.store.jdbc.SqliteArticleStore;
import io.wirestream.publish.testing.PostgresTestSchema;
import io.wirestream.publish.testing.RecordingRejectionSink;
import io.wirestream.publish.testing.TestArticles;
import io.wirestream.contracts.registry.InMemorySchemaRegistryClient;
import io.wirestream.contracts.registry.RestSchemaRegistryClient;
import io.wirestream.contracts.registry.SchemaRegistryClient;
import io.wirestream.contracts.serde.WireAvroDeserializer;
import io.wirestream.contracts.serde.WireAvroSerializer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 13 on the consumer loop, against Kafka's MockConsumer and real stores: an outage (schema registry, broker)
 * means waiting, never skipping; a record that is bad in itself, or that no store can hold, is set aside to the
 * rejected topic and the consumer goes on.
 */
class StoreConsumerFaultsTest {

    static final String TOPIC = "wire.articles";
    static final TopicPartition TP = new TopicPartition(TOPIC, 0);
    final Instant now = Instant.parse("2026-03-02T12:00:00Z");
    final InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();
    final WireAvroSerializer<Article> values = new WireAvroSerializer<>(registry, true, false);
    final WireAvroSerializer<String> keys = new WireAvroSerializer<>(registry, true, true);
    final MockConsumer<byte[], byte[]> consumer = new MockConsumer<>("earliest");
    final List<ConsumerRecord<byte[], byte[]>> log = new CopyOnWriteArrayList<>();
    final RecordingRejectionSink rejections = new RecordingRejectionSink();
    @TempDir
    Path dir;
    ArticleStore store;
    PostgresTestSchema schema;
    StoreConsumer storeConsumer;
    Thread thread;
    HttpServer registryServer;
    volatile boolean registryUp = true;
    /** While the registry is down: answer 503 (false) or not answer within the client's timeout (true). */
    volatile boolean registryHangs;

    @AfterEach
    void stop() throws Exception {
        if (storeConsumer != null) {
            storeConsumer.stop(Duration.ofSeconds(10));
            thread.join(10_000);
        }
        if (registryServer != null) {
            registryServer.stop(0);
        }
        if (store != null) {
            store.close();
        }
        if (schema != null) {
            schema.drop();
        }
    }

    ArticleStore open(String kind) {
        if (kind.equals("sqlite")) {
            store = new SqliteArticleStore(dir.resolve("a.sqlite"), KillMode.WITHDRAW);
        } else {
            schema = PostgresTestSchema.create();
            store = new PostgresArticleStore(schema.settings(), KillMode.WITHDRAW);
        }
        store.open();
        return store;
    }

    void append(Article article) {
        log.add(new ConsumerRecord<>(TOPIC, 0, log.size(), keys.serialize(TOPIC, article.getUri()), values.serialize(TOPIC, article)));
    }

    void appendRaw(byte[] key, byte[] value) {
        log.add(new ConsumerRecord<>(TOPIC, 0, log.size(), key, value));
    }

    void start(SchemaRegistryClient readerRegistry) {
        consumer.updateBeginningOffsets(Map.of(TP, 0L));
        consumer.schedulePollTask(() -> consumer.rebalance(List.of(TP)));
        for (int i = 0; i < 5000; i++) {
            consumer.schedulePollTask(() -> log.forEach(consumer::addRecord));
        }
        storeConsumer = new StoreConsumer(store, consumer,
                // the deserializer first waits an outage out by itself (registry.outage.wait, 30 s by default); a short
                // wait here lets the test see what the consumer does once the deserializer gives up
                new ArticleRecordDecoder(new WireAvroDeserializer<>(String.class, readerRegistry, 200L),
                        new WireAvroDeserializer<>(Article.class, readerRegistry, 200L)),
                rejections, TOPIC, Duration.ofMillis(50), Duration.ofMillis(200), Duration.ofSeconds(1), Clock.systemUTC());
        thread = new Thread(storeConsumer, "test-store-consumer");
        thread.start();
    }

    long storedOffset() {
        return store.storedOffsets().getOrDefault(TP, 0L);
    }

    /** A registry over HTTP that answers from the in-memory one, or 503 while it is "down". */
    RestSchemaRegistryClient httpRegistry() throws Exception {
        registryServer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        registryServer.createContext("/schemas/ids/", exchange -> {
            String id = exchange.getRequestURI().getPath().substring("/schemas/ids/".length());
            byte[] body;
            int status;
            if (registryUp) {
                String schemaText = registry.schemaById(Integer.parseInt(id)).toString();
                body = new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode().put("schema", schemaText)
                        .toString().getBytes(StandardCharsets.UTF_8);
                status = 200;
            } else if (registryHangs) {
                // a registry that takes the request and never answers in time: the client's 2 s timeout fires
                try {
                    Thread.sleep(3_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                exchange.close();
                return;
            } else {
                body = "{\"error_code\":50301,\"message\":\"registry is restarting\"}".getBytes(StandardCharsets.UTF_8);
                status = 503;
            }
            exchange.getResponseHeaders().add("Content-Type", "application/vnd.schemaregistry.v1+json");
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        registryServer.start();
        return new RestSchemaRegistryClient("http://127.0.0.1:" + registryServer.getAddress().getPort(), null, null,
                Duration.ofSeconds(2));
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({"sqlite,503", "postgres,503", "sqlite,timeout"})
    void aRegistryOutageMeansWaitingAndNothingIsLostWhenItComesBack(String kind, String failure) throws Exception {
        open(kind);
        RestSchemaRegistryClient reader = httpRegistry();
        registryUp = false;
        registryHangs = failure.equals("timeout");
        for (int i = 0; i < 5; i++) {
            append(TestArticles.usable("testwire:outage:" + i, 1));
        }
        start(reader);

        await().atMost(Duration.ofSeconds(30)).until(() -> storeConsumer.state().failures() >= 3);
        assertThat(storeConsumer.state().phase()).isEqualTo(StoreConsumerState.Phase.RETRYING);
        assertThat(storeConsumer.state().lastError()).contains("schema registry");
        assertThat(storedOffset()).as("no record is skipped while the registry is away").isZero();
        assertThat(rejections.written).isEmpty();

        registryUp = true;
        await().atMost(Duration.ofSeconds(20)).until(() -> storedOffset() == 5L);
        for (int i = 0; i < 5; i++) {
            assertThat(store.get("testwire:outage:" + i, now)).as("story %d", i).isPresent();
        }
        assertThat(rejections.written).isEmpty();
        assertThat(storeConsumer.state().phase()).isEqualTo(StoreConsumerState.Phase.RUNNING);
    }

    @Test
    void aCorruptRecordIsSetAsideWithItsBytesAndTheRestIsStored() {
        open("sqlite");
        append(TestArticles.usable("testwire:before", 1));
        byte[] badMagic = {7, 0, 0, 0, 1, 42, 42};
        appendRaw("testwire:bad-magic".getBytes(StandardCharsets.UTF_8), badMagic);
        byte[] good = values.serialize(TOPIC, TestArticles.usable("testwire:truncated", 1));
        appendRaw(keys.serialize(TOPIC, "testwire:truncated"), java.util.Arrays.copyOf(good, 9));
        append(TestArticles.usable("testwire:after", 1));
        start(registry);

        await().atMost(Duration.ofSeconds(20)).until(() -> storedOffset() == 4L);
        assertThat(store.get("testwire:before", now)).isPresent();
        assertThat(store.get("testwire:after", now)).isPresent();
        assertThat(rejections.written).extracting(Rejection::getReason).containsExactly(Rejections.CORRUPT, Rejections.CORRUPT);
        Rejection first = rejections.written.get(0);
        assertThat(first.getStage()).isEqualTo("publish");
        assertThat(first.getRaw().getTopic()).isEqualTo(TOPIC);
        assertThat(first.getRaw().getPartition()).isEqualTo(0);
        assertThat(first.getRaw().getOffset()).isEqualTo(1L);
        assertThat(first.getExcerpt()).isEqualTo("base64:" + Base64.getEncoder().encodeToString(badMagic));
        assertThat(storeConsumer.state().rejected()).isEqualTo(2);
    }

    @Test
    void aBrokerThatCannotTakeARejectionMeansWaitingNotSkipping() {
        open("sqlite");
        appendRaw("testwire:bad".getBytes(StandardCharsets.UTF_8), new byte[] {9, 9, 9});
        append(TestArticles.usable("testwire:after", 1));
        rejections.down = true;
        start(registry);

        await().atMost(Duration.ofSeconds(20)).until(() -> storeConsumer.state().failures() >= 3);
        assertThat(storedOffset()).isZero();
        assertThat(store.get("testwire:after", now)).isEmpty();

        rejections.down = false;
        await().atMost(Duration.ofSeconds(20)).until(() -> storedOffset() == 2L);
        assertThat(rejections.written).hasSize(1);
        assertThat(store.get("testwire:after", now)).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgres"})
    void aStoryIdNoStoreCanHoldIsRejectedAsTooLargeAndTheConsumerGoesOn(String kind) {
        open(kind);
        String hugeUri = "testwire:" + "x".repeat(3000);
        append(TestArticles.usable("testwire:before", 1));
        append(TestArticles.usable(hugeUri, 1));
        append(TestArticles.usable("testwire:after", 1));
        start(registry);

        await().atMost(Duration.ofSeconds(20)).until(() -> storedOffset() == 3L);
        assertThat(store.get("testwire:before", now)).isPresent();
        assertThat(store.get("testwire:after", now)).isPresent();
        assertThat(rejections.written).hasSize(1);
        Rejection rejection = rejections.written.get(0);
        assertThat(rejection.getReason()).isEqualTo(StoreLimits.TOO_LARGE);
        assertThat(rejection.getRaw().getItemId()).isEqualTo("raw-" + hugeUri + "-1");
        assertThat(storeConsumer.state().phase()).isEqualTo(StoreConsumerState.Phase.RUNNING);
    }

    /**
     * The second line: whatever limit a database has that publish does not know of, a record it refuses for good is
     * found (the batch is applied one record at a time) and set aside, and the records around it are stored. The
     * refusal is PostgreSQL's own data exception, raised by a trigger standing in for an unknown limit.
     */
    @Test
    void aRecordTheDatabaseRefusesForGoodIsSetAsideAndTheRestOfItsBatchIsStored() throws Exception {
        open("postgres");
        try (java.sql.Connection c = schema.connect(); java.sql.Statement st = c.createStatement()) {
            st.execute("CREATE FUNCTION " + schema.name() + ".refuse_poison() RETURNS trigger AS $$ BEGIN "
                    + "IF NEW.headline LIKE '%poison%' THEN RAISE EXCEPTION 'value out of range' USING ERRCODE = '22003'; END IF; "
                    + "RETURN NEW; END $$ LANGUAGE plpgsql");
            st.execute("CREATE TRIGGER refuse_poison BEFORE INSERT OR UPDATE ON " + schema.name()
                    + ".articles FOR EACH ROW EXECUTE FUNCTION " + schema.name() + ".refuse_poison()");
        }
        append(TestArticles.usable("testwire:one", 1));
        append(TestArticles.withText("testwire:poison", 1, "A poison headline", "Body."));
        append(TestArticles.usable("testwire:three", 1));
        start(registry);

        await().atMost(Duration.ofSeconds(20)).until(() -> storedOffset() == 3L);
        assertThat(store.get("testwire:one", now)).isPresent();
        assertThat(store.get("testwire:three", now)).isPresent();
        assertThat(store.get("testwire:poison", now)).isEmpty();
        assertThat(rejections.written).extracting(Rejection::getReason).containsExactly(Rejections.UNSTORABLE);
        assertThat(rejections.written.get(0).getRaw().getItemId()).isEqualTo("raw-testwire:poison-1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgres"})
    void aStoryOfMoreThanAMegabyteOfTextIsStoredAndSearchable(String kind) {
        open(kind);
        StringBuilder body = new StringBuilder();
        for (int i = 0; body.length() < 1_500_000; i++) {
            body.append("word").append(Integer.toString(i, 36)).append(' ');
        }
        append(TestArticles.withText("testwire:long", 1, "A very long harbour report", body.toString()));
        append(TestArticles.usable("testwire:after", 1));
        start(registry);

        await().atMost(Duration.ofSeconds(30)).until(() -> storedOffset() == 2L);
        assertThat(store.get("testwire:long", now).orElseThrow().document()).contains("word0 word1 ");
        assertThat(store.search("harbour report", 10, now)).extracting(h -> h.uri()).contains("testwire:long");
        assertThat(rejections.written).isEmpty();
    }
}
