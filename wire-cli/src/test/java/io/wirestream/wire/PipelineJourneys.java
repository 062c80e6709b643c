package io.wirestream.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.wirestream.avro.Article;
import io.wirestream.avro.IngestChannel;
import io.wirestream.avro.RawItem;
import io.wirestream.enrich.normalise.WireItemNormaliser;
import io.wirestream.runtime.config.Settings;
import io.wirestream.runtime.metrics.ScrapedMetrics;
import io.wirestream.contracts.serde.WireFormat;
import io.wirestream.contracts.topics.TopicDef;
import io.wirestream.contracts.topics.Topics;
import io.wirestream.wire.downstream.DownstreamSite;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.apache.avro.generic.GenericData;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The user journeys end to end on the real embedded broker and registry, everything in one JVM as `wire up` runs it:
 * the demo publishes every item with its expected fate; items pushed over HTTP reach the SQLite store; every record on
 * every pipeline topic is in the Confluent wire format with a schema id the registry resolves over HTTP.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class PipelineJourneys {

    Path dataDir;
    LocalPipeline pipeline;
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final Map<String, String> TEST_SETTINGS = Map.of("publish.stores", "sqlite");

    /** Starts the pipeline on this suite's Kafka and registry. */
    abstract LocalPipeline startPipeline(Path dataDir) throws Exception;

    @BeforeAll
    void start() throws Exception {
        dataDir = Files.createTempDirectory("wire-it-");
        pipeline = startPipeline(dataDir);
    }

    @AfterAll
    void stop() {
        if (pipeline != null) {
            pipeline.close();
        }
    }

    static LocalPorts freePorts() {
        return LocalPorts.findFree();
    }

    @Test
    @Order(1)
    void theDemoGivesEveryItemItsExpectedFate() {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        DemoRunner.Report report = new DemoRunner(pipeline).run(new PrintStream(captured, true, StandardCharsets.UTF_8));
        String printed = captured.toString(StandardCharsets.UTF_8);
        assertThat(report.outcomes()).hasSize(11);
        assertThat(report.allExpectationsHeld()).as(printed).isTrue();
        assertThat(printed).contains("every item had the expected fate");
    }

    @Test
    @Order(2)
    void itemsPushedOverHttpArePublishedToTheStore() throws Exception {
        String nitf = """
                <?xml version="1.0" encoding="UTF-8"?>
                <nitf><head><title>Glacier survey finds record melt in the Alps</title>
                <docdata><doc-id id-string="IT-GLACIER-1"/><date.issue norm="20260302T080000Z"/></docdata></head>
                <body><body.head><hedline><hl1>Glacier survey finds record melt in the Alps</hl1></hedline></body.head>
                <body.content><p>GENEVA - Swiss glaciers lost four percent of their volume last year, a survey said on Monday.</p>
                <p>The loss was the second largest since measurements began.</p></body.content></body></nitf>
                """;
        String ninjs = """
                {"uri":"https://it.example/stories/harbour-crane","version":"1","type":"text","versioncreated":"2026-03-02T08:30:00Z",
                 "pubstatus":"usable","language":"en","headlines":[{"role":"main","value":"Harbour crane collapse injures two in Gdansk"}],
                 "bodies":[{"role":"main","contenttype":"text/html","value":"<p>GDANSK - A harbour crane collapsed on Monday, injuring two workers, port officials said.</p>"}]}
                """;
        Map<String, String> expectedHeadlines = new HashMap<>();
        Map<String, String[]> receipts = new HashMap<>(); // receipt -> agency, story uri
        for (String[] item : List.of(new String[] {"acme", "application/xml", nitf}, new String[] {"globe", "application/json", ninjs})) {
            HttpResponse<String> r = push(item[0], item[1], item[2].getBytes(StandardCharsets.UTF_8));
            assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
            assertThat(r.body()).contains("\"offset\"").contains(Topics.RAW.name());
            Article expected = normalise(item[0], item[2].getBytes(StandardCharsets.UTF_8));
            expectedHeadlines.put(expected.getUri(), expected.getHeadline());
            receipts.put(new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.body()).get("receipt").asText(),
                    new String[] {item[0], expected.getUri()});
        }
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            for (Map.Entry<String, String> e : expectedHeadlines.entrySet()) {
                HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(pipeline.readApiUrl() + "/v1/articles/"
                        + URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8))).header("Authorization", "Bearer " + pipeline.readApiKey())
                        .GET().build(), HttpResponse.BodyHandlers.ofString());
                assertThat(r.statusCode()).as("article %s in the store", e.getKey()).isEqualTo(200);
                assertThat(r.body()).contains(e.getValue());
            }
        });
        // each agency follows its own receipt to the end with its own key; the other agency's key learns nothing
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            for (Map.Entry<String, String[]> e : receipts.entrySet()) {
                HttpResponse<String> own = getWithKey(pipeline.ingestUrl() + "/v1/items/" + e.getKey(), pipeline.apiKey(e.getValue()[0]));
                assertThat(own.statusCode()).as(own.body()).isEqualTo(200);
                com.fasterxml.jackson.databind.JsonNode fate = new com.fasterxml.jackson.databind.ObjectMapper().readTree(own.body()).get("fate");
                assertThat(fate.get("fate").asText()).as(own.body()).isEqualTo("published");
                assertThat(fate.get("storyUri").asText()).isEqualTo(e.getValue()[1]);
                String other = e.getValue()[0].equals("acme") ? "globe" : "acme";
                assertThat(getWithKey(pipeline.ingestUrl() + "/v1/items/" + e.getKey(), pipeline.apiKey(other)).statusCode()).isEqualTo(404);
            }
        });
        assertThat(Files.walk(dataDir.resolve("publish")).anyMatch(p -> p.toString().endsWith(".db") || p.toString().endsWith(".sqlite")))
                .as("the SQLite file under the data directory").isTrue();
    }

    @Test
    @Order(3)
    void everyRecordOnEveryPipelineTopicIsInTheWireFormatWithAnIdTheRegistryResolves() throws Exception {
        // an item that passes the door (it looks like NITF) but that the parser refuses: it lands on wire.rejected
        HttpResponse<String> broken = push("acme", "application/xml",
                "<?xml version=\"1.0\"?><nitf><head><title>Cut short".getBytes(StandardCharsets.UTF_8));
        assertThat(broken.statusCode()).isIn(202, 415, 422);

        Set<Integer> ids = new TreeSet<>();
        Map<String, Integer> counts = new HashMap<>();
        List<TopicDef<?, ?>> topics = Topics.all();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            counts.clear();
            for (TopicDef<?, ?> topic : topics) {
                List<ConsumerRecord<byte[], byte[]>> records = readAll(topic.name());
                counts.put(topic.name(), records.size());
                for (ConsumerRecord<byte[], byte[]> r : records) {
                    assertThat(r.key()).as("key on %s", topic.name()).isNotNull();
                    assertThat(r.key()[0]).as("magic byte of a key on %s", topic.name()).isZero();
                    ids.add(WireFormat.schemaId(r.key()));
                    if (r.value() != null) { // tombstones carry no value
                        assertThat(r.value()[0]).as("magic byte on %s", topic.name()).isZero();
                        ids.add(WireFormat.schemaId(r.value()));
                    }
                }
            }
            assertThat(counts.get(Topics.RAW.name())).isGreaterThanOrEqualTo(12);
            assertThat(counts.get(Topics.ARTICLES.name())).isPositive();
            assertThat(counts.get(Topics.DEDUPE_AUDIT.name())).as("the demo's duplicate is audited").isPositive();
        });
        for (int id : ids) {
            HttpResponse<String> r = get(pipeline.registryUrl() + "/schemas/ids/" + id);
            assertThat(r.statusCode()).as("schema id %d resolves", id).isEqualTo(200);
            assertThat(r.body()).contains("\"schema\"");
        }
        assertThat(ids).hasSizeGreaterThanOrEqualTo(3);
    }

    @Test
    @Order(4)
    void everyServiceServesHealthAndPrometheusMetricsWithItsKafkaClientFigures() throws Exception {
        Map<String, String> metricsByService = scrapeEveryService();
        assertThat(metricsByService.get("ingest")).contains("wirestream_ingest_items_total").contains("kafka_producer_")
                .contains("wirestream_ingest_produce_latency_seconds_bucket");
        assertThat(metricsByService.get("enrich")).contains("kafka_stream_");
        // duplicates dropped by reason (the demo's near-copy), and rejections by stage and reason
        assertThat(metricsByService.get("enrich")).containsPattern("wirestream_dedupe_dropped_total\\{[^}]*reason=\"near-duplicate\"")
                .contains("wirestream_enrich_rejected_total");
        assertThat(metricsByService.get("publish")).containsPattern("wirestream_publish_written_total\\{[^}]*store=[^}]*} [1-9]")
                .contains("kafka_consumer_").contains("wirestream_freshness_seconds");
        assertThat(metricsByService.get("ops")).contains("wirestream_lag_group_records").contains("wirestream_topic_end_offsets_total");
    }

    /**
     * Issue 19: every service names its own figures wirestream_*, counts as counters (_total), with the JVM's and the
     * process's beside them; and every name the dashboards and Prometheus rules in the repository query is one a service
     * serves, so the two cannot drift apart again.
     */
    @Test
    @Order(5)
    void metricNamesFollowTheConventionsAndEveryDeployedQueryFindsItsMetric() throws Exception {
        Map<String, String> metricsByService = scrapeEveryService();
        Set<String> served = new TreeSet<>();
        metricsByService.forEach((service, body) -> {
            ScrapedMetrics scraped = ScrapedMetrics.parse(body);
            assertThat(scraped.conventionProblems()).as("naming problems on %s's /metrics", service).isEmpty();
            assertThat(scraped.sampleNames()).as("%s's JVM and process figures", service).contains("jvm_memory_used_bytes",
                    "jvm_gc_memory_allocated_bytes_total", "jvm_threads_live_threads", "jvm_classes_loaded_classes",
                    "process_cpu_usage", "process_uptime_seconds", "process_files_open_files");
            served.addAll(scraped.sampleNames());
        });

        Map<String, TreeSet<String>> deployed = DeployedMetricNames.in(ConfigurationReferenceTest.ROOT);
        assertThat(deployed).as("names queried by the dashboards and rules").containsKeys(
                "wirestream_ingest_items_total", "wirestream_publish_written_total", "wirestream_lag_group_status",
                "wirestream_freshness_seconds_bucket", "jvm_memory_used_bytes");
        Map<String, TreeSet<String>> missing = new java.util.TreeMap<>(deployed);
        missing.keySet().removeAll(served);
        assertThat(missing).as("queried in deploy/ or ops/grafana/ (name -> files) but served by no service").isEmpty();
    }

    private Map<String, String> scrapeEveryService() throws Exception {
        LocalPorts ports = pipeline.ports();
        Map<String, String> metricsByService = new HashMap<>();
        for (Map.Entry<String, String> service : Map.of("ingest", pipeline.ingestUrl(),
                "enrich", "http://127.0.0.1:" + ports.enrich(), "publish", pipeline.readApiUrl(), "ops", pipeline.opsUrl(),
                "subscribers", pipeline.subscribersUrl()).entrySet()) {
            assertThat(get(service.getValue() + "/health/live").statusCode()).as("%s live", service.getKey()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(get(service.getValue() + "/health/ready").statusCode()).as("%s ready", service.getKey()).isEqualTo(200));
            HttpResponse<String> metrics = get(service.getValue() + "/metrics");
            assertThat(metrics.statusCode()).isEqualTo(200);
            metricsByService.put(service.getKey(), metrics.body());
        }
        return metricsByService;
    }

    @Test
    @Order(5)
    void aDownstreamSiteReadsWireArticlesWithKafkaClientsTheContractsJarAndTheRegistryUrlAlone() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String nitf = """
                <?xml version="1.0" encoding="UTF-8"?>
                <nitf><head><title>Night trains return to the Brenner line</title>
                <docdata><doc-id id-string="IT-DOWNSTREAM-%s"/><date.issue norm="20260303T070000Z"/></docdata></head>
                <body><body.head><hedline><hl1>Night trains return to the Brenner line</hl1></hedline></body.head>
                <body.content><p>INNSBRUCK - Night trains will run over the Brenner pass again from May, the operator said.</p>
                <p>The route was closed for two years of tunnel works.</p></body.content></body></nitf>
                """.formatted(run);
        String ninjs = """
                {"uri":"https://it.example/stories/downstream-%s","version":"3","type":"text","versioncreated":"2026-03-03T07:30:00Z",
                 "pubstatus":"usable","language":"en","headlines":[{"role":"main","value":"Lighthouse keepers' cottages open to visitors"}],
                 "bodies":[{"role":"main","contenttype":"text/html","value":"<p>STORNOWAY - Two lighthouse keepers' cottages open to visitors this summer, the trust said.</p>"}]}
                """.formatted(run);
        Map<String, String> headlines = new HashMap<>();
        for (String[] item : List.of(new String[] {"acme", "application/xml", nitf}, new String[] {"globe", "application/json", ninjs})) {
            byte[] body = item[2].getBytes(StandardCharsets.UTF_8);
            HttpResponse<String> r = push(item[0], item[1], body);
            assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
            Article expected = normalise(item[0], body);
            headlines.put(expected.getUri(), expected.getHeadline());
        }

        for (String specific : List.of("true", "false")) {
            DownstreamOutput site = runDownstreamSite(specific, headlines.keySet());
            assertThat(site.exitCode()).as("specific.avro.reader=%s:%n%s", specific, site.output()).isZero();
            assertThat(site.output()).as("a JVM as a downstream site has it")
                    .contains("avro-trusted-packages=null", "wirestream-runtime-on-classpath=false", "local-kafka-on-classpath=false");
            Map<String, String[]> read = new HashMap<>();
            site.output().lines().filter(l -> l.startsWith("record\t")).map(l -> l.split("\t")).forEach(f -> read.put(f[3], f));
            assertThat(read.keySet()).as(site.output()).containsExactlyInAnyOrderElementsOf(headlines.keySet());
            for (Map.Entry<String, String> story : headlines.entrySet()) {
                String[] f = read.get(story.getKey());
                assertThat(f[1]).as("the key, an Avro string, is the story uri").isEqualTo(story.getKey());
                assertThat(f[2]).isEqualTo(specific.equals("true") ? Article.class.getName() : GenericData.Record.class.getName());
                assertThat(f[5]).isEqualTo(story.getValue());
            }
        }
    }

    record DownstreamOutput(int exitCode, String output) {}

    /**
     * Runs {@link DownstreamSite} in a JVM whose classpath is the contracts jar and what it depends on (Avro, Jackson,
     * kafka-clients and its compression libraries, slf4j-api), as a site that adds the one Maven dependency has it.
     */
    DownstreamOutput runDownstreamSite(String specificAvroReader, Set<String> uris) throws Exception {
        List<String> closure = List.of("contracts", "avro", "jackson-core", "jackson-databind", "jackson-annotations",
                "jackson-datatype-jsr310", "commons-compress", "commons-codec", "commons-io", "commons-lang3", "kafka-clients",
                "zstd-jni", "lz4-java", "snappy-java", "slf4j-api");
        List<String> classpath = new ArrayList<>();
        classpath.add(Path.of(DownstreamSite.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            Path path = Path.of(entry);
            String name = path.getFileName() == null ? "" : path.getFileName().toString();
            boolean contractsClasses = path.endsWith(Path.of("contracts", "target", "classes"));
            if (contractsClasses || closure.stream().anyMatch(a -> name.matches(java.util.regex.Pattern.quote(a) + "-\\d.*\\.jar"))) {
                classpath.add(entry);
            }
        }
        assertThat(classpath).as("the contracts jar and kafka-clients on the test classpath")
                .anyMatch(e -> e.contains("contracts")).anyMatch(e -> e.contains("kafka-clients"));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx128m",
                "-cp", String.join(java.io.File.pathSeparator, classpath), DownstreamSite.class.getName(),
                pipeline.bootstrapServers(), pipeline.registryUrl(), specificAvroReader));
        command.addAll(uris);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().remove("JAVA_TOOL_OPTIONS"); // nothing of the test JVM's settings leaks into the site
        Process process = builder.start();
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        Thread drain = new Thread(() -> {
            try (var in = process.getInputStream()) {
                in.transferTo(output);
            } catch (java.io.IOException e) {
                // the process ended; what was read stays
            }
        });
        drain.start();
        if (!process.waitFor(150, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        drain.join(10_000);
        return new DownstreamOutput(process.isAlive() ? -1 : process.exitValue(), output.toString(StandardCharsets.UTF_8));
    }

    @Test
    @Order(6)
    void eachLocalSubscriberReceivedExactlyItsEntitledDemoStories() throws Exception {
        Map<String, String> uriByFile = new HashMap<>();
        DemoRunner.DemoItems.load().forEach(i -> { if (i.uri() != null) uriByFile.put(i.file(), i.uri()); });
        assertThat(get(pipeline.subscribersUrl() + "/health/ready").statusCode()).isEqualTo(200);
        SubscriberDemoReport report = new SubscriberDemoReport(pipeline);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            Map<String, Map<String, List<String>>> received = report.received();
            // nordic-desk: everything of northstar and fieldnotes (the wind farm story ends corrected)
            assertThat(received.get("nordic-desk")).containsOnlyKeys(uriByFile.get("02-northstar-nitf.xml"), uriByFile.get("06-fieldnotes-rss.xml"));
            List<String> windFarm = received.get("nordic-desk").get(uriByFile.get("02-northstar-nitf.xml"));
            assertThat(windFarm.get(windFarm.size() - 1)).contains("correction");
            // urgent-wire: urgency 1-4 from any agency (the tram story at 4, the quake at 3)
            assertThat(received.get("urgent-wire")).containsOnlyKeys(uriByFile.get("01-acme-newsml-g2.xml"), uriByFile.get("05-condor-anpa1312.txt"));
            // business-desk: economy of meridian or lowlands, or datelined Frankfurt
            assertThat(received.get("business-desk")).containsOnlyKeys(uriByFile.get("04-meridian-iptc7901.txt"));
        });
        assertThat(get(pipeline.subscribersUrl() + "/metrics").body())
                .containsPattern("wirestream_subscribers_delivered_total\\{[^}]*subscriber=\"nordic-desk\"");
        // issue 21: each subscriber's read API key reads exactly what its topic received, and another's story is a 404
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Map<String, Map<String, List<String>>> received = report.received();
            for (String id : List.of("nordic-desk", "urgent-wire", "business-desk")) {
                assertThat(report.readable(pipeline.readApiKey(id))).as(id + " through the read API").isEqualTo(received.get(id).keySet());
            }
        });
        assertThat(report.articleStatus(uriByFile.get("04-meridian-iptc7901.txt"), pipeline.readApiKey("nordic-desk"))).isEqualTo(404);
        assertThat(report.articleStatus(uriByFile.get("04-meridian-iptc7901.txt"), pipeline.readApiKey("business-desk"))).isEqualTo(200);
        assertThat(get(pipeline.readApiUrl() + "/v1/changes").statusCode()).as("no key").isEqualTo(401);
    }

    Article normalise(String agency, byte[] bytes) throws Exception {
        RawItem raw = RawItem.newBuilder().setItemId("expect").setAgency(agency).setReceivedAt(Instant.now())
                .setChannel(IngestChannel.PUSH).setPayload(ByteBuffer.wrap(bytes)).build();
        return new WireItemNormaliser().normalise(raw).get(0);
    }

    HttpResponse<String> push(String agency, String contentType, byte[] body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(pipeline.ingestUrl() + "/v1/items"))
                .header("Authorization", "Bearer " + pipeline.apiKey(agency)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> getWithKey(String url, String key) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + key).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    List<ConsumerRecord<byte[], byte[]>> readAll(String topic) {
        Map<String, Object> props = new HashMap<>();
        props.put("bootstrap.servers", pipeline.bootstrapServers());
        props.put("isolation.level", "read_committed");
        List<ConsumerRecord<byte[], byte[]>> out = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> parts = c.partitionsFor(topic).stream().map(p -> new TopicPartition(topic, p.partition())).toList();
            c.assign(parts);
            c.seekToBeginning(parts);
            Map<TopicPartition, Long> end = c.endOffsets(parts);
            long deadline = System.currentTimeMillis() + 20_000;
            while (parts.stream().anyMatch(tp -> c.position(tp) < end.get(tp)) && System.currentTimeMillis() < deadline) {
                c.poll(Duration.ofMillis(200)).forEach(out::add);
            }
        }
        return out;
    }
}
