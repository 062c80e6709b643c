package io.wirestream.ingest.pull;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.sun.net.httpserver.HttpServer;
import io.wirestream.ingest.publish.IntakeFixture;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Property;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A feed host that is slow, huge or given secrets in its URL: the poller stays bounded and says nothing secret. */
class FeedEdgeTest {

    static final String RSS = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Alpha Wire</title>"
            + "<item><guid>a-1</guid><title>Storm</title><pubDate>Tue, 03 Nov 2026 10:00:00 GMT</pubDate>"
            + "<description>A storm hit the coast.</description></item></channel></rss>";

    @TempDir
    Path stateDir;

    HttpServer server;
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    final List<String> authorizations = new CopyOnWriteArrayList<>();
    String base;

    @BeforeEach
    void serve() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        // headers at once, then the body one byte every 200 ms: each read gets data, so no per-read timeout ever fires
        server.createContext("/slow.xml", exchange -> {
            exchange.sendResponseHeaders(200, 100_000);
            try (OutputStream out = exchange.getResponseBody()) {
                for (int i = 0; i < 300; i++) {
                    out.write('<');
                    out.flush();
                    Thread.sleep(200); // the server's pace, not a wait for the test
                }
            } catch (IOException | InterruptedException e) {
                // the client went away
            }
        });
        server.createContext("/huge.xml", exchange -> {
            exchange.sendResponseHeaders(200, 0);
            byte[] chunk = " ".repeat(64 * 1024).getBytes(StandardCharsets.UTF_8);
            try (OutputStream out = exchange.getResponseBody()) {
                for (int i = 0; i < 1024; i++) {
                    out.write(chunk);
                }
            } catch (IOException e) {
                // the client stopped reading
            }
        });
        server.createContext("/private.xml", exchange -> {
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            authorizations.add(auth == null ? "-" : auth);
            byte[] bytes = RSS.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.createContext("/broken.xml", exchange -> {
            exchange.sendResponseHeaders(500, -1);
            exchange.close();
        });
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    FeedPoller poller(IntakeFixture f, String url, Duration timeout, long maxBytes) throws Exception {
        PullSources.FeedSource source = new PullSources.FeedSource("alpha", URI.create(url), Duration.ofMinutes(1));
        return new FeedPoller(source, new FeedState(stateDir, 1000), f.intake, http, timeout, maxBytes);
    }

    @Test
    void aFeedThatDribblesItsBodyIsCutOffAtTheDeadline() throws Exception {
        FeedPoller p = poller(IntakeFixture.kafkaUp(), base + "/slow.xml", Duration.ofSeconds(1), 1024 * 1024);
        FeedPoller.PollResult result = assertTimeoutPreemptively(Duration.ofSeconds(10), p::pollQuietly);
        assertThat(result.complete()).isFalse();
    }

    @Test
    void aFeedLargerThanTheLimitIsNotReadPastIt() throws Exception {
        IntakeFixture f = IntakeFixture.kafkaUp();
        FeedPoller p = poller(f, base + "/huge.xml", Duration.ofSeconds(20), 256 * 1024);
        FeedPoller.PollResult result = assertTimeoutPreemptively(Duration.ofSeconds(20), p::pollQuietly);
        assertThat(result.complete()).isFalse();
        assertThat(f.sent()).isEmpty();
    }

    @Test
    void secretsInTheFeedUrlReachNeitherTheRawItemNorTheLogs() throws Exception {
        List<String> logged = new CopyOnWriteArrayList<>();
        AbstractAppender capture = new AbstractAppender("capture", null, null, true, Property.EMPTY_ARRAY) {
            @Override
            public void append(LogEvent event) {
                logged.add(event.getMessage().getFormattedMessage());
            }
        };
        capture.start();
        LoggerContext logs = (LoggerContext) LogManager.getContext(false);
        logs.getConfiguration().getRootLogger().addAppender(capture, null, null);
        logs.getConfiguration().getLoggerConfig("io.wirestream").addAppender(capture, null, null);
        logs.updateLoggers();
        try {
            IntakeFixture f = IntakeFixture.kafkaUp();
            String hostAndPort = base.substring("http://".length());
            poller(f, "http://reader:s3cretPass@" + hostAndPort + "/private.xml?token=t0kenValue&apiKey=k3yValue&sig=s1gValue&page=2",
                    Duration.ofSeconds(5), 1024 * 1024).poll();
            poller(f, "http://reader:s3cretPass@" + hostAndPort + "/broken.xml?signature=s1gnatureValue", Duration.ofSeconds(5), 1024 * 1024).poll();

            assertThat(f.sent()).singleElement().satisfies(item -> {
                String feedUrl = item.getTransport().get("feedUrl");
                assertThat(feedUrl).contains("/private.xml").contains("page=2").contains("***")
                        .doesNotContain("s3cretPass", "t0kenValue", "k3yValue", "s1gValue", "reader:");
            });
            assertThat(logged).as("something was logged about the broken feed").anyMatch(l -> l.contains("/broken.xml"));
            assertThat(String.join("\n", logged)).doesNotContain("s3cretPass", "t0kenValue", "k3yValue", "s1gValue", "s1gnatureValue");
            // the credentials still work: they go to the server as Basic authentication, not in the logged URL
            assertThat(authorizations).first().isEqualTo("Basic " + java.util.Base64.getEncoder()
                    .encodeToString("reader:s3cretPass".getBytes(StandardCharsets.UTF_8)));
        } finally {
            logs.getConfiguration().getRootLogger().removeAppender("capture");
            logs.getConfiguration().getLoggerConfig("io.wirestream").removeAppender("capture");
            logs.updateLoggers();
        }
    }

    @Test
    void redactionKeepsWhatIsNotSecret() {
        assertThat(UrlRedaction.redact(URI.create("https://feeds.example.com/world.rss?lang=en&page=2")))
                .isEqualTo("https://feeds.example.com/world.rss?lang=en&page=2");
        assertThat(UrlRedaction.redact(URI.create("https://u:p@feeds.example.com:8443/w.rss?access_token=abc&lang=en&X-Amz-Signature=f00")))
                .isEqualTo("https://***@feeds.example.com:8443/w.rss?access_token=***&lang=en&X-Amz-Signature=***");
    }
}
