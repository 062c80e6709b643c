package io.wirestream.publish.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wirestream.avro.Article;
import io.wirestream.avro.DedupeAudit;
import io.wirestream.avro.RawRef;
import io.wirestream.avro.Rejection;
import io.wirestream.runtime.config.Settings;
import io.wirestream.runtime.kafka.TopicProvisioner;
import io.wirestream.runtime.kafka.TopicSpec;
import io.wirestream.publish.PublishService;
import io.wirestream.publish.testing.PublishTestCluster;
import io.wirestream.publish.testing.TestArticles;
import io.wirestream.contracts.topics.Topics;
import io.wirestream.testsupport.TestInfrastructure;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 14, end to end through a real broker and registry: every accepted item (its ingest receipt id) can be looked
 * up on {@code GET /v1/items/{itemId}}, and per item "accepted = published + merged + rejected" holds: the items
 * published as stories, the copies the dedupe audit merged into a story, the items a stage rejected, and one item
 * publish-service itself rejects (a story id no store can hold), whose rejection it writes and reads back.
 */
class ItemLineageIT {

    final ObjectMapper json = new ObjectMapper();
    final HttpClient http = HttpClient.newHttpClient();
    @TempDir
    Path dir;
    PublishTestCluster cluster;
    PublishService service;

    @AfterEach
    void stop() {
        if (service != null) {
            service.stop();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    static Article withItem(Article article, String itemId) {
        return Article.newBuilder(article).setRaw(new RawRef(itemId, article.getAgency(), "wire.raw", 0, 0L)).build();
    }

    @Test
    void everyAcceptedItemIsPublishedMergedOrRejectedAndSaysWhich() throws Exception {
        cluster = new PublishTestCluster(TestInfrastructure.embedded());
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", cluster.bootstrapServers()))) {
            new TopicProvisioner(admin, Duration.ofSeconds(30)).ensure(List.of(
                    TopicSpec.of(Topics.DEDUPE_AUDIT, 3, 1, 1), TopicSpec.of(Topics.REJECTED, 1, 1, 1)));
        }
        Map<String, String> expected = new LinkedHashMap<>();
        List<Article> articles = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            articles.add(withItem(TestArticles.usable("testwire:lin:" + i, 1), "it-item-" + i));
            expected.put("it-item-" + i, "published");
        }
        String huge = "testwire:lin:" + "y".repeat(3000);
        articles.add(withItem(TestArticles.usable(huge, 1), "it-item-too-large"));
        expected.put("it-item-too-large", "rejected");
        cluster.publish(articles);

        Map<String, Object> serde = Map.of("schema.registry.url", cluster.registryUrl());
        Map<String, Object> p = new HashMap<>();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, DedupeAudit> audits = new KafkaProducer<>(p, Topics.DEDUPE_AUDIT.keySerde(serde).serializer(),
                Topics.DEDUPE_AUDIT.valueSerde(serde).serializer());
             KafkaProducer<String, Rejection> rejections = new KafkaProducer<>(p, Topics.REJECTED.keySerde(serde).serializer(),
                     Topics.REJECTED.valueSerde(serde).serializer())) {
            Instant now = Instant.now();
            for (int i = 0; i < 6; i++) {
                String copy = "otherwire:lin:" + i;
                audits.send(new ProducerRecord<>(Topics.DEDUPE_AUDIT.name(), copy, DedupeAudit.newBuilder().setUri(copy)
                        .setVersion(1).setAgency("otherwire").setReason(i % 2 == 0 ? "near-duplicate" : "exact-duplicate")
                        .setSurvivorUri("testwire:lin:" + i).setClusterId("cluster-" + i).setReceivedAt(now).setDecidedAt(now)
                        .setRaw(new RawRef("it-copy-" + i, "otherwire", "wire.raw", 1, (long) i)).build()));
                expected.put("it-copy-" + i, "merged");
            }
            for (int i = 0; i < 4; i++) {
                rejections.send(new ProducerRecord<>(Topics.REJECTED.name(), "it-bad-" + i, Rejection.newBuilder()
                        .setStage("parse").setReason("malformed-xml").setDetail("test item").setRejectedAt(now)
                        .setRaw(new RawRef("it-bad-" + i, "testwire", "wire.raw", 2, (long) i)).build()));
                expected.put("it-bad-" + i, "rejected");
            }
            audits.flush();
            rejections.flush();
        }

        service = new PublishService(Settings.ofValues(Map.of(
                "publish.stores", "sqlite",
                "publish.data.dir", dir.toString(),
                "publish.group.id.prefix", "it-lineage",
                "publish.http.port", "0",
                "kafka.bootstrap.servers", cluster.bootstrapServers(),
                "registry.url", cluster.registryUrl())));
        service.start();

        Map<String, JsonNode> fates = new HashMap<>();
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            for (String item : expected.keySet()) {
                if (!fates.containsKey(item)) {
                    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                            + service.httpPort() + "/v1/items/" + URLEncoder.encode(item, StandardCharsets.UTF_8))).GET().build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() == 200) {
                        fates.put(item, json.readTree(r.body()));
                    }
                }
            }
            assertThat(fates.keySet()).containsExactlyInAnyOrderElementsOf(expected.keySet());
        });

        Map<String, Integer> counts = new HashMap<>();
        for (Map.Entry<String, String> e : expected.entrySet()) {
            JsonNode fate = fates.get(e.getKey());
            assertThat(fate.get("fate").asText()).as(e.getKey()).isEqualTo(e.getValue());
            counts.merge(fate.get("fate").asText(), 1, Integer::sum);
        }
        assertThat(counts.getOrDefault("published", 0) + counts.getOrDefault("merged", 0) + counts.getOrDefault("rejected", 0))
                .as("accepted = published + merged + rejected, per item").isEqualTo(expected.size());
        assertThat(fates.get("it-copy-3").get("mergedInto").get("storyUri").asText()).isEqualTo("testwire:lin:3");
        assertThat(fates.get("it-item-too-large").get("stage").asText()).isEqualTo("publish");
        assertThat(fates.get("it-item-too-large").get("reason").asText()).isEqualTo("too-large");
        assertThat(fates.get("it-item-5").get("storyUri").asText()).isEqualTo("testwire:lin:5");
        System.out.println("item lineage: " + counts + " of " + expected.size() + " accepted items");
    }
}
