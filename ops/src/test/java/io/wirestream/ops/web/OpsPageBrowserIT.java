package io.wirestream.ops.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.wirestream.avro.Article;
import io.wirestream.avro.Rejection;
import io.wirestream.contracts.topics.Topics;
import io.wirestream.localkafka.EmbeddedKafka;
import io.wirestream.localkafka.registry.CompatibilityLevel;
import io.wirestream.localkafka.registry.EmbeddedSchemaRegistry;
import io.wirestream.ops.OpsService;
import io.wirestream.ops.testing.PausableConsumerGroup;
import io.wirestream.ops.testing.SteadyProducer;
import io.wirestream.ops.testing.SubscriberStatusBodies;
import io.wirestream.runtime.config.Settings;
import io.wirestream.runtime.http.ServiceHttpServer;
import io.wirestream.runtime.kafka.TopicProvisioner;
import io.wirestream.runtime.kafka.TopicSpec;
import io.wirestream.runtime.metrics.FreshnessRecorder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Opens the ops page of a running pipeline in headless Chromium and checks what an operator would look for: every
 * stage with its throughput, lag, freshness, rejections with reasons, and the latest stories with tags, related links
 * and duplicate clusters. The pipeline is a stand-in made of plain clients under the real group names (ingest writes
 * wire.raw; "enrich" turns each raw item into an Article, every fifth into a Rejection; "publish" records freshness),
 * on the real embedded broker and schema registry, so the page reads the same topics and groups it reads in production.
 */
class OpsPageBrowserIT {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private static EmbeddedKafka kafka;
    private static EmbeddedSchemaRegistry registry;

    @BeforeAll
    static void startPlatform() {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "browser test skipped: Debian's chromium and chromium-driver are not installed "
                        + "(apt-get install -y chromium chromium-driver)");
        kafka = EmbeddedKafka.startTemporary();
        try (Admin admin = kafka.admin()) {
            new TopicProvisioner(admin, Duration.ofSeconds(30)).ensure(List.of(TopicSpec.of(Topics.RAW, 2, 1, 1),
                    TopicSpec.of(Topics.ARTICLES, 2, 1, 1), TopicSpec.of(Topics.REJECTED, 1, 1, 1)));
        }
        registry = EmbeddedSchemaRegistry.start(Map.of("bootstrap.servers", kafka.bootstrapServers()), "127.0.0.1", 0,
                CompatibilityLevel.BACKWARD_TRANSITIVE);
    }

    @AfterAll
    static void stopPlatform() {
        if (registry != null) {
            registry.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void opsPageShowsStagesLagFreshnessRejectionsAndLatestStories(@TempDir Path browserProfile) throws Exception {
        String bootstrap = kafka.bootstrapServers();
        Map<String, Object> serdes = Map.of("schema.registry.url", registry.url());
        Serde<Article> articleSerde = Topics.ARTICLES.valueSerde(serdes);
        Serde<Rejection> rejectionSerde = Topics.REJECTED.valueSerde(serdes);
        Deserializer<Article> articles = articleSerde.deserializer();
        PrometheusMeterRegistry metrics = ServiceHttpServer.newMetrics("ops");
        FreshnessRecorder freshness = new FreshnessRecorder(metrics);
        // a stand-in subscriber-service: ready, and answering /health/subscribers in its documented shape
        AtomicReference<String> subscriberStatus = new AtomicReference<>(SubscriberStatusBodies.allWell());
        ServiceHttpServer subscriberService = new ServiceHttpServer("subscriber-service", ServiceHttpServer.newMetrics("subscriber-service"),
                app -> app.get("/health/subscribers", ctx -> ctx.contentType("application/json").result(subscriberStatus.get())))
                .start("127.0.0.1", 0);
        Settings settings = Settings.ofValues(Map.of(
                "kafka.bootstrap.servers", bootstrap,
                "registry.url", registry.url(),
                "ops.http.port", "0",
                "ops.lag.interval", "500ms",
                "ops.lag.min.span", "2s",
                "ops.health.urls", "subscriber-service=http://127.0.0.1:" + subscriberService.port() + "/health/ready"));

        try (KafkaProducer<String, Article> articleOut = new KafkaProducer<>(producerConfig(bootstrap),
                     Topics.ARTICLES.keySerde(serdes).serializer(), articleSerde.serializer());
             KafkaProducer<String, Rejection> rejectionOut = new KafkaProducer<>(producerConfig(bootstrap),
                     Topics.REJECTED.keySerde(serdes).serializer(), rejectionSerde.serializer());
             SteadyProducer ingest = new SteadyProducer(bootstrap, Topics.RAW.name(), Duration.ofMillis(40), 5_000,
                     n -> ("<nitf>item " + n + "</nitf>").getBytes());
             PausableConsumerGroup enrich = new PausableConsumerGroup(bootstrap, OpsDashboard.ENRICH_GROUP, Topics.RAW.name(),
                     raw -> {
                         Instant received = Instant.ofEpochMilli(raw.timestamp());
                         int n = (int) raw.offset();
                         String agency = raw.partition() == 0 ? "reuters" : "afp";
                         if (n % 5 == 4) {
                             rejectionOut.send(new ProducerRecord<>(Topics.REJECTED.name(), "item-" + n,
                                     SampleArticles.rejection("parse", "malformed-xml", agency, Instant.now())));
                         } else {
                             Article a = SampleArticles.article(n, agency, received);
                             articleOut.send(new ProducerRecord<>(Topics.ARTICLES.name(), a.getUri(), a));
                         }
                     });
             PausableConsumerGroup publish = new PausableConsumerGroup(bootstrap, "wirestream-publish-sqlite",
                     Topics.ARTICLES.name(), r -> freshness.record("sqlite",
                             articles.deserialize(r.topic(), r.value()), Instant.now()));
             ServiceHttpServer subscribers = subscriberService;
             OpsService ops = new OpsService(settings, metrics, freshness)) {
            ops.start();

            await("the pipeline stand-in publishes").atMost(Duration.ofSeconds(60)).until(() -> publish.consumed() > 10);
            WebDriver browser = chromium(browserProfile);
            try {
                browser.get("http://127.0.0.1:" + ops.port() + "/");

                await("stage figures on the page").atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() ->
                        ratePerSecond(browser, "ingest") > 0 && ratePerSecond(browser, "enrich") > 0
                                && ratePerSecond(browser, "publish-sqlite") > 0);
                await("latest stories, rejections and freshness on the page").atMost(Duration.ofSeconds(30))
                        .ignoreExceptions().until(() ->
                                browser.findElements(By.cssSelector("#stories .story")).size() >= 3
                                        && browser.findElement(By.id("rejections")).getText().contains("malformed-xml")
                                        && browser.findElement(By.id("freshness")).getText().contains("sqlite"));

                // the page re-renders its story list on every refresh: an element found before a refresh goes stale,
                // so the first story is read again, whole, until one read sees it between two refreshes
                await("the first story, read between two refreshes").atMost(Duration.ofSeconds(30))
                        .ignoreException(StaleElementReferenceException.class).untilAsserted(() -> {
                            WebElement story = browser.findElement(By.cssSelector("#stories .story"));
                            assertThat(story.findElement(By.className("headline")).getText()).startsWith("Harbour cranes idle");
                            assertThat(story.findElements(By.className("chip"))).extracting(WebElement::getText)
                                    .contains("labour", "strike");
                            assertThat(story.findElement(By.className("related")).getText()).contains("Port talks collapse");
                            assertThat(story.findElement(By.className("duplicates")).getText()).contains("first by afp");
                        });
                assertThat(browser.findElement(By.id("reasons")).getText()).contains("parse/malformed-xml");
                assertThat(browser.findElement(By.id("lag-table")).getText())
                        .contains("wirestream-enrich", "wirestream-publish-sqlite", "wire.raw-0", "wire.articles-1");
                assertThat(browser.findElement(By.cssSelector(".stage[data-stage='publish-sqlite']")).getText())
                        .contains("lag");
                assertThat(browser.findElement(By.id("overall")).getText())
                        .as("a healthy pipeline raises no stall, stop or error").isIn("OK", "WARN");
                await("every subscriber listed, all well").atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() -> {
                    assertThat(browser.findElement(By.cssSelector("#subscribers tr[data-subscriber='harbour-daily']")).getText())
                            .contains("harbour-daily (Harbour Daily)", "OK", "ago");
                    assertThat(browser.findElement(By.cssSelector("#subscribers tr[data-subscriber='quay-news']")).getText())
                            .contains("OK · quay.example");
                    assertThat(browser.findElement(By.id("subscribers-status")).getText()).isEqualTo("OK");
                });

                // one webhook starts failing and another gives up: the page must say so, not OK
                subscriberStatus.set(SubscriberStatusBodies.oneOfEach());
                await("a retrying and a dead-lettering subscriber on the page").atMost(Duration.ofSeconds(30))
                        .ignoreExceptions().untilAsserted(() -> {
                            WebElement quay = browser.findElement(By.cssSelector("#subscribers tr[data-subscriber='quay-news']"));
                            assertThat(quay.getAttribute("data-status")).isEqualTo("WARN");
                            assertThat(quay.getText()).contains("RETRYING · quay.example", "webhook retrying since 2026-11-28T03:00:00Z: HTTP 503");
                            WebElement pier = browser.findElement(By.cssSelector("#subscribers tr[data-subscriber='pier-wire']"));
                            assertThat(pier.getAttribute("data-status")).isEqualTo("ERR");
                            assertThat(pier.getText()).contains("DEAD_LETTERED", "dead letters 2", "replay them");
                            assertThat(browser.findElement(By.id("subscribers-status")).getText()).isEqualTo("ERR");
                            assertThat(browser.findElement(By.id("overall")).getText()).isEqualTo("ERR");
                        });

                Path screenshot = Path.of(System.getProperty("ops.artifacts.dir", "target"), "ops-page.png");
                Files.createDirectories(screenshot.getParent());
                Files.copy(((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath(), screenshot,
                        StandardCopyOption.REPLACE_EXISTING);
                assertThat(Files.size(screenshot)).isPositive();
            } finally {
                browser.quit();
            }
        }
    }

    private static double ratePerSecond(WebDriver browser, String stage) {
        String text = browser.findElement(By.cssSelector(".stage[data-stage='" + stage + "'] .rate")).getText();
        return Double.parseDouble(text.replace("rec/s", "").trim());
    }

    private static Map<String, Object> producerConfig(String bootstrap) {
        return Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.LINGER_MS_CONFIG, 5);
    }

    private static WebDriver chromium(Path profile) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1400,2000",
                "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }
}
