package io.wirestream.enrich.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.avro.Article;
import io.wirestream.avro.IngestChannel;
import io.wirestream.avro.PubStatus;
import io.wirestream.avro.RawItem;
import io.wirestream.avro.Rejection;
import io.wirestream.contracts.registry.InMemorySchemaRegistryClient;
import io.wirestream.contracts.serde.SerdeConfig;
import io.wirestream.contracts.serde.WireFormat;
import io.wirestream.contracts.topics.Topics;
import io.wirestream.enrich.normalise.ItemNormaliser;
import io.wirestream.enrich.normalise.NormalisationException;
import io.wirestream.runtime.config.Settings;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The topology's own wiring: rejection routing, re-keying by story uri, embargo hold and release on wall-clock
 * time, kills as withdrawn records followed by tombstones. The normaliser is a small test double speaking a
 * line format (uri|version|status|embargo|headline); the real parsers have their own tests.
 */
class EnrichTopologyTest {

    static final Instant START = Instant.parse("2026-03-01T10:00:00Z");

    /** uri|version|status|embargoIso-or-empty|headline */
    static final ItemNormaliser LINE_NORMALISER = raw -> {
        String text = StandardCharsets.UTF_8.decode(raw.getPayload().duplicate()).toString();
        String[] f = text.split("\\|", -1);
        if (f.length != 5) {
            throw new NormalisationException("detect", "unknown-format", "expected 5 fields, got " + f.length);
        }
        if (f[4].equals("boom")) {
            throw new IllegalStateException("parser bug");
        }
        return List.of(Article.newBuilder()
                .setUri(f[0]).setVersion(Long.parseLong(f[1])).setPubstatus(PubStatus.valueOf(f[2]))
                .setEmbargoed(f[3].isEmpty() ? null : Instant.parse(f[3]))
                .setHeadline(f[4]).setVersioncreated(raw.getReceivedAt()).setAgency(raw.getAgency())
                .setReceivedAt(raw.getReceivedAt()).build());
    };

    TopologyTestDriver driver;
    TestInputTopic<String, RawItem> raw;
    TestOutputTopic<String, Article> articles;
    TestOutputTopic<String, Rejection> rejected;
    TestOutputTopic<byte[], byte[]> articlesBytes;
    int seq;

    @BeforeEach
    void setUp() {
        Map<String, Object> serdeConfig = Map.of(SerdeConfig.REGISTRY_CLIENT_INSTANCE, new InMemorySchemaRegistryClient());
        EnrichSerdes serdes = EnrichSerdes.of(serdeConfig);
        var topology = EnrichTopology.build(LINE_NORMALISER, List.of(), serdes,
                EnrichTopology.Options.from(Settings.ofValues(Map.of("enrich.kill.tombstone.grace", "1h"))), Clock.systemUTC());
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "enrich-topology-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        driver = new TopologyTestDriver(topology, props, START);
        raw = driver.createInputTopic(Topics.RAW.name(), serdes.key().serializer(), serdes.raw().serializer());
        articles = driver.createOutputTopic(Topics.ARTICLES.name(), serdes.key().deserializer(), serdes.article().deserializer());
        rejected = driver.createOutputTopic(Topics.REJECTED.name(), serdes.key().deserializer(), serdes.rejection().deserializer());
        articlesBytes = driver.createOutputTopic(Topics.ARTICLES.name(), new ByteArrayDeserializer(), new ByteArrayDeserializer());
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
    void publishesArticlesKeyedByStoryUriInTheWireFormat() {
        push("urn:acme:1|1|usable||Dam opens early");
        TestRecord<String, Article> out = articles.readRecord();
        assertThat(out.key()).isEqualTo("urn:acme:1");
        assertThat(out.value().getHeadline()).isEqualTo("Dam opens early");
        assertThat(out.value().getProcessedAt()).isNotNull();
        assertThat(out.value().getRaw().getItemId()).isEqualTo("item-1");
        assertThat(out.value().getRaw().getTopic()).isEqualTo(Topics.RAW.name());
        push("urn:acme:2|1|usable||Second story");
        TestRecord<byte[], byte[]> bytes = articlesBytes.readRecord();
        assertThat(WireFormat.schemaId(bytes.value())).isPositive();
        assertThat(WireFormat.schemaId(bytes.key())).isPositive();
    }

    @Test
    void rejectsBadInputWithStageAndReasonAndGoesOn() {
        push("not a story at all");
        push("urn:acme:3|1|usable||boom");
        push("urn:acme:4|1|usable||Still flowing");

        List<Rejection> rejections = rejected.readValuesToList();
        assertThat(rejections).hasSize(2);
        assertThat(rejections.get(0).getStage()).isEqualTo("detect");
        assertThat(rejections.get(0).getReason()).isEqualTo("unknown-format");
        assertThat(rejections.get(0).getRaw().getItemId()).isEqualTo("item-1");
        assertThat(rejections.get(0).getExcerpt()).contains("not a story");
        assertThat(rejections.get(1).getReason()).isEqualTo("internal-error");
        assertThat(rejections.get(1).getErrorClass()).isEqualTo(IllegalStateException.class.getName());
        assertThat(articles.readValuesToList()).extracting(Article::getHeadline).containsExactly("Still flowing");
    }

    @Test
    void holdsAnEmbargoedStoryUntilItsTimeThenReleasesIt() {
        Instant embargo = START.plus(Duration.ofMinutes(10));
        push("urn:acme:5|1|usable|" + embargo + "|Budget figures");
        assertThat(articles.isEmpty()).isTrue();

        driver.advanceWallClockTime(Duration.ofMinutes(9));
        assertThat(articles.isEmpty()).as("not before the embargo").isTrue();

        driver.advanceWallClockTime(Duration.ofMinutes(1).plusSeconds(1));
        List<Article> released = articles.readValuesToList();
        assertThat(released).extracting(Article::getHeadline).containsExactly("Budget figures");
        assertThat(released.get(0).getProcessedAt()).isAfterOrEqualTo(embargo);

        driver.advanceWallClockTime(Duration.ofMinutes(5));
        assertThat(articles.isEmpty()).as("released once only").isTrue();
    }

    @Test
    void aKillReplacesAHeldEmbargoedStoryAndIsTombstonedAfterTheGrace() {
        Instant embargo = START.plus(Duration.ofMinutes(30));
        push("urn:acme:6|1|usable|" + embargo + "|Quarterly results");
        push("urn:acme:6|2|canceled||Quarterly results");

        TestRecord<String, Article> kill = articles.readRecord();
        assertThat(kill.value().getPubstatus()).isEqualTo(PubStatus.canceled);

        driver.advanceWallClockTime(Duration.ofMinutes(31));
        assertThat(articles.isEmpty()).as("the killed story is never released from the hold").isTrue();

        driver.advanceWallClockTime(Duration.ofMinutes(30));
        TestRecord<String, Article> tombstone = articles.readRecord();
        assertThat(tombstone.key()).isEqualTo("urn:acme:6");
        assertThat(tombstone.value()).isNull();
    }

    @Test
    void aStoryThatComesBackAfterAKillGetsNoTombstone() {
        push("urn:acme:7|1|canceled||Rumour");
        push("urn:acme:7|2|usable||Confirmed");
        assertThat(articles.readValuesToList()).extracting(Article::getPubstatus).containsExactly(PubStatus.canceled, PubStatus.usable);
        driver.advanceWallClockTime(Duration.ofHours(2));
        assertThat(articles.isEmpty()).isTrue();
    }
}
