package io.wirestream.ingest.pull;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.wirestream.avro.IngestChannel;
import io.wirestream.avro.RawItem;
import io.wirestream.ingest.publish.IntakeFixture;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The poller against a real local HTTP server whose feed changes between polls. */
class FeedPollerTest {

    @TempDir
    Path stateDir;

    HttpServer server;
    final AtomicReference<String> feedBody = new AtomicReference<>();
    final List<String> conditionalHeaders = new CopyOnWriteArrayList<>();
    final HttpClient http = HttpClient.newHttpClient();
    PullSources.FeedSource source;

    @BeforeEach
    void serveFeed() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/feed.xml", exchange -> {
            String body = feedBody.get();
            String etag = "\"" + Integer.toHexString(body.hashCode()) + "\"";
            String ifNoneMatch = exchange.getRequestHeaders().getFirst("If-None-Match");
            conditionalHeaders.add(ifNoneMatch == null ? "-" : ifNoneMatch);
            exchange.getResponseHeaders().add("ETag", etag);
            if (etag.equals(ifNoneMatch)) {
                exchange.sendResponseHeaders(304, -1);
            } else {
                byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/rss+xml");
                exchange.sendResponseHeaders(200, bytes.length);
                exchange.getResponseBody().write(bytes);
            }
            exchange.close();
        });
        // a server that knows only Last-Modified, as many static feed hosts do
        server.createContext("/static.xml", exchange -> {
            String lastModified = "Tue, 03 Nov 2026 10:00:00 GMT";
            String since = exchange.getRequestHeaders().getFirst("If-Modified-Since");
            conditionalHeaders.add(since == null ? "-" : since);
            exchange.getResponseHeaders().add("Last-Modified", lastModified);
            if (lastModified.equals(since)) {
                exchange.sendResponseHeaders(304, -1);
            } else {
                byte[] bytes = feedBody.get().getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, bytes.length);
                exchange.getResponseBody().write(bytes);
            }
            exchange.close();
        });
        server.start();
        source = new PullSources.FeedSource("alpha", URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/feed.xml"), Duration.ofMinutes(1));
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    static String rss(String... items) {
        return "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Alpha Wire</title>" + String.join("", items) + "</channel></rss>";
    }

    static String item(String guid, String title, String pubDate) {
        return "<item><guid>" + guid + "</guid><title>" + title + "</title><description>" + title
                + " and what followed, in enough words to be news.</description><pubDate>" + pubDate + "</pubDate></item>";
    }

    FeedPoller poller(IntakeFixture f) throws Exception {
        return new FeedPoller(source, new FeedState(stateDir, 1000), f.intake, http, Duration.ofSeconds(10));
    }

    static List<String> titles(List<RawItem> items) {
        return items.stream().map(i -> {
            String xml = StandardCharsets.UTF_8.decode(i.getPayload().duplicate()).toString();
            int start = xml.indexOf("<item><guid>");
            return xml.substring(xml.indexOf("<title>", start) + 7, xml.indexOf("</title>", start));
        }).toList();
    }

    @Test
    void takesNewEntriesOldestFirstAndSkipsAnUnchangedFeedWithAConditionalGet() throws Exception {
        IntakeFixture f = IntakeFixture.kafkaUp();
        FeedPoller poller = poller(f);
        feedBody.set(rss(item("g2", "Second", "Tue, 03 Nov 2026 11:00:00 GMT"), item("g1", "First", "Tue, 03 Nov 2026 10:00:00 GMT")));

        FeedPoller.PollResult first = poller.poll();
        assertThat(first.accepted()).isEqualTo(2);
        assertThat(titles(f.sent())).containsExactly("First", "Second");
        RawItem taken = f.sent().get(0);
        assertThat(taken.getAgency()).isEqualTo("alpha");
        assertThat(taken.getChannel()).isEqualTo(IngestChannel.FEED);
        assertThat(taken.getSourceItemId()).isEqualTo("g1");
        assertThat(taken.getTransport()).containsEntry("feedUrl", source.url().toString());

        FeedPoller.PollResult unchanged = poller.poll();
        assertThat(unchanged.status()).isEqualTo(304);
        assertThat(conditionalHeaders.get(1)).isNotEqualTo("-");
        assertThat(f.sent()).hasSize(2);

        // a new story and a new version of an old one appear
        feedBody.set(rss(item("g3", "Third", "Tue, 03 Nov 2026 12:00:00 GMT"), item("g2", "Second", "Tue, 03 Nov 2026 11:00:00 GMT"),
                item("g1", "First, updated", "Tue, 03 Nov 2026 12:30:00 GMT")));
        FeedPoller.PollResult changed = poller.poll();
        assertThat(changed.accepted()).isEqualTo(2);
        assertThat(changed.alreadySeen()).isEqualTo(1);
        assertThat(titles(f.sent())).containsExactly("First", "Second", "First, updated", "Third");
    }

    @Test
    void usesLastModifiedWhenTheServerGivesNoETag() throws Exception {
        feedBody.set(rss(item("g1", "First", "Tue, 03 Nov 2026 10:00:00 GMT")));
        PullSources.FeedSource staticFeed = new PullSources.FeedSource("alpha",
                URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/static.xml"), Duration.ofMinutes(1));
        IntakeFixture f = IntakeFixture.kafkaUp();
        FeedPoller poller = new FeedPoller(staticFeed, new FeedState(stateDir, 1000), f.intake, http, Duration.ofSeconds(10));

        assertThat(poller.poll().accepted()).isEqualTo(1);
        assertThat(poller.poll().status()).isEqualTo(304);
        assertThat(conditionalHeaders).containsExactly("-", "Tue, 03 Nov 2026 10:00:00 GMT");
        assertThat(f.sent()).hasSize(1);
    }

    @Test
    void aRestartDoesNotIngestAgainWhatWasTaken() throws Exception {
        feedBody.set(rss(item("g1", "First", "Tue, 03 Nov 2026 10:00:00 GMT")));
        IntakeFixture before = IntakeFixture.kafkaUp();
        FeedPoller first = poller(before);
        assertThat(first.poll().accepted()).isEqualTo(1);

        // the feed is served fresh (a new ETag), as after a server restart, but holds the same entry
        feedBody.set(rss(item("g1", "First", "Tue, 03 Nov 2026 10:00:00 GMT")) + "\n");
        IntakeFixture after = IntakeFixture.kafkaUp();
        FeedPoller restarted = new FeedPoller(source, new FeedState(stateDir, 1000),
                after.intake, http, Duration.ofSeconds(10));
        FeedPoller.PollResult result = restarted.poll();
        assertThat(result.status()).isEqualTo(200);
        assertThat(result.alreadySeen()).isEqualTo(1);
        assertThat(after.sent()).isEmpty();
    }

    @Test
    void whileKafkaIsDownNothingIsMarkedSoTheNextPollTakesIt() throws Exception {
        feedBody.set(rss(item("g1", "First", "Tue, 03 Nov 2026 10:00:00 GMT")));
        FeedPoller.PollResult down = poller(IntakeFixture.kafkaDown()).poll();
        assertThat(down.complete()).isFalse();
        assertThat(down.accepted()).isZero();

        IntakeFixture up = IntakeFixture.kafkaUp();
        FeedPoller.PollResult recovered = poller(up).poll();
        assertThat(recovered.status()).as("no ETag was saved, so the feed is fetched in full").isEqualTo(200);
        assertThat(titles(up.sent())).containsExactly("First");
    }
}
