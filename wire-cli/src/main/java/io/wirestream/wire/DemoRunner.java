package io.wirestream.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wirestream.avro.Article;
import io.wirestream.avro.IngestChannel;
import io.wirestream.avro.RawItem;
import io.wirestream.enrich.normalise.WireItemNormaliser;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Pushes the bundled demo items through the running pipeline over the real push API, then checks in the store
 * (through the read API) that each had the fate the manifest expects, and prints what happened to every item.
 */
final class DemoRunner {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration PATIENCE = Duration.ofSeconds(120);

    private final LocalPipeline pipeline;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final AuditReader audit;

    DemoRunner(LocalPipeline pipeline) {
        this.pipeline = pipeline;
        this.audit = new AuditReader(pipeline.settings());
    }

    /** Reads wire.dedupe-audit, where enrich-stream records every story it merged into another, with the survivor. */
    static final class AuditReader {
        private final java.util.Map<String, io.wirestream.avro.DedupeAudit> byUri = new java.util.HashMap<>();
        private final org.apache.kafka.clients.consumer.KafkaConsumer<String, io.wirestream.avro.DedupeAudit> consumer;

        /** Reads the cluster the pipeline runs on, with its settings: an external one may need TLS, SASL or kafka.client.*. */
        AuditReader(io.wirestream.runtime.config.Settings settings) {
            java.util.Map<String, Object> props = io.wirestream.runtime.kafka.KafkaClientConfigs.from(settings)
                    .consumer(java.util.Map.of("isolation.level", "read_committed", "enable.auto.commit", false));
            java.util.Map<String, Object> serde = io.wirestream.runtime.config.KafkaSettings.serdeProperties(settings);
            consumer = new org.apache.kafka.clients.consumer.KafkaConsumer<>(props,
                    io.wirestream.contracts.topics.Topics.DEDUPE_AUDIT.keySerde(serde).deserializer(),
                    io.wirestream.contracts.topics.Topics.DEDUPE_AUDIT.valueSerde(serde).deserializer());
            List<org.apache.kafka.common.TopicPartition> parts = consumer.partitionsFor(io.wirestream.contracts.topics.Topics.DEDUPE_AUDIT.name())
                    .stream().map(p -> new org.apache.kafka.common.TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(parts);
            consumer.seekToBeginning(parts);
        }

        void catchUp() {
            consumer.poll(Duration.ofMillis(300)).forEach(r -> byUri.put(r.value().getUri(), r.value()));
        }

        String survivorOf(String uri) {
            io.wirestream.avro.DedupeAudit a = byUri.get(uri);
            return a == null ? null : a.getSurvivorUri();
        }

        String reasonOf(String uri) {
            io.wirestream.avro.DedupeAudit a = byUri.get(uri);
            return a == null ? null : a.getReason();
        }

        void close() {
            consumer.close(Duration.ofSeconds(2));
        }
    }

    record Item(String file, String agency, String expect, String itemId, String headline, String duplicateOf, byte[] bytes, String uri, long version) {}

    record Pushed(Item item, int status, String reply) {}

    record Outcome(Item item, int status, String reply, boolean held, String seen) {}

    record Report(List<Outcome> outcomes) {
        boolean allExpectationsHeld() {
            return outcomes.stream().allMatch(Outcome::held);
        }
    }

    Report run(PrintStream out) {
        List<Item> items = DemoItems.load();
        out.println();
        out.println("Demo: pushing " + items.size() + " sample items (one per wire format, plus a near-duplicate, a correction, a kill and a broken file) ...");
        List<Pushed> pushed = new ArrayList<>();
        for (Item item : items) {
            pushed.add(push(item));
        }
        long accepted = pushed.stream().filter(p -> p.status() == 202).count();
        out.println("  ingest accepted " + accepted + ", refused " + (pushed.size() - accepted));
        out.println("  waiting for the stories to reach the store ...");

        Instant deadline = Instant.now().plus(PATIENCE);
        List<Outcome> outcomes = judge(pushed);
        while (!new Report(outcomes).allExpectationsHeld() && Instant.now().isBefore(deadline)) {
            pause();
            outcomes = judge(pushed);
        }
        Report report = new Report(outcomes);
        audit.close();
        print(report, out);
        return report;
    }

    private Pushed push(Item item) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(pipeline.ingestUrl() + "/v1/items"))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + pipeline.apiKey(item.agency()))
                .header("Content-Type", contentType(item.file()))
                .POST(HttpRequest.BodyPublishers.ofByteArray(item.bytes()));
        if (!item.itemId().isEmpty()) {
            request.header("X-Item-Id", item.itemId());
        }
        try {
            HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Pushed(item, r.statusCode(), r.body());
        } catch (IOException e) {
            return new Pushed(item, -1, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** What the read API says of one story: 200 usable, 410 withdrawn, 404 absent. */
    record Stored(String status, long version, String headline) {}

    private List<Outcome> judge(List<Pushed> pushed) {
        audit.catchUp();
        List<Outcome> outcomes = new ArrayList<>();
        java.util.Map<String, String> uriByFile = new java.util.HashMap<>();
        pushed.forEach(p -> { if (p.item().uri() != null) uriByFile.put(p.item().file(), p.item().uri()); });
        for (Pushed p : pushed) {
            Item item = p.item();
            Optional<Stored> stored = item.uri() == null ? Optional.empty() : stored(item.uri());
            boolean held = switch (item.expect()) {
                case "story" -> p.status() == 202 && stored.map(s -> headlineAsExpected(item, s)).orElse(false);
                case "update" -> p.status() == 202 && stored.map(s -> s.version() >= item.version() && headlineAsExpected(item, s)).orElse(false);
                case "kill" -> p.status() == 202 && stored.map(s -> s.status().equals("withdrawn")).orElse(false);
                case "duplicate" -> p.status() == 202 && stored.isEmpty()
                        && uriByFile.get(item.duplicateOf()) != null
                        && uriByFile.get(item.duplicateOf()).equals(audit.survivorOf(item.uri()))
                        && clusterMembers(uriByFile.get(item.duplicateOf())).contains(item.uri());
                case "rejected" -> p.status() >= 400 && p.status() < 500;
                default -> false;
            };
            String seen = stored.map(s -> s.status() + " v" + s.version() + "  " + s.headline())
                    .orElse(item.expect().equals("rejected") ? "refused: " + reason(p.reply())
                            : item.expect().equals("duplicate")
                                    ? (audit.survivorOf(item.uri()) != null
                                            ? audit.reasonOf(item.uri()) + " of " + item.duplicateOf() + ", merged into its cluster"
                                            : "not (yet) judged a duplicate of " + item.duplicateOf())
                                    : "not in the store");
            outcomes.add(new Outcome(item, p.status(), p.reply(), held, seen));
        }
        return outcomes;
    }

    /** GET /v1/articles/{uri} on the read API, with an optional query. */
    private HttpResponse<String> readArticle(String uri, String query) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(pipeline.readApiUrl() + "/v1/articles/"
                + URLEncoder.encode(uri, StandardCharsets.UTF_8).replace("+", "%20") + query))
                .timeout(Duration.ofSeconds(10)).GET();
        if (pipeline.readApiKey() != null) {
            request.header("Authorization", "Bearer " + pipeline.readApiKey()); // the operator's view: every story
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The member uris of a story's duplicate cluster as the store holds it (read API, extended view). */
    private List<String> clusterMembers(String uri) {
        try {
            HttpResponse<String> r = readArticle(uri, "?view=extended");
            if (r.statusCode() != 200) {
                return List.of();
            }
            List<String> members = new ArrayList<>();
            JSON.readTree(r.body()).path("wirestream").path("duplicates").path("memberUris").forEach(n -> members.add(n.asText()));
            return members;
        } catch (IOException | RuntimeException e) {
            return List.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static boolean headlineAsExpected(Item item, Stored stored) {
        return item.headline().isEmpty() || stored.headline().equals(item.headline());
    }

    private Optional<Stored> stored(String uri) {
        try {
            HttpResponse<String> r = readArticle(uri, "");
            if (r.statusCode() == 200) {
                JsonNode doc = JSON.readTree(r.body());
                long version = Long.parseLong(r.headers().firstValue("X-Wirestream-Version").orElse(doc.path("version").asText("0")));
                return Optional.of(new Stored("usable", version, doc.path("headlines").path(0).path("value").asText("")));
            }
            if (r.statusCode() == 410) {
                JsonNode body = JSON.readTree(r.body());
                return Optional.of(new Stored("withdrawn", body.path("version").asLong(), body.path("article").path("headlines").path(0).path("value").asText("")));
            }
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static void print(Report report, PrintStream out) {
        out.println();
        out.printf("  %-40s %-11s %-10s %-6s %s%n", "item", "agency", "expect", "ingest", "in the store");
        for (Outcome o : report.outcomes()) {
            out.printf("  %-40s %-11s %-10s %-6s %s%s%n", o.item().file(), o.item().agency(), o.item().expect(),
                    o.status() < 0 ? "error" : String.valueOf(o.status()), o.seen(), o.held() ? "" : "   <-- NOT AS EXPECTED");
        }
        long stories = report.outcomes().stream().filter(o -> o.item().expect().equals("story")).count();
        out.println();
        if (report.allExpectationsHeld()) {
            out.println("Demo done: every item had the expected fate: " + stories + " stories published, the near-duplicate merged,"
                    + " the correction applied, the kill withdrawn, the broken file refused at the door.");
        } else {
            out.println("Demo done, but not every item had the expected fate (marked above). The ops page shows rejections and lag.");
        }
        out.println("Look at the articles with the read API (see above), or open the ops page.");
    }

    private static String reason(String reply) {
        try {
            JsonNode n = JSON.readTree(reply);
            return n.path("reason").asText(n.path("message").asText(reply));
        } catch (IOException | RuntimeException e) {
            return reply;
        }
    }

    private static String contentType(String file) {
        if (file.endsWith(".xml")) return "application/xml";
        if (file.endsWith(".json")) return "application/json";
        if (file.endsWith(".txt")) return "text/plain";
        return "application/octet-stream";
    }

    private static void pause() {
        try {
            Thread.sleep(500); // polling a running pipeline for a human-facing report
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The bundled items and, from the same normaliser the pipeline runs, the story each one should become. */
    static final class DemoItems {

        static List<Item> load() {
            WireItemNormaliser normaliser = new WireItemNormaliser();
            java.util.Properties manifest = new java.util.Properties();
            try (InputStream in = resource("manifest.properties")) {
                manifest.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            List<Item> items = new ArrayList<>();
            for (String file : new java.util.TreeSet<>(manifest.stringPropertyNames())) {
                String[] f = manifest.getProperty(file).split("\\|", -1);
                byte[] bytes;
                try (InputStream in = resource(file)) {
                    bytes = in.readAllBytes();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                String uri = null;
                long version = 0;
                if (!f[1].equals("rejected")) {
                    RawItem raw = RawItem.newBuilder().setItemId("demo-" + file).setAgency(f[0]).setReceivedAt(Instant.now())
                            .setChannel(IngestChannel.PUSH).setPayload(ByteBuffer.wrap(bytes)).build();
                    try {
                        Article a = normaliser.normalise(raw).get(0);
                        uri = a.getUri();
                        version = a.getVersion();
                    } catch (Exception e) {
                        uri = null; // the report will show it never arrived
                    }
                }
                items.add(new Item(file, f[0], f[1], f.length > 2 ? f[2] : "", f.length > 3 ? f[3] : "", f.length > 4 ? f[4] : "", bytes, uri, version));
            }
            return items;
        }

        private static InputStream resource(String name) {
            InputStream in = DemoRunner.class.getResourceAsStream("/demo/" + name);
            if (in == null) {
                throw new IllegalStateException("demo item missing from the build: " + name);
            }
            return in;
        }
    }
}
