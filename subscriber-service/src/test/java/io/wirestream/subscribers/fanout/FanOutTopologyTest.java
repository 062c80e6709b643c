package io.wirestream.subscribers.fanout;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.wirestream.avro.Article;
import io.wirestream.avro.Rejection;
import io.wirestream.contracts.registry.InMemorySchemaRegistryClient;
import io.wirestream.contracts.serde.SerdeConfig;
import io.wirestream.contracts.topics.Topics;
import io.wirestream.subscriptions.SubscriberConfig;
import io.wirestream.subscriptions.SubscribersFile;
import io.wirestream.subscribers.testing.MutableClock;
import io.wirestream.subscriptions.testing.Stories;
import io.wirestream.subscriptions.testing.SubscriberFiles;
import io.wirestream.subscribers.webhook.WebhookMessage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The fan-out's rules on the topology itself (TopologyTestDriver): entitlement, kills and corrections, embargoes, config changes. */
class FanOutTopologyTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");
    private static final FanOutTopology.Options OPTIONS = new FanOutTopology.Options(Topics.ARTICLES.name(), "wire.sub.",
            "wire.subscribers.webhooks", Duration.ofSeconds(1), Duration.ofHours(1), Duration.ofDays(90));

    private final Map<String, Object> serde = Map.of(SerdeConfig.REGISTRY_CLIENT_INSTANCE, new InMemorySchemaRegistryClient());
    private final MutableClock clock = new MutableClock(NOW);
    private final AtomicReference<SubscriberConfig> config = new AtomicReference<>();
    private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
    private final FanOutMetrics fanOutMetrics = new FanOutMetrics(metrics);
    private TopologyTestDriver driver;
    private TestInputTopic<String, Article> articles;

    @BeforeEach
    void start() {
        config.set(parse(SubscriberFiles.threeSites("http://127.0.0.1:9/hook")));
        Properties p = new Properties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, "fanout-test");
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        driver = new TopologyTestDriver(FanOutTopology.build(OPTIONS, config::get, serde, clock, fanOutMetrics,
                FailingRenderer::new), p, NOW);
        articles = driver.createInputTopic(Topics.ARTICLES.name(), Topics.ARTICLES.keySerde(serde).serializer(),
                Topics.ARTICLES.valueSerde(serde).serializer());
    }

    /** Writes every story but one whose headline says it cannot be written. */
    static final class FailingRenderer extends Renderer {
        @Override
        public byte[] render(Article article, io.wirestream.subscriptions.EditorialState state,
                             io.wirestream.subscriptions.OutputFormat format) {
            if (article.getHeadline().toString().startsWith("UNWRITABLE")) {
                throw new IllegalStateException("cannot write this story");
            }
            return super.render(article, state, format);
        }
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    private static SubscriberConfig parse(String yaml) {
        return new SubscribersFile(Map.of(), null).parse(yaml.getBytes(StandardCharsets.UTF_8), "test.yaml");
    }

    private void publish(Article a) {
        articles.pipeInput(a.getUri(), a);
    }

    private List<TestRecord<String, byte[]>> topicOf(String subscriber) {
        TestOutputTopic<String, byte[]> out = driver.createOutputTopic("wire.sub." + subscriber, new StringDeserializer(), new ByteArrayDeserializer());
        return out.readRecordsToList();
    }

    private List<WebhookMessage> webhooks() {
        TestOutputTopic<String, byte[]> out = driver.createOutputTopic("wire.subscribers.webhooks", new StringDeserializer(), new ByteArrayDeserializer());
        List<WebhookMessage> list = new ArrayList<>();
        out.readRecordsToList().forEach(r -> {
            WebhookMessage m = WebhookMessage.fromBytes(r.value());
            assertThat(r.key()).as("webhook queue keyed by subscriber").isEqualTo(m.subscriber());
            list.add(m);
        });
        return list;
    }

    private static JsonNode doc(TestRecord<String, byte[]> r) {
        try {
            return JSON.readTree(r.value());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String header(TestRecord<String, byte[]> r, String name) {
        return new String(r.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    @Test
    void eachSubscriberGetsExactlyTheStoriesItsProductsMatch() {
        publish(Stories.usable("alpha-sport-1", 1, "alpha", Stories.SPORT));
        publish(Stories.usable("beta-sport-1", 1, "beta", Stories.SPORT)); // urgency 5: not urgent
        publish(Stories.story("beta-flash-1", 1, "beta", Stories.POLITICS).setUrgency(1).build());
        publish(Stories.usable("gamma-money-1", 1, "gamma", Stories.ECONOMY));
        publish(Stories.story("gamma-money-fr", 1, "gamma", Stories.ECONOMY).setLanguage("fr").build());
        publish(Stories.usable("alpha-politics-1", 1, "alpha", Stories.POLITICS));

        assertThat(topicOf("alpha-sport")).extracting(TestRecord::key).containsExactly("alpha-sport-1");
        assertThat(topicOf("money-daily")).extracting(TestRecord::key).containsExactly("gamma-money-1");
        assertThat(topicOf("beta-urgent")).extracting(TestRecord::key).containsExactly("beta-flash-1");
        assertThat(webhooks()).extracting(m -> m.subscriber() + ":" + m.uri())
                .containsExactly("beta-urgent:beta-flash-1", "money-daily:gamma-money-1");
    }

    @Test
    void theDocumentIsInTheSubscribersFormatAndCarriesTheRights() throws IOException {
        publish(Stories.story("alpha-sport-1", 1, "alpha", Stories.SPORT).setCopyrightholder("Alpha Press")
                .setUsageterms("Online use only, for 30 days; no resale.")
                .setProvider(new io.wirestream.avro.Provider("Alpha Press", null, "NewsML-G2 itemMeta/provider")).build());
        publish(Stories.story("gamma-money-1", 1, "gamma", Stories.ECONOMY).setUsageterms("Not for print.").build());

        TestRecord<String, byte[]> official = topicOf("alpha-sport").get(0);
        assertThat(doc(official).path("copyrightnotice").asText()).isEqualTo("(c) 2026 alpha, all rights reserved");
        assertThat(doc(official).path("copyrightholder").asText()).isEqualTo("Alpha Press");
        assertThat(doc(official).path("usageterms").asText()).isEqualTo("Online use only, for 30 days; no resale.");
        assertThat(doc(official).path("infosources").get(1).path("name").asText()).isEqualTo("Alpha Press");
        assertThat(doc(official).path("infosources").get(0).path("name").asText()).isEqualTo("alpha");
        assertThat(doc(official).has("wirestream")).as("official ninjs has no pipeline property").isFalse();
        assertThat(header(official, FanOutProcessor.HEADER_VERSION)).isEqualTo("1");
        assertThat(header(official, FanOutProcessor.HEADER_STATE)).isEqualTo("usable");

        TestRecord<String, byte[]> extended = topicOf("money-daily").get(0);
        assertThat(doc(extended).path("wirestream").path("agency").asText()).isEqualTo("gamma");
        assertThat(doc(extended).path("copyrightnotice").asText()).isEqualTo("(c) 2026 gamma, all rights reserved");
        assertThat(doc(extended).path("usageterms").asText()).isEqualTo("Not for print.");
        WebhookMessage hook = webhooks().get(0);
        assertThat(hook.body().getBytes(StandardCharsets.UTF_8)).isEqualTo(extended.value());
        assertThat(hook.idempotencyKey()).isEqualTo(header(extended, FanOutProcessor.HEADER_IDEMPOTENCY_KEY));
    }

    @Test
    void aKillReachesEveryoneWhoReceivedTheStoryEvenStrippedOfWhatTheyMatchedAndNoOneElse() {
        publish(Stories.usable("alpha-sport-1", 1, "alpha", Stories.SPORT));
        publish(Stories.usable("alpha-sport-2", 1, "alpha", Stories.SPORT));
        topicOf("alpha-sport");
        publish(Stories.kill("alpha-sport-1", 2, "alpha"));
        publish(Stories.kill("beta-never-sent", 2, "beta"));

        List<TestRecord<String, byte[]>> alpha = topicOf("alpha-sport");
        assertThat(alpha).extracting(TestRecord::key).containsExactly("alpha-sport-1");
        assertThat(doc(alpha.get(0)).path("pubstatus").asText()).isEqualTo("canceled");
        assertThat(doc(alpha.get(0)).has("bodies")).as("the withdrawn marker carries none of the text").isFalse();
        assertThat(header(alpha.get(0), FanOutProcessor.HEADER_STATE)).isEqualTo("killed");
        assertThat(topicOf("money-daily")).isEmpty();
        assertThat(topicOf("beta-urgent")).isEmpty();
        assertThat(webhooks()).isEmpty();

        publish(Stories.usable("alpha-sport-1", 3, "alpha", Stories.SPORT));
        assertThat(topicOf("alpha-sport")).as("nothing after a kill").isEmpty();
    }

    @Test
    void aCorrectionThatNoLongerMatchesStillReachesThoseWhoReceivedTheStory() {
        publish(Stories.usable("gamma-money-1", 1, "gamma", Stories.ECONOMY));
        topicOf("money-daily");
        webhooks();
        publish(Stories.correctionWithoutTopics("gamma-money-1", 2, "gamma"));

        List<TestRecord<String, byte[]>> money = topicOf("money-daily");
        assertThat(money).extracting(TestRecord::key).containsExactly("gamma-money-1");
        assertThat(header(money.get(0), FanOutProcessor.HEADER_STATE)).isEqualTo("correction");
        assertThat(header(money.get(0), FanOutProcessor.HEADER_VERSION)).isEqualTo("2");
        assertThat(webhooks()).extracting(WebhookMessage::version).containsExactly(2L);
        assertThat(topicOf("alpha-sport")).isEmpty();
    }

    @Test
    void aWithheldNoticeGoesOnlyToThoseWhoReceivedTheStory() {
        publish(Stories.usable("alpha-sport-1", 1, "alpha", Stories.SPORT));
        topicOf("alpha-sport");
        publish(Stories.withheld("alpha-sport-1", 2, "alpha"));
        publish(Stories.withheld("alpha-sport-9", 1, "alpha"));
        List<TestRecord<String, byte[]>> alpha = topicOf("alpha-sport");
        assertThat(alpha).extracting(TestRecord::key).containsExactly("alpha-sport-1");
        assertThat(doc(alpha.get(0)).path("pubstatus").asText()).isEqualTo("withheld");
    }

    @Test
    void anEmbargoedVersionIsHeldUntilItsTimeOnThisClockThenDelivered() {
        publish(Stories.embargoed("alpha-sport-1", 1, "alpha", Stories.SPORT, NOW.plusSeconds(30)));
        driver.advanceWallClockTime(Duration.ofSeconds(5));
        assertThat(topicOf("alpha-sport")).as("before the embargo").isEmpty();

        clock.advance(Duration.ofSeconds(31));
        driver.advanceWallClockTime(Duration.ofSeconds(2));
        assertThat(topicOf("alpha-sport")).extracting(TestRecord::key).containsExactly("alpha-sport-1");
    }

    @Test
    void aKillOfAStoryStillUnderEmbargoReachesNoOne() {
        publish(Stories.embargoed("alpha-sport-1", 1, "alpha", Stories.SPORT, NOW.plusSeconds(30)));
        publish(Stories.kill("alpha-sport-1", 2, "alpha"));
        clock.advance(Duration.ofMinutes(5));
        driver.advanceWallClockTime(Duration.ofSeconds(2));
        assertThat(topicOf("alpha-sport")).isEmpty();
    }

    @Test
    void anEmbargoInThePastIsDeliveredAtOnce() {
        publish(Stories.embargoed("alpha-sport-1", 1, "alpha", Stories.SPORT, NOW.minusSeconds(1)));
        assertThat(topicOf("alpha-sport")).hasSize(1);
    }

    @Test
    void aChangeOfSubscribersAppliesToTheStoriesThatFollow() {
        publish(Stories.usable("beta-sport-1", 1, "beta", Stories.SPORT));
        assertThat(topicOf("alpha-sport")).isEmpty();
        config.set(parse(SubscriberFiles.threeSites("http://127.0.0.1:9/hook").replace("agencies: [alpha]", "agencies: [alpha, beta]")));
        publish(Stories.usable("beta-sport-2", 1, "beta", Stories.SPORT));
        assertThat(topicOf("alpha-sport")).extracting(TestRecord::key).containsExactly("beta-sport-2");
    }

    @Test
    void theSameContentAgainIsNotSentAgainButANewVersionIs() {
        Article v1 = Stories.usable("alpha-sport-1", 1, "alpha", Stories.SPORT);
        publish(v1);
        publish(v1);
        publish(Stories.usable("alpha-sport-1", 1, "beta", Stories.SPORT)); // same version, other content: a revision
        publish(Stories.usable("alpha-sport-1", 2, "alpha", Stories.SPORT));
        List<TestRecord<String, byte[]>> alpha = topicOf("alpha-sport");
        assertThat(alpha).extracting(r -> header(r, FanOutProcessor.HEADER_VERSION)).containsExactly("1", "1", "2");
        assertThat(alpha).extracting(r -> header(r, FanOutProcessor.HEADER_IDEMPOTENCY_KEY)).doesNotHaveDuplicates();
        publish(Stories.usable("alpha-sport-1", 1, "alpha", Stories.SPORT));
        assertThat(topicOf("alpha-sport")).as("an older version is never sent").isEmpty();
    }

    @Test
    void theKillsTombstoneFollowsToTheTopicsThatCarriedTheStory() {
        publish(Stories.usable("alpha-sport-1", 1, "alpha", Stories.SPORT));
        publish(Stories.kill("alpha-sport-1", 2, "alpha"));
        topicOf("alpha-sport");
        articles.pipeInput("alpha-sport-1", null);
        List<TestRecord<String, byte[]>> alpha = topicOf("alpha-sport");
        assertThat(alpha).singleElement().satisfies(r -> {
            assertThat(r.key()).isEqualTo("alpha-sport-1");
            assertThat(r.value()).isNull();
        });
        assertThat(webhooks()).isEmpty();
    }

    @Test
    void aVersionThatCannotBeWrittenIsRejectedAndTheNextGoesOn() {
        publish(Stories.story("alpha-sport-1", 1, "alpha", Stories.SPORT).setHeadline("UNWRITABLE").build());
        publish(Stories.usable("alpha-sport-2", 1, "alpha", Stories.SPORT));
        assertThat(topicOf("alpha-sport")).extracting(TestRecord::key).containsExactly("alpha-sport-2");
        TestOutputTopic<String, Rejection> rejected = driver.createOutputTopic(Topics.REJECTED.name(),
                Topics.REJECTED.keySerde(serde).deserializer(), Topics.REJECTED.valueSerde(serde).deserializer());
        assertThat(rejected.readValuesToList()).singleElement().satisfies(r -> {
            assertThat(r.getStage()).isEqualTo("subscribers");
            assertThat(r.getRaw().getItemId()).isEqualTo("raw-alpha-sport-1-1");
        });
    }

    @Test
    void aVersionThatCannotBeWrittenCountsAsAFailureOfEachSubscriberItWasDueToAndNoOther() {
        publish(Stories.usable("beta-flash-1", 1, "beta", Stories.POLITICS)); // urgency 5: beta-urgent is not due it
        publish(Stories.story("beta-flash-2", 1, "beta", Stories.POLITICS).setUrgency(1).setHeadline("UNWRITABLE").build());
        publish(Stories.story("money-1", 1, "alpha", Stories.ECONOMY).setHeadline("UNWRITABLE too").build());

        assertThat(fanOutMetrics.failures("beta-urgent")).isEqualTo(1);
        assertThat(fanOutMetrics.failures("money-daily")).isEqualTo(1);
        assertThat(fanOutMetrics.failures("alpha-sport")).as("due neither version").isZero();
        assertThat(metrics.get("wirestream.subscribers.fanout.failures").tag("subscriber", "beta-urgent").counter().count()).isEqualTo(1.0);
        assertThat(metrics.find("wirestream.subscribers.fanout.failures").tag("subscriber", "alpha-sport").counter()).isNull();
    }

    @Test
    void eachChannelRemembersWhenItLastReceivedAVersion() {
        assertThat(fanOutMetrics.lastDelivery("money-daily", "topic")).isEmpty();
        publish(Stories.usable("money-1", 1, "gamma", Stories.ECONOMY));
        Instant first = clock.instant();
        clock.advance(Duration.ofMinutes(3));
        publish(Stories.usable("alpha-sport-1", 1, "alpha", Stories.SPORT)); // not money-daily's

        assertThat(fanOutMetrics.lastDelivery("money-daily", "topic")).contains(first);
        assertThat(fanOutMetrics.lastDelivery("money-daily", "webhook-queue")).contains(first);
        assertThat(fanOutMetrics.lastDelivery("alpha-sport", "topic")).contains(first.plus(Duration.ofMinutes(3)));
        assertThat(fanOutMetrics.lastDelivery("alpha-sport", "webhook-queue")).as("it has no webhook").isEmpty();
        assertThat(metrics.get("wirestream.subscribers.last.delivery.timestamp.seconds").tags("subscriber", "money-daily", "channel", "topic")
                .gauge().value()).isEqualTo(first.toEpochMilli() / 1000.0);
    }

    @Test
    void aCorruptRecordIsRejectedWithItsPositionAndTheNextGoesOn() {
        driver.close();
        Properties p = new Properties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, "fanout-test");
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        p.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, CorruptRecordHandler.class);
        p.put(SerdeConfig.REGISTRY_CLIENT_INSTANCE, serde.get(SerdeConfig.REGISTRY_CLIENT_INSTANCE));
        driver = new TopologyTestDriver(FanOutTopology.build(OPTIONS, config::get, serde, clock, new FanOutMetrics(metrics)), p, NOW);
        articles = driver.createInputTopic(Topics.ARTICLES.name(), Topics.ARTICLES.keySerde(serde).serializer(),
                Topics.ARTICLES.valueSerde(serde).serializer());
        driver.createInputTopic(Topics.ARTICLES.name(), new StringSerializer(), new ByteArraySerializer())
                .pipeInput("garbage", "not avro at all".getBytes(StandardCharsets.UTF_8));
        publish(Stories.usable("alpha-sport-2", 1, "alpha", Stories.SPORT));
        assertThat(topicOf("alpha-sport")).extracting(TestRecord::key).containsExactly("alpha-sport-2");
        TestOutputTopic<String, Rejection> rejected = driver.createOutputTopic(Topics.REJECTED.name(),
                Topics.REJECTED.keySerde(serde).deserializer(), Topics.REJECTED.valueSerde(serde).deserializer());
        assertThat(rejected.readValuesToList()).singleElement().satisfies(r -> {
            assertThat(r.getReason()).isEqualTo("corrupt-record");
            assertThat(r.getRaw().getTopic()).isEqualTo(Topics.ARTICLES.name());
        });
    }
}
