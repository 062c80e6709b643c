package io.wirestream.subscribers.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.wirestream.avro.Article;
import io.wirestream.runtime.config.Settings;
import io.wirestream.subscribers.SubscriberService;
import io.wirestream.subscribers.SubscriberSettings;
import io.wirestream.subscriptions.testing.Stories;
import io.wirestream.subscribers.testing.SubscriberCluster;
import io.wirestream.subscribers.testing.WebhookReceiver;
import io.wirestream.subscribers.webhook.WebhookDispatcher;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Webhooks on a real broker, registry and HTTP endpoints: an endpoint that is down for a while receives everything
 * once it is back, in order per story, with a duplicate only where its idempotency key drops it; a delivery given up on
 * becomes a dead letter, and a replay brings the newest version of each story. The outage lasts
 * {@code -Dwirestream.webhook.outage} (ISO-8601, default PT5S): long enough for several retries, far from a real minute.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebhookDeliveryIT {

    private static final String APP = "webhook-it";
    private static final String TOKEN = "it-admin-token-0123456789";
    private static final Duration OUTAGE = Duration.parse(System.getProperty("wirestream.webhook.outage", "PT5S"));
    private static final Duration PATIENCE = OUTAGE.plusSeconds(90);

    private SubscriberCluster cluster;
    private WebhookReceiver newsSite;
    private WebhookReceiver flakySite;
    private SubscriberService service;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        cluster = new SubscriberCluster();
        newsSite = new WebhookReceiver(Map.of("news-site", "news-site-secret-0123456789"));
        flakySite = new WebhookReceiver(Map.of("flaky-site", "flaky-site-secret-0123456789"));
        Path file = dir.resolve("subscribers.yaml");
        Files.writeString(file, """
                subscribers:
                  - id: news-site
                    products: [{name: news, agencies: [news]}]
                    channels:
                      webhook: {url: "%s", secret: {env: NEWS_SITE_SECRET}}
                  - id: flaky-site
                    products: [{name: flaky, agencies: [flaky]}]
                    channels:
                      webhook: {url: "%s", secret: {value: flaky-site-secret-0123456789}, giveUpAfter: 1s}
                """.formatted(newsSite.url(), flakySite.url()));
        Settings settings = cluster.serviceSettings(file, dir.resolve("state"), APP).with(Map.of(SubscriberSettings.ADMIN_TOKEN.key(), TOKEN));
        service = new SubscriberService(settings, Map.of("NEWS_SITE_SECRET", "news-site-secret-0123456789"), Clock.systemUTC(), null);
        service.start();
    }

    @AfterAll
    void stop() {
        if (service != null) {
            service.stop();
        }
        if (newsSite != null) {
            newsSite.close();
        }
        if (flakySite != null) {
            flakySite.close();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void anEndpointDownForAWhileReceivesEverythingOnceBackInOrderPerStoryWithDuplicatesOnlyWhereItsKeyDropsThem() {
        newsSite.downUntil(Instant.now().plus(OUTAGE));
        newsSite.loseTheAnswerOnce("news-2", 2); // stored, but the 200 is lost: the retry must carry the same key
        List<String> expected = new ArrayList<>();
        for (int version = 1; version <= 3; version++) {
            for (int story = 1; story <= 5; story++) {
                Article a = Stories.usable("news-" + story, version, "news", Stories.POLITICS);
                cluster.publish(a);
                expected.add(a.getUri() + "@" + version);
            }
        }
        cluster.publish(Stories.kill("news-3", 4, "news"));
        expected.add("news-3@4");

        await().atMost(PATIENCE).until(() -> laneState("news-site").equals("RETRYING"));
        assertThat(service.metrics().scrape()).contains("wirestream_subscribers_webhook_retrying{service=\"subscriber-service\",subscriber=\"news-site\"} 1.0");

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(newsSite.keptVersions("news-site")).containsExactlyInAnyOrderElementsOf(expected));

        List<WebhookReceiver.Request> requests = newsSite.requests();
        assertThat(requests).as("the outage was seen").anyMatch(r -> r.status() == 503);
        assertThat(requests).allSatisfy(r -> assertThat(r.signatureValid()).isTrue());
        // in order per story: each story's versions arrived rising
        Map<String, List<Long>> versionsByStory = new HashMap<>();
        newsSite.kept("news-site").forEach(r -> versionsByStory.computeIfAbsent(r.uri(), k -> new ArrayList<>()).add(r.version()));
        versionsByStory.forEach((uri, versions) -> assertThat(versions).as(uri).isSorted());
        assertThat(versionsByStory.get("news-3")).containsExactly(1L, 2L, 3L, 4L);
        // duplicates: the same story version always came with the same key, so the endpoint could drop every copy
        Map<String, Set<String>> keysByVersion = requests.stream().collect(Collectors.groupingBy(r -> r.uri() + "@" + r.version(),
                Collectors.mapping(WebhookReceiver.Request::key, Collectors.toSet())));
        assertThat(keysByVersion.values()).allSatisfy(keys -> assertThat(keys).hasSize(1));
        assertThat(requests.stream().filter(r -> r.uri().equals("news-2") && r.version() == 2 && r.status() != 503).count())
                .as("the delivery whose answer was lost came again and was dropped by its key").isGreaterThanOrEqualTo(2);
        assertThat(newsSite.kept("news-site")).hasSize(expected.size());
        await().atMost(PATIENCE).until(() -> laneState("news-site").equals("IDLE"));
    }

    @Test
    void aDeliveryGivenUpOnIsADeadLetterAndAReplayBringsTheNewestVersionOfEachStory() throws Exception {
        flakySite.down(true);
        cluster.publish(Stories.usable("flaky-1", 1, "flaky", Stories.SPORT), Stories.usable("flaky-1", 2, "flaky", Stories.SPORT),
                Stories.usable("flaky-2", 1, "flaky", Stories.SPORT));
        await().atMost(PATIENCE).until(() -> service.dispatcher().status().stream()
                .anyMatch(l -> l.subscriber().equals("flaky-site") && l.deadLettered() == 3));
        assertThat(service.metrics().scrape())
                .contains("wirestream_subscribers_webhook_dead_lettered_total{service=\"subscriber-service\",subscriber=\"flaky-site\"} 3.0");

        HttpResponse<String> noToken = post("/v1/dead-letters/replay?subscriber=flaky-site", null);
        assertThat(noToken.statusCode()).isEqualTo(401);
        HttpResponse<String> list = get("/v1/dead-letters?subscriber=flaky-site");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("\"uri\":\"flaky-1\"").contains("gave up after");

        flakySite.down(false);
        HttpResponse<String> replay = post("/v1/dead-letters/replay?subscriber=flaky-site", TOKEN);
        assertThat(replay.statusCode()).isEqualTo(200);
        assertThat(replay.body()).contains("\"read\":3").contains("\"requeued\":2");
        await().atMost(PATIENCE).untilAsserted(() ->
                assertThat(flakySite.keptVersions("flaky-site")).containsExactlyInAnyOrder("flaky-1@2", "flaky-2@1"));
        assertThat(flakySite.keptVersions("flaky-site")).doesNotContain("flaky-1@1");

        HttpResponse<String> again = post("/v1/dead-letters/replay?subscriber=flaky-site", TOKEN);
        assertThat(again.body()).contains("\"requeued\":2");
        await().atMost(PATIENCE).until(() -> flakySite.requests().stream().filter(r -> r.status() == 200).count() >= 4);
        assertThat(flakySite.kept("flaky-site")).as("a second replay is dropped by the keys").hasSize(2);
        assertThat(post("/v1/dead-letters/replay?subscriber=nobody", TOKEN).statusCode()).isEqualTo(404);
        assertThat(io.wirestream.runtime.metrics.ScrapedMetrics.parse(service.metrics().scrape()).conventionProblems())
                .as("the project's metric naming rules on this service's /metrics").isEmpty();
    }

    private String laneState(String subscriber) {
        return service.dispatcher().status().stream().filter(l -> l.subscriber().equals(subscriber))
                .map(WebhookDispatcher.LaneStatus::state).findFirst().orElse("NONE");
    }

    private HttpResponse<String> post(String path, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.httpPort() + path))
                .POST(HttpRequest.BodyPublishers.noBody());
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.httpPort() + path))
                .header("Authorization", "Bearer " + TOKEN).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
