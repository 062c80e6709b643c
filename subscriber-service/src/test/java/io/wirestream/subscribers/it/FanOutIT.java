package io.wirestream.subscribers.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.wirestream.avro.Article;
import io.wirestream.runtime.config.Settings;
import io.wirestream.subscribers.SubscriberService;
import io.wirestream.subscribers.fanout.FanOutProcessor;
import io.wirestream.subscriptions.testing.Stories;
import io.wirestream.subscribers.testing.SubscriberCluster;
import io.wirestream.subscriptions.testing.SubscriberFiles;
import io.wirestream.subscribers.testing.WebhookReceiver;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole service on a real broker and registry: each subscriber's topic holds exactly its entitled stories; kills
 * and corrections reach those who received the story and no one else; a change of the subscribers file, made while it
 * runs, applies to the stories that follow (a new subscriber gets its topic and its copy).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FanOutIT {

    private static final String APP = "fanout-it";
    private static final Duration PATIENCE = Duration.ofSeconds(90);

    private Path dir;
    private SubscriberCluster cluster;
    private WebhookReceiver receiver;
    private SubscriberService service;
    private Path file;

    @BeforeAll
    void start(@TempDir Path tempDir) throws Exception {
        dir = tempDir;
        cluster = new SubscriberCluster();
        receiver = new WebhookReceiver(Map.of("money-daily", "money-daily-secret-0123456789", "beta-urgent", "beta-urgent-secret-0123456789"));
        file = dir.resolve("subscribers.yaml");
        Files.writeString(file, SubscriberFiles.threeSites(receiver.url()));
        Settings settings = cluster.serviceSettings(file, dir.resolve("state"), APP);
        service = new SubscriberService(settings, Map.of(), Clock.systemUTC(), null);
        service.start();
    }

    @AfterAll
    void stop() {
        if (service != null) {
            service.stop();
        }
        if (receiver != null) {
            receiver.close();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    /** uri -> the versions on a subscriber's topic, in topic order per story (null marks a tombstone). */
    private Map<String, List<String>> topic(String subscriber) {
        Map<String, List<String>> byUri = new HashMap<>();
        for (ConsumerRecord<String, byte[]> r : cluster.readAll("wire.sub." + subscriber)) {
            var v = r.headers().lastHeader(FanOutProcessor.HEADER_VERSION);
            var s = r.headers().lastHeader(FanOutProcessor.HEADER_STATE);
            String entry = r.value() == null ? "tombstone"
                    : new String(v.value(), StandardCharsets.UTF_8) + ":" + new String(s.value(), StandardCharsets.UTF_8);
            byUri.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(entry);
        }
        return byUri;
    }

    private void awaitCaughtUp() {
        await().atMost(PATIENCE).until(() -> cluster.caughtUp(APP, "wire.articles"));
    }

    @Test
    @Order(1)
    void eachSubscriberTopicHoldsExactlyItsEntitledStories() {
        List<Article> stories = List.of(
                Stories.usable("alpha-sport-1", 1, "alpha", Stories.SPORT),
                Stories.usable("alpha-sport-2", 1, "alpha", Stories.SPORT),
                Stories.usable("alpha-politics-1", 1, "alpha", Stories.POLITICS),
                Stories.usable("beta-sport-1", 1, "beta", Stories.SPORT),
                Stories.story("beta-flash-1", 1, "beta", Stories.POLITICS).setUrgency(2).build(),
                Stories.usable("gamma-money-1", 1, "gamma", Stories.ECONOMY),
                Stories.story("gamma-money-de", 1, "gamma", Stories.ECONOMY).setLanguage("de").build(),
                Stories.story("beta-money-flash", 1, "beta", Stories.ECONOMY).setUrgency(1).build());
        cluster.publish(stories.toArray(Article[]::new));
        awaitCaughtUp();

        assertThat(topic("alpha-sport")).containsOnlyKeys("alpha-sport-1", "alpha-sport-2");
        assertThat(topic("money-daily")).containsOnlyKeys("gamma-money-1", "beta-money-flash");
        assertThat(topic("beta-urgent")).containsOnlyKeys("beta-flash-1", "beta-money-flash");
        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(receiver.keptVersions("money-daily")).containsExactlyInAnyOrder("gamma-money-1@1", "beta-money-flash@1");
            assertThat(receiver.keptVersions("beta-urgent")).containsExactlyInAnyOrder("beta-flash-1@1", "beta-money-flash@1");
        });
        assertThat(receiver.requests()).allSatisfy(r -> assertThat(r.signatureValid()).isTrue());
        String metrics = service.metrics().scrape();
        assertThat(metrics).contains(
                "wirestream_subscribers_delivered_total{channel=\"topic\",service=\"subscriber-service\",state=\"usable\",subscriber=\"alpha-sport\"} 2.0",
                "wirestream_subscribers_delivered_total{channel=\"webhook-queue\",service=\"subscriber-service\",state=\"usable\",subscriber=\"money-daily\"} 2.0",
                "wirestream_subscribers_fanout_delay_seconds_count{channel=\"topic\",service=\"subscriber-service\",subscriber=\"beta-urgent\"} 2");
    }

    @Test
    @Order(2)
    void killsAndCorrectionsReachThoseWhoReceivedTheStoryAndNoOneElse() {
        cluster.publish(
                Stories.kill("alpha-sport-1", 2, "alpha"),                    // received by alpha-sport only
                Stories.correctionWithoutTopics("beta-money-flash", 2, "beta"), // received by money-daily and beta-urgent; matches neither now
                Stories.kill("alpha-politics-1", 2, "alpha"),                 // received by no one
                Stories.correctionWithoutTopics("beta-sport-1", 2, "beta"));  // received by no one
        awaitCaughtUp();

        assertThat(topic("alpha-sport").get("alpha-sport-1")).containsExactly("1:usable", "2:killed");
        assertThat(topic("money-daily").get("beta-money-flash")).containsExactly("1:usable", "2:correction");
        assertThat(topic("beta-urgent").get("beta-money-flash")).containsExactly("1:usable", "2:correction");
        assertThat(topic("alpha-sport")).doesNotContainKeys("alpha-politics-1", "beta-sport-1");
        assertThat(topic("money-daily")).doesNotContainKeys("alpha-sport-1", "alpha-politics-1", "beta-sport-1");
        assertThat(topic("beta-urgent")).doesNotContainKeys("alpha-sport-1", "alpha-politics-1", "beta-sport-1");
        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(receiver.keptVersions("money-daily")).contains("beta-money-flash@2");
            assertThat(receiver.keptVersions("beta-urgent")).contains("beta-money-flash@2");
        });
        assertThat(receiver.kept()).noneMatch(r -> r.uri().equals("alpha-sport-1") || r.uri().equals("alpha-politics-1")
                || r.uri().equals("beta-sport-1"));

        cluster.publishTombstone("alpha-sport-1");
        awaitCaughtUp();
        assertThat(topic("alpha-sport").get("alpha-sport-1")).containsExactly("1:usable", "2:killed", "tombstone");
    }

    @Test
    @Order(3)
    void aChangedSubscribersFileAppliesToTheStoriesThatFollowWithoutARestart() throws Exception {
        cluster.publish(Stories.usable("beta-sport-before", 1, "beta", Stories.SPORT));
        awaitCaughtUp();
        String changed = SubscriberFiles.threeSites(receiver.url()).replace("agencies: [alpha]", "agencies: [alpha, beta]") + """
                  - id: late-joiner
                    products:
                      - {name: all-sport, agencies: ["*"], mediaTopics: [medtop:15000000]}
                    channels: {topic: true}
                """;
        Files.writeString(file, changed);
        await().atMost(PATIENCE).until(() -> service.subscribers().get().byId("late-joiner") != null);
        assertThat(cluster.topicExists("wire.sub.late-joiner")).as("its topic is made before the file is in force").isTrue();

        cluster.publish(Stories.usable("beta-sport-after", 1, "beta", Stories.SPORT));
        awaitCaughtUp();
        assertThat(topic("alpha-sport")).containsKey("beta-sport-after").doesNotContainKey("beta-sport-before");
        assertThat(topic("late-joiner")).containsOnlyKeys("beta-sport-after");

        Files.writeString(file, changed.replace("agencies: [alpha, beta]", "agencies: alpha, beta]"));
        await().atMost(PATIENCE).until(() -> service.subscribers().problem() != null);
        assertThat(service.subscribers().problem()).contains("stays in force").contains("subscribers[0] (alpha-sport).products[0].agencies");
        cluster.publish(Stories.usable("beta-sport-during-bad-file", 1, "beta", Stories.SPORT));
        awaitCaughtUp();
        assertThat(topic("alpha-sport")).as("the previous file stays in force").containsKey("beta-sport-during-bad-file");
    }
}
