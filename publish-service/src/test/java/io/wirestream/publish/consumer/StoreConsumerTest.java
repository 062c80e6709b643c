package io.wirestream.publish.consumer;

import io.wirestream.avro.Article;
import io.wirestream.publish.store.ApplyResult;
import io.wirestream.publish.store.ArticleStore;
import io.wirestream.publish.store.ChangePage;
import io.wirestream.publish.store.IncomingRecord;
import io.wirestream.publish.store.KillMode;
import io.wirestream.publish.store.SearchHit;
import io.wirestream.publish.store.StoreHealth;
import io.wirestream.publish.store.StoreUnavailableException;
import io.wirestream.publish.store.StoredArticle;
import io.wirestream.publish.store.jdbc.SqliteArticleStore;
import io.wirestream.publish.testing.TestArticles;
import io.wirestream.contracts.registry.InMemorySchemaRegistryClient;
import io.wirestream.contracts.serde.WireAvroDeserializer;
import io.wirestream.contracts.serde.WireAvroSerializer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The consumer loop against Kafka's own MockConsumer and a real SQLite store: it starts where the store's offsets
 * say, and while the store fails it pauses, keeps the position in the store, and resumes from there.
 */
class StoreConsumerTest {

    static final String TOPIC = "wire.articles";
    static final TopicPartition TP = new TopicPartition(TOPIC, 0);
    final Instant now = Instant.parse("2026-03-02T12:00:00Z");
    final InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();
    final WireAvroSerializer<Article> values = new WireAvroSerializer<>(registry, true, false);
    final WireAvroSerializer<String> keys = new WireAvroSerializer<>(registry, true, true);
    final MockConsumer<byte[], byte[]> consumer = new MockConsumer<>("earliest");
    @TempDir
    Path dir;
    StoreConsumer storeConsumer;
    Thread thread;

    /** A real store whose writes can be made to fail, as when its database goes away. */
    static final class SwitchableStore implements ArticleStore {
        final ArticleStore real;
        volatile boolean down;

        SwitchableStore(ArticleStore real) {
            this.real = real;
        }

        private void check() {
            if (down) {
                throw new StoreUnavailableException("test: store is down");
            }
        }

        public String name() { return real.name(); }
        public void open() { real.open(); }
        public ApplyResult apply(List<IncomingRecord> batch, Instant now) { check(); return real.apply(batch, now); }
        public Map<TopicPartition, Long> storedOffsets() { check(); return real.storedOffsets(); }
        public int releaseDueEmbargoes(Instant now) { check(); return real.releaseDueEmbargoes(now); }
        public Optional<StoredArticle> get(String uri, Instant now) { return real.get(uri, now); }
        public ChangePage changesSince(long cursor, int limit, Instant now) { return real.changesSince(cursor, limit, now); }
        public List<SearchHit> search(String query, int limit, Instant now) { return real.search(query, limit, now); }
        public StoreHealth health() { return down ? StoreHealth.down(name(), "test") : real.health(); }
        public void close() { real.close(); }
    }

    @AfterEach
    void stop() throws Exception {
        if (storeConsumer != null) {
            storeConsumer.stop(Duration.ofSeconds(10));
            thread.join(10_000);
        }
    }

    ConsumerRecord<byte[], byte[]> record(long offset, Article article) {
        return new ConsumerRecord<>(TOPIC, 0, offset, keys.serialize(TOPIC, article.getUri()), values.serialize(TOPIC, article));
    }

    /** The partition's log. MockConsumer forgets records once polled; serving the whole log on every poll makes
     * it behave like a broker, which delivers whatever lies at or after the consumer's position. */
    final List<ConsumerRecord<byte[], byte[]>> log = new java.util.concurrent.CopyOnWriteArrayList<>();

    void append(long from, long to) {
        for (long offset = from; offset < to; offset++) {
            log.add(record(offset, TestArticles.usable("testwire:c:" + offset, 1)));
        }
    }

    void serveTheLogOnEveryPoll() {
        for (int i = 0; i < 5000; i++) {
            consumer.schedulePollTask(() -> log.forEach(consumer::addRecord));
        }
    }

    @Test
    void startsAtTheStoresOffsetsAndSurvivesAStoreOutageWithoutLosingOrRepeatingRecords() {
        SqliteArticleStore sqlite = new SqliteArticleStore(dir.resolve("a.sqlite"), KillMode.WITHDRAW);
        sqlite.open();
        // the store already holds offsets 0..2 from an earlier run
        sqlite.apply(List.of(IncomingRecord.article(TestArticles.usable("testwire:c:0", 1), TOPIC, 0, 0),
                IncomingRecord.article(TestArticles.usable("testwire:c:1", 1), TOPIC, 0, 1),
                IncomingRecord.article(TestArticles.usable("testwire:c:2", 1), TOPIC, 0, 2)), now);
        SwitchableStore store = new SwitchableStore(sqlite);

        consumer.updateBeginningOffsets(Map.of(TP, 0L));
        consumer.schedulePollTask(() -> consumer.rebalance(List.of(TP)));
        append(0, 6);
        serveTheLogOnEveryPoll();
        storeConsumer = new StoreConsumer(store, consumer,
                new ArticleRecordDecoder(new WireAvroDeserializer<>(String.class, registry), new WireAvroDeserializer<>(Article.class, registry)),
                new io.wirestream.publish.testing.RecordingRejectionSink(), TOPIC, Duration.ofMillis(50), Duration.ofMillis(200), Duration.ofSeconds(1), Clock.systemUTC());
        thread = new Thread(storeConsumer, "test-store-consumer");
        thread.start();

        await().atMost(Duration.ofSeconds(20)).until(() -> sqlite.storedOffsets().getOrDefault(TP, 0L) == 6L);
        assertThat(storeConsumer.state().applied()).as("records 0..2 were not read again").isEqualTo(3);
        assertThat(storeConsumer.state().ignored()).isZero();

        store.down = true;
        append(6, 9);
        await().atMost(Duration.ofSeconds(20)).until(() -> storeConsumer.state().phase() == StoreConsumerState.Phase.RETRYING);
        await().atMost(Duration.ofSeconds(20)).until(() -> storeConsumer.state().failures() >= 3);
        assertThat(sqlite.storedOffsets()).containsEntry(TP, 6L);
        assertThat(consumer.paused()).containsExactly(TP);

        store.down = false;
        await().atMost(Duration.ofSeconds(20)).until(() -> sqlite.storedOffsets().getOrDefault(TP, 0L) == 9L);
        assertThat(storeConsumer.state().phase()).isEqualTo(StoreConsumerState.Phase.RUNNING);
        assertThat(storeConsumer.state().applied()).isEqualTo(6);
        assertThat(storeConsumer.state().ignored()).isZero();
        assertThat(consumer.paused()).isEmpty();
        for (int i = 0; i < 9; i++) {
            assertThat(sqlite.get("testwire:c:" + i, now)).as("story %d", i).isPresent();
        }
    }
}
