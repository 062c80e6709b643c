package io.wirestream.enrich.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.wirestream.avro.Article;
import io.wirestream.avro.IngestChannel;
import io.wirestream.avro.RawItem;
import io.wirestream.avro.Rejection;
import io.wirestream.runtime.config.Settings;
import io.wirestream.localkafka.EmbeddedKafka;
import io.wirestream.localkafka.registry.CompatibilityLevel;
import io.wirestream.localkafka.registry.EmbeddedSchemaRegistry;
import io.wirestream.contracts.topics.Topics;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.kstream.Named;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The guards on the real embedded KRaft broker and registry, under exactly_once_v2: a record too large for a
 * Streams internal topic (the loop of issue 13) is rejected and stories on the other partitions go on; a registry
 * that is really stopped for a while makes enrich wait, not skip, and readiness says FAILING meanwhile.
 */
class StreamGuardIT {

    static EmbeddedKafka kafka;
    static EmbeddedSchemaRegistry registry;
    static int registryPort;

    @TempDir
    Path stateDir;
    EnrichService service;

    @BeforeAll
    static void startBroker() {
        kafka = EmbeddedKafka.startTemporary();
        registry = EmbeddedSchemaRegistry.start(Map.of("bootstrap.servers", kafka.bootstrapServers()), "127.0.0.1", 0,
                CompatibilityLevel.BACKWARD_TRANSITIVE);
        registryPort = registry.port();
        // the catalogue's topics exist before anything is pushed, as a running pipeline has them
        try (var admin = kafka.admin()) {
            new io.wirestream.runtime.kafka.TopicProvisioner(admin, Duration.ofSeconds(60))
                    .ensure(EnrichService.topicSpecs(Settings.ofValues(Map.of("kafka.topic.partitions", "3"))));
        }
    }

    @AfterAll
    static void stopBroker() {
        if (registry != null) {
            registry.close();
        }
        kafka.close();
    }

    @AfterEach
    void stopService() {
        if (service != null) {
            service.stop();
        }
    }

    /** Writes the headline over and over into the body when the story is headed "bloat": an article no topic takes. */
    static final ArticleStage BLOATING = (builder, in) -> in.mapValues(a -> {
        if (a.getHeadline().equals("bloat")) {
            a.setBodyHtml("x".repeat(3_000_000));
        }
        return a;
    }, Named.as("bloating-stage"));

    Settings settings(String registryUrl, Map<String, String> more) {
        Map<String, String> values = new HashMap<>(Map.of(
                "kafka.bootstrap.servers", kafka.bootstrapServers(),
                "registry.url", registryUrl,
                "enrich.application.id", "guard-it-" + UUID.randomUUID(),
                "enrich.state.dir", stateDir.toString(),
                "enrich.http.port", "0",
                "enrich.http.host", "127.0.0.1",
                "kafka.topic.partitions", "3"));
        values.putAll(more);
        return Settings.ofValues(values);
    }

    @Test
    void aRecordTooLargeForAnInternalTopicIsRejectedAndStoriesOnOtherPartitionsArePublished() throws Exception {
        // a 1 MiB budget: normalise lets a 256 KB article through, the stage then makes it 3 MB
        service = new EnrichService(settings(registry.url(), Map.of("kafka.max.record.bytes", "1048576")),
                EnrichTopologyTest.LINE_NORMALISER, serdes -> List.of(BLOATING));
        service.start();
        String run = UUID.randomUUID().toString().substring(0, 8);

        push(registry.url(), "urn:guard:" + run + ":big|1|usable||bloat");
        List<String> normal = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            normal.add("urn:guard:" + run + ":" + i);
            push(registry.url(), normal.get(i) + "|1|usable||Normal story " + i);
        }

        try (KafkaConsumer<String, Article> articles = consumer(Topics.ARTICLES.name(), Topics.ARTICLES.valueSerde(serde(registry.url())).deserializer());
             KafkaConsumer<String, Rejection> rejections = consumer(Topics.REJECTED.name(), Topics.REJECTED.valueSerde(serde(registry.url())).deserializer())) {
            List<ConsumerRecord<String, Article>> published = new ArrayList<>();
            List<Rejection> rejected = new ArrayList<>();
            await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
                articles.poll(Duration.ofMillis(200)).forEach(published::add);
                rejections.poll(Duration.ofMillis(200)).forEach(r -> rejected.add(r.value()));
                assertThat(published).extracting(ConsumerRecord::key).containsAll(normal);
                assertThat(rejected).anySatisfy(r -> {
                    assertThat(r.getReason()).isEqualTo("too-large");
                    assertThat(r.getRaw().getTopic()).isNotNull();
                });
            });
            assertThat(published.stream().filter(r -> normal.contains(r.key())).map(ConsumerRecord::partition).distinct().count())
                    .as("stories on several partitions went on").isGreaterThan(1);
            assertThat(published).extracting(r -> r.value().getHeadline()).doesNotContain("bloat");
        }
        assertThat(service.state()).isEqualTo(org.apache.kafka.streams.KafkaStreams.State.RUNNING);
    }

    @Test
    void aRegistryStoppedForAWhileMakesEnrichWaitAndEveryItemIsPublishedOnceItIsBack() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<String> uris = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            uris.add("urn:outage:" + run + ":" + i);
            push(registry.url(), uris.get(i) + "|1|usable||Written before the outage " + i);
        }
        registry.close(); // the registry process goes away
        // from here stream threads fail on purpose (the task is retried on the same offsets), so the waits below must
        // not treat a failed stream thread as a failure of the test
        try {
            // another spelling of the URL: a registry client of its own, with nothing cached
            service = new EnrichService(settings("http://localhost:" + registryPort, Map.of("registry.outage.wait", "1s",
                    "enrich.health.max.thread.failures", "2")), EnrichTopologyTest.LINE_NORMALISER, serdes -> List.of());
            service.start();
            HttpClient http = HttpClient.newHttpClient();
            await().dontCatchUncaughtExceptions().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
                HttpResponse<String> ready = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.httpPort() + "/health/ready")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(ready.statusCode()).isEqualTo(503);
                assertThat(ready.body()).contains("FAILING").contains("registry");
            });
        } finally {
            registry = EmbeddedSchemaRegistry.start(Map.of("bootstrap.servers", kafka.bootstrapServers()), "127.0.0.1", registryPort,
                    CompatibilityLevel.BACKWARD_TRANSITIVE);
        }

        try (KafkaConsumer<String, Article> articles = consumer(Topics.ARTICLES.name(), Topics.ARTICLES.valueSerde(serde(registry.url())).deserializer());
             KafkaConsumer<String, Rejection> rejections = consumer(Topics.REJECTED.name(), Topics.REJECTED.valueSerde(serde(registry.url())).deserializer())) {
            List<String> published = new ArrayList<>();
            List<Rejection> rejected = new ArrayList<>();
            await().dontCatchUncaughtExceptions().atMost(Duration.ofSeconds(120)).untilAsserted(() -> {
                articles.poll(Duration.ofMillis(200)).forEach(r -> published.add(r.key()));
                assertThat(published).containsAll(uris);
            });
            rejections.poll(Duration.ofSeconds(2)).forEach(r -> rejected.add(r.value()));
            assertThat(rejected).extracting(r -> r.getRaw().getItemId()).as("nothing of this run was called corrupt")
                    .noneMatch(id -> id.startsWith("outage-" + run));
        }
    }

    @Test
    void aCorruptRecordOnTheRawTopicIsRejectedWithItsLocationUnderExactlyOnceAndTheNextStoryPublishes() throws Exception {
        org.apache.kafka.clients.producer.RecordMetadata junk;
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of("bootstrap.servers", kafka.bootstrapServers(), "acks", "all"),
                new org.apache.kafka.common.serialization.ByteArraySerializer(), new org.apache.kafka.common.serialization.ByteArraySerializer())) {
            junk = producer.send(new ProducerRecord<>(Topics.RAW.name(), new byte[] {0, 0, 0, 0, 1, 2}, new byte[] {9, 9, 9})).get();
        }
        String uri = "urn:corrupt:" + UUID.randomUUID();
        push(registry.url(), uri + "|1|usable||After the corrupt record");
        service = new EnrichService(settings(registry.url(), Map.of()), EnrichTopologyTest.LINE_NORMALISER, serdes -> List.of());
        service.start();

        try (KafkaConsumer<String, Article> articles = consumer(Topics.ARTICLES.name(), Topics.ARTICLES.valueSerde(serde(registry.url())).deserializer());
             KafkaConsumer<String, Rejection> rejections = consumer(Topics.REJECTED.name(), Topics.REJECTED.valueSerde(serde(registry.url())).deserializer())) {
            List<String> published = new ArrayList<>();
            List<Rejection> rejected = new ArrayList<>();
            await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
                articles.poll(Duration.ofMillis(200)).forEach(r -> published.add(r.key()));
                rejections.poll(Duration.ofMillis(200)).forEach(r -> rejected.add(r.value()));
                assertThat(published).contains(uri);
                assertThat(rejected).anySatisfy(r -> {
                    assertThat(r.getReason()).isEqualTo(GuardedDeserializationHandler.REASON);
                    assertThat(r.getRaw().getTopic()).isEqualTo(Topics.RAW.name());
                    assertThat(r.getRaw().getPartition()).isEqualTo(junk.partition());
                    assertThat(r.getRaw().getOffset()).isEqualTo(junk.offset());
                });
            });
        }
    }

    @Test
    void stopEndsWithinItsTimeoutWhileStreamThreadsKeepFailing() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        push(registry.url(), "urn:stop:" + run + "|1|usable||Waiting for a registry");
        // a registry address where nothing listens: every read is an outage, every thread fails and is replaced
        int nowhere;
        try (var socket = new java.net.ServerSocket(0)) {
            nowhere = socket.getLocalPort();
        }
        service = new EnrichService(settings("http://127.0.0.1:" + nowhere, Map.of("registry.outage.wait", "500ms",
                "enrich.health.max.thread.failures", "2", "enrich.close.timeout", "10s")), EnrichTopologyTest.LINE_NORMALISER, serdes -> List.of());
        service.start();
        await().dontCatchUncaughtExceptions().atMost(Duration.ofSeconds(90)).until(() -> service.httpPort() > 0 && readinessBody().contains("FAILING"));

        EnrichService failing = service;
        service = null;
        // bounded, not fast: close gives up on the threads after enrich.close.timeout and shutdown goes on
        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(Duration.ofSeconds(30), failing::stop);
        assertThat(failing.state()).isEqualTo(org.apache.kafka.streams.KafkaStreams.State.NOT_RUNNING);
    }

    String readinessBody() throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.httpPort() + "/health/ready")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    static Map<String, Object> serde(String url) {
        return Map.of("schema.registry.url", url);
    }

    static void push(String registryUrl, String line) throws Exception {
        Map<String, Object> p = new HashMap<>(Map.of("bootstrap.servers", kafka.bootstrapServers(), "acks", "all"));
        try (KafkaProducer<String, RawItem> producer = new KafkaProducer<>(p, Topics.RAW.keySerde(serde(registryUrl)).serializer(),
                Topics.RAW.valueSerde(serde(registryUrl)).serializer())) {
            String id = (line.startsWith("urn:outage:") ? "outage-" + line.split(":")[2] : "guard") + "-" + UUID.randomUUID();
            RawItem item = RawItem.newBuilder().setItemId(id).setAgency("acme").setReceivedAt(Instant.now())
                    .setChannel(IngestChannel.PUSH).setPayload(ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8))).build();
            producer.send(new ProducerRecord<>(Topics.RAW.name(), "acme/" + id, item)).get();
        }
    }

    static <V> KafkaConsumer<String, V> consumer(String topic, org.apache.kafka.common.serialization.Deserializer<V> values) {
        Map<String, Object> p = Map.of("bootstrap.servers", kafka.bootstrapServers(), "group.id", "guard-it-reader-" + UUID.randomUUID(),
                "auto.offset.reset", "earliest", "isolation.level", "read_committed");
        KafkaConsumer<String, V> c = new KafkaConsumer<>(p, Topics.RAW.keySerde(serde(registry.url())).deserializer(), values);
        c.subscribe(List.of(topic));
        return c;
    }
}
