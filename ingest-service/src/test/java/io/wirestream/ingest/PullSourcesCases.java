package io.wirestream.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import io.wirestream.avro.IngestChannel;
import io.wirestream.avro.RawItem;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import io.wirestream.testsupport.TestInfrastructure;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * Feeds and drop folders configured in a sources file, run by the service, into the real wire.raw. Written once;
 * {@link PullSourcesIT} runs it on the embedded broker and registry, {@link ContainerPullSourcesIT} on containers.
 */
abstract class PullSourcesCases {

    /** The broker and registry the test runs on; the harness closes it. */
    abstract TestInfrastructure startInfrastructure();

    static String atom(String... entries) {
        return "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>Gamma</title>" + String.join("", entries) + "</feed>";
    }

    static String entry(String id, String title, String updated) {
        return "<entry><id>" + id + "</id><title>" + title + "</title><updated>" + updated + "</updated>"
                + "<summary>" + title + " was reported on Tuesday.</summary></entry>";
    }

    @Test
    void feedsAndDropFoldersReachTheRawTopicUnderTheirConfiguredAgencyAndARestartTakesNothingTwice() throws Exception {
        AtomicReference<String> feed = new AtomicReference<>(atom(entry("urn:g:1", "One", "2026-11-03T10:00:00Z")));
        AtomicInteger fetches = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/atom.xml", exchange -> {
            fetches.incrementAndGet();
            byte[] body = feed.get().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/atom+xml");
            exchange.sendResponseHeaders(200, body.length); // no validators: the seen-entry memory alone prevents repeats
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        Path sourcesDir = Files.createTempDirectory("ingest-sources-");
        Path drop = sourcesDir.resolve("drop");
        Files.writeString(sourcesDir.resolve("sources.txt"), String.join("\n",
                "feed gamma http://127.0.0.1:" + server.getAddress().getPort() + "/atom.xml every=300ms",
                "folder delta drop", ""));

        try (IngestHarness h = new IngestHarness(startInfrastructure(), Map.of("ingest.sources.file", sourcesDir.resolve("sources.txt").toString(),
                "ingest.dropfolder.scan.interval", "200ms"), Map.of())) {
            Files.writeString(drop.resolve("story.xml"), "<nitf><head><title>Dropped</title></head><body><p>Dropped story.</p></body></nitf>");
            Files.write(drop.resolve("photo.jpg"), new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0, 1, 2});
            feed.set(atom(entry("urn:g:2", "Two", "2026-11-03T11:00:00Z"), entry("urn:g:1", "One", "2026-11-03T10:00:00Z")));

            await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(drop.resolve("done/story.xml"))
                    && Files.exists(drop.resolve("failed/photo.jpg.reason.txt")));
            await().atMost(Duration.ofSeconds(30)).until(() -> h.readRaw(3, Duration.ofSeconds(2)).size() >= 3);
            int fetchesBeforeRestart = fetches.get();

            h.restartService();
            await().atMost(Duration.ofSeconds(30)).until(() -> fetches.get() >= fetchesBeforeRestart + 3);

            List<RawItem> items = h.readRaw(3, Duration.ofSeconds(5)).stream().map(ConsumerRecord::value).toList();
            assertThat(items).filteredOn(i -> i.getChannel() == IngestChannel.FEED)
                    .extracting(RawItem::getSourceItemId).containsExactly("urn:g:1", "urn:g:2");
            assertThat(items).filteredOn(i -> i.getChannel() == IngestChannel.FEED).allSatisfy(i -> {
                assertThat(i.getAgency()).isEqualTo("gamma");
                assertThat(i.getFormatHint()).isEqualTo("atom");
            });
            assertThat(items).filteredOn(i -> i.getChannel() == IngestChannel.DROP_FOLDER).singleElement().satisfies(i -> {
                assertThat(i.getAgency()).isEqualTo("delta");
                assertThat(i.getTransport()).containsEntry("fileName", "story.xml");
            });
            assertThat(Files.readString(drop.resolve("failed/photo.jpg.reason.txt"))).contains("415");
            assertThat(drop.resolve("failed/photo.jpg")).exists();
        } finally {
            server.stop(0);
            try (var files = Files.walk(sourcesDir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }
}
