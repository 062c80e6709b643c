package io.wirestream.enrich.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wirestream.avro.Article;
import io.wirestream.avro.IngestChannel;
import io.wirestream.avro.RawItem;
import io.wirestream.avro.Rejection;
import io.wirestream.runtime.config.Settings;
import io.wirestream.contracts.registry.InMemorySchemaRegistryClient;
import io.wirestream.contracts.registry.SchemaRegistryException;
import io.wirestream.contracts.serde.SerdeConfig;
import io.wirestream.contracts.topics.Topics;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Named;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No record can stop enrich-stream: the guards the production Streams configuration installs (processing,
 * deserialization), run in the topology test driver with a stage that throws on one record, corrupt bytes on the raw
 * topic, and a registry that is down. The line normaliser of {@link EnrichTopologyTest} stands in for the parsers.
 */
class StreamGuardTest {

    static final Instant START = EnrichTopologyTest.START;

    @TempDir
    Path stateDir;

    /** A registry whose schema look-ups can be switched off, as when the registry process is down. */
    final InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();
    TopologyTestDriver driver;
    EnrichSerdes serdes;
    TestInputTopic<String, RawItem> raw;
    TestInputTopic<byte[], byte[]> rawBytes;
    TestOutputTopic<String, Article> articles;
    TestOutputTopic<String, Rejection> rejected;
    int seq;

    /** A stage that throws on the story headed "poison", every time it sees it. */
    static final ArticleStage POISONED = (builder, in) -> in.mapValues(a -> {
        if (a.getHeadline().equals("poison")) {
            throw new IllegalStateException("stage bug on " + a.getUri());
        }
        return a;
    }, Named.as("poisoned-stage"));

    void start(List<ArticleStage> stages, EnrichTopology.Options options) {
        start(stages, options, Map.of());
    }

    void start(List<ArticleStage> stages, EnrichTopology.Options options, Map<String, String> overrides) {
        Map<String, Object> serdeConfig = new HashMap<>();
        serdeConfig.put(SerdeConfig.REGISTRY_CLIENT_INSTANCE, registry);
        serdeConfig.put(SerdeConfig.OUTAGE_WAIT_MS, "200");
        serdes = EnrichSerdes.of(serdeConfig);
        Topology topology = EnrichTopology.build(EnrichTopologyTest.LINE_NORMALISER, stages, serdes, options, Clock.systemUTC());
        // the production configuration, handlers and all; only the registry is a test instance
        Properties props = EnrichService.streamsConfig(Settings.ofValues(Map.of("enrich.state.dir", stateDir.toString())));
        props.putAll(serdeConfig);
        props.putAll(overrides);
        driver = new TopologyTestDriver(topology, props, START);
        raw = driver.createInputTopic(Topics.RAW.name(), serdes.key().serializer(), serdes.raw().serializer());
        rawBytes = driver.createInputTopic(Topics.RAW.name(), new ByteArraySerializer(), new ByteArraySerializer());
        articles = driver.createOutputTopic(Topics.ARTICLES.name(), serdes.key().deserializer(), serdes.article().deserializer());
        rejected = driver.createOutputTopic(Topics.REJECTED.name(), serdes.key().deserializer(), serdes.rejection().deserializer());
    }

    @AfterEach
    void tearDown() {
        if (driver != null) {
            driver.close();
        }
    }

    RawItem item(String line) {
        String id = "item-" + (++seq);
        return RawItem.newBuilder().setItemId(id).setAgency("acme").setReceivedAt(START)
                .setChannel(IngestChannel.PUSH).setPayload(ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8))).build();
    }

    void push(String line) {
        RawItem item = item(line);
        raw.pipeInput("acme/" + item.getItemId(), item, START);
    }

    @Test
    void aStageThatThrowsOnOneRecordRejectsItWithStageReasonAndRawRefAndTheRestGoesOn() {
        start(List.of(POISONED), EnrichTopology.Options.defaults());

        push("urn:acme:1|1|usable||poison");
        push("urn:acme:2|1|usable||Dam opens early");
        push("urn:acme:1|2|usable||poison"); // the same story failing again is rejected again, not retried forever
        push("urn:acme:3|1|usable||Bridge reopens");

        List<Rejection> rejections = rejected.readValuesToList();
        assertThat(rejections).hasSize(2).allSatisfy(r -> {
            assertThat(r.getStage()).isEqualTo("poisoned-stage");
            assertThat(r.getReason()).isEqualTo(GuardedProcessingHandler.REASON);
            assertThat(r.getErrorClass()).isEqualTo(IllegalStateException.class.getName());
            assertThat(r.getRaw().getTopic()).isEqualTo(Topics.RAW.name());
        });
        assertThat(rejections).extracting(r -> r.getRaw().getItemId()).containsExactly("item-1", "item-3");
        assertThat(articles.readValuesToList()).extracting(Article::getHeadline).containsExactly("Dam opens early", "Bridge reopens");
    }

    @Test
    void aCorruptRecordOnTheRawTopicIsRejectedWithItsLocationAndTheRestGoesOn() {
        // The test driver's transactional mock producer loses dead-letter records sent while the input queue
        // deserialises (before the driver's transaction); at-least-once shows the handler's record. StreamGuardIT shows
        // it on the real broker under exactly_once_v2.
        start(List.of(), EnrichTopology.Options.defaults(), Map.of(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.AT_LEAST_ONCE));

        rawBytes.pipeInput("junk-key".getBytes(StandardCharsets.UTF_8), new byte[] {7, 1, 2, 3, 4, 5, 6}, START);
        push("urn:acme:4|1|usable||Still flowing");

        List<Rejection> rejections = rejected.readValuesToList();
        assertThat(rejections).singleElement().satisfies(r -> {
            assertThat(r.getStage()).isEqualTo("deserialize");
            assertThat(r.getReason()).isEqualTo(GuardedDeserializationHandler.REASON);
            assertThat(r.getRaw().getTopic()).isEqualTo(Topics.RAW.name());
            assertThat(r.getRaw().getPartition()).isZero();
            assertThat(r.getRaw().getOffset()).isZero();
        });
        assertThat(articles.readValuesToList()).extracting(Article::getHeadline).containsExactly("Still flowing");
    }

    @Test
    void aRegistryOutageFailsTheTaskInsteadOfSkippingTheRecordWhichReadsOnceTheRegistryIsBack() {
        start(List.of(), EnrichTopology.Options.defaults());
        RawItem item = item("urn:acme:5|1|usable||Written before the outage");
        byte[] key = serdes.key().serializer().serialize(Topics.RAW.name(), "acme/" + item.getItemId());
        byte[] value = serdes.raw().serializer().serialize(Topics.RAW.name(), item);

        registry.failLookupsById(Integer.MAX_VALUE, new SchemaRegistryException(503, 50301, "registry unavailable"));
        assertThatThrownBy(() -> rawBytes.pipeInput(key, value, START)).as("the task fails: Streams will read the offset again");
        assertThat(rejected.isEmpty()).as("an outage is not a corrupt record").isTrue();
        assertThat(articles.isEmpty()).isTrue();

        registry.answerLookupsById();
        driver.close();
        driver = null;
        start(List.of(), EnrichTopology.Options.defaults()); // a new task reads the same record again
        rawBytes.pipeInput(key, value, START);
        assertThat(articles.readValuesToList()).extracting(Article::getHeadline).containsExactly("Written before the outage");
        assertThat(rejected.isEmpty()).isTrue();
    }

    @Test
    void anArticleOverItsShareOfTheSizeBudgetIsRejectedTooLarge() {
        start(List.of(), EnrichTopology.Options.defaults().withMaxArticleBytes(10_000));

        push("urn:acme:6|1|usable||" + "x".repeat(20_000));
        push("urn:acme:7|1|usable||Normal size");

        assertThat(rejected.readValuesToList()).singleElement().satisfies(r -> {
            assertThat(r.getReason()).isEqualTo("too-large");
            assertThat(r.getStage()).isEqualTo("normalise");
            assertThat(r.getRaw().getItemId()).isEqualTo("item-1");
        });
        assertThat(articles.readValuesToList()).extracting(Article::getHeadline).containsExactly("Normal size");
    }

    @Test
    void aSeventyThousandCharacterStoryIdIsRejectedAndTheNextStoryStillPublishesThroughTheProductionStages() {
        Map<String, Object> serdeConfig = Map.of(SerdeConfig.REGISTRY_CLIENT_INSTANCE, registry);
        Settings settings = Settings.ofValues(Map.of("enrich.dedupe.hold.back", "1s", "enrich.state.dir", stateDir.toString()));
        start(EnrichServiceMain.stages(settings, EnrichSerdes.of(serdeConfig)), EnrichTopology.Options.defaults());

        push("urn:acme:" + "9".repeat(70_000) + "|1|usable||Id too long");
        push("urn:acme:8|1|usable||Normal id");
        for (int i = 0; i < 5; i++) {
            driver.advanceWallClockTime(Duration.ofSeconds(1));
        }

        assertThat(rejected.readValuesToList()).singleElement().satisfies(r -> {
            assertThat(r.getReason()).isEqualTo("id-too-long");
            assertThat(r.getDetail()).hasSizeLessThan(500);
        });
        assertThat(articles.readValuesToList()).extracting(Article::getHeadline).containsExactly("Normal id");
    }
}
