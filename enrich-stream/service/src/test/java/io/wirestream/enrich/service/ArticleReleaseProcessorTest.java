package io.wirestream.enrich.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.avro.Article;
import io.wirestream.avro.IngestChannel;
import io.wirestream.avro.PubStatus;
import io.wirestream.avro.RawItem;
import io.wirestream.contracts.registry.InMemorySchemaRegistryClient;
import io.wirestream.contracts.serde.SerdeConfig;
import io.wirestream.contracts.topics.Topics;
import io.wirestream.runtime.config.Settings;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The release gate's timers (issue 13) and its embargo horizon, through the topology with no stages in between.
 * Articles are counted as they are deserialised, which is what a tick costs: it must read what is due, not what is
 * held.
 */
class ArticleReleaseProcessorTest {

    static final Instant START = Instant.parse("2026-04-01T06:00:00Z");

    final AtomicInteger articlesRead = new AtomicInteger();
    TopologyTestDriver driver;
    TestInputTopic<String, RawItem> raw;
    TestOutputTopic<String, Article> articles;
    int seq;

    @BeforeEach
    void setUp() {
        EnrichSerdes base = EnrichSerdes.of(Map.of(SerdeConfig.REGISTRY_CLIENT_INSTANCE, new InMemorySchemaRegistryClient()));
        Deserializer<Article> reading = base.article().deserializer();
        Serde<Article> counted = Serdes.serdeFrom(base.article().serializer(), (topic, bytes) -> {
            if (bytes != null) {
                articlesRead.incrementAndGet();
            }
            return reading.deserialize(topic, bytes);
        });
        EnrichSerdes serdes = new EnrichSerdes(base.key(), base.raw(), counted, base.rejection(), base.config());
        var topology = EnrichTopology.build(EnrichTopologyTest.LINE_NORMALISER, List.of(), serdes,
                EnrichTopology.Options.from(Settings.ofValues(Map.of("enrich.kill.tombstone.grace", "1h"))), Clock.systemUTC());
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "release-processor-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, System.getProperty("java.io.tmpdir") + "/release-test-" + System.nanoTime());
        driver = new TopologyTestDriver(topology, props, START);
        raw = driver.createInputTopic(Topics.RAW.name(), serdes.key().serializer(), serdes.raw().serializer());
        articles = driver.createOutputTopic(Topics.ARTICLES.name(), base.key().deserializer(), reading);
    }

    @AfterEach
    void tearDown() {
        driver.close();
    }

    void push(String line) {
        String id = "item-" + (++seq);
        RawItem item = RawItem.newBuilder().setItemId(id).setAgency("acme").setReceivedAt(START)
                .setChannel(IngestChannel.PUSH).setPayload(ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8))).build();
        raw.pipeInput("acme/" + id, item, START);
    }

    @Test
    void aTickReadsTheStoriesThatAreDueNotEveryStoryHeld() {
        for (int i = 0; i < 200; i++) {
            push("urn:acme:later-" + i + "|1|usable|" + START.plus(Duration.ofDays(10)) + "|Held for days " + i);
        }
        push("urn:acme:soon|1|usable|" + START.plus(Duration.ofMinutes(1)) + "|Due in a minute");
        driver.advanceWallClockTime(Duration.ofSeconds(5)); // a first tick, with nothing due yet
        articlesRead.set(0);

        for (int s = 0; s < 70; s++) {
            driver.advanceWallClockTime(Duration.ofSeconds(1));
        }

        assertThat(articles.readValuesToList()).extracting(Article::getUri).containsExactly("urn:acme:soon");
        assertThat(articlesRead.get()).as("articles deserialised by 70 ticks").isLessThanOrEqualTo(2);
    }

    @Test
    void anEmbargoBeyondTheHorizonIsWithheldWithASignalNotHeldInATimer() {
        push("urn:acme:far|1|usable|2099-01-01T00:01:00Z|Held until the end of the century");

        List<Article> out = articles.readValuesToList();
        assertThat(out).singleElement().satisfies(a -> {
            assertThat(a.getPubstatus()).isEqualTo(PubStatus.withheld);
            assertThat(a.getSignals()).contains("embargo-beyond-horizon");
            assertThat(a.getHeadline()).as("no embargoed text on the topic").doesNotContain("century");
        });
        KeyValueStore<String, Article> held = driver.getKeyValueStore(ArticleReleaseProcessor.HELD_STORE);
        assertThat(held.get("urn:acme:far")).isNull();
    }

    @Test
    void anEmbargoWithinTheHorizonIsHeldAndReleasedOnTime() {
        push("urn:acme:week|1|usable|" + START.plus(Duration.ofDays(29)) + "|Held for four weeks");
        assertThat(articles.isEmpty()).isTrue();
        driver.advanceWallClockTime(Duration.ofDays(29).minusSeconds(2));
        assertThat(articles.isEmpty()).isTrue();
        driver.advanceWallClockTime(Duration.ofSeconds(3));
        assertThat(articles.readValuesToList()).extracting(Article::getUri).containsExactly("urn:acme:week");
    }

    @Test
    void storiesHeldAndTombstonesDueInTheFormerLayoutAreStillReleasedAfterAnUpgrade() {
        // state as the gate wrote it before its timer index: by uri only
        Article legacy = Article.newBuilder().setUri("urn:acme:legacy").setVersion(1).setPubstatus(PubStatus.usable)
                .setHeadline("Held across the upgrade").setEmbargoed(START.plus(Duration.ofMinutes(2)))
                .setVersioncreated(START).setAgency("acme").setReceivedAt(START).build();
        driver.<String, Article>getKeyValueStore(ArticleReleaseProcessor.HELD_STORE).put("urn:acme:legacy", legacy);
        driver.<String, Long>getKeyValueStore(ArticleReleaseProcessor.TOMBSTONE_STORE)
                .put("urn:acme:killed-before", START.plus(Duration.ofMinutes(3)).toEpochMilli());

        driver.advanceWallClockTime(Duration.ofMinutes(1));
        assertThat(articles.isEmpty()).as("not before its embargo").isTrue();
        driver.advanceWallClockTime(Duration.ofMinutes(1).plusSeconds(1));
        assertThat(articles.readValuesToList()).extracting(Article::getUri).containsExactly("urn:acme:legacy");
        driver.advanceWallClockTime(Duration.ofMinutes(1));
        assertThat(articles.readKeyValuesToList()).singleElement().satisfies(kv -> {
            assertThat(kv.key).isEqualTo("urn:acme:killed-before");
            assertThat(kv.value).isNull();
        });
    }
}
