package io.wirestream.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wirestream.avro.IngestChannel;
import io.wirestream.avro.RawItem;
import io.wirestream.ingest.fate.PublishReadApiStub;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import io.wirestream.testsupport.TestInfrastructure;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The push API against a real broker: what it answers, and what ends up on wire.raw. Written once; {@link PushApiIT}
 * runs it on the embedded broker and registry, {@link ContainerPushApiIT} on containers.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class PushApiCases {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String ALPHA = "key-alpha-0123456789";
    static final String BETA = "key-beta-0123456789";
    static final String SLOW = "key-slow-0123456789";
    static final String CURIOUS = "key-curious-0123456789";
    static final Map<String, String> KEYS = new LinkedHashMap<>(Map.of(ALPHA, "alpha", BETA, "beta", SLOW, "slow", CURIOUS, "curious"));
    static final String FATE_KEY = "publish-operator-key";
    IngestHarness harness;
    PublishReadApiStub publish;

    /** The broker and registry this suite runs on; the harness closes it. */
    abstract TestInfrastructure startInfrastructure();

    @BeforeAll
    void start() throws Exception {
        publish = new PublishReadApiStub();
        harness = new IngestHarness(startInfrastructure(), Map.of("ingest.max.body.bytes", "65536", "ingest.rate.overrides", "slow=0.1/3",
                "ingest.lookup.rate.overrides", "curious=0.1/2",
                "kafka.topic.partitions", "6", "ingest.fate.url", publish.url(), "ingest.fate.key", FATE_KEY), KEYS);
    }

    @AfterAll
    void stop() {
        if (harness != null) {
            harness.close();
        }
        if (publish != null) {
            publish.close();
        }
    }

    static String nitf(String headline) {
        return "<?xml version=\"1.0\"?><nitf><head><title>" + headline + "</title></head><body><body.content><p>"
                + headline + " was reported on Tuesday.</p></body.content></body></nitf>";
    }

    static JsonNode json(HttpResponse<String> r) throws Exception {
        return JSON.readTree(r.body());
    }

    HttpResponse<String> push(String key, String itemId, String body) throws Exception {
        return itemId == null ? harness.post("/v1/items", key, "application/xml", body.getBytes(StandardCharsets.UTF_8))
                : harness.post("/v1/items", key, "application/xml", body.getBytes(StandardCharsets.UTF_8), "X-Item-Id", itemId);
    }

    List<ConsumerRecord<String, RawItem>> recordsWithIdPrefix(String prefix, int expected) {
        return harness.readRaw(expected, Duration.ofSeconds(30)).stream()
                .filter(r -> r.value().getSourceItemId() != null && r.value().getSourceItemId().startsWith(prefix))
                .toList();
    }

    @Test
    void everyAcceptedPushIsExactlyOneRecordOnTheRawTopic() throws Exception {
        int n = 30;
        Map<String, JsonNode> receiptsByItemId = new HashMap<>();
        for (int i = 0; i < n; i++) {
            HttpResponse<String> r = push(ALPHA, "count-" + i, nitf("Story " + i));
            assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
            JsonNode receipt = json(r);
            assertThat(r.headers().firstValue("Location")).contains(receipt.get("location").asText());
            receiptsByItemId.put(receipt.get("itemId").asText(), receipt);
        }

        List<ConsumerRecord<String, RawItem>> records = recordsWithIdPrefix("count-", n);
        assertThat(records).hasSize(n);
        assertThat(records.stream().map(r -> r.value().getItemId()).collect(Collectors.toSet())).isEqualTo(receiptsByItemId.keySet());
        for (ConsumerRecord<String, RawItem> record : records) {
            JsonNode receipt = receiptsByItemId.get(record.value().getItemId());
            assertThat(record.partition()).isEqualTo(receipt.get("partition").asInt());
            assertThat(record.offset()).isEqualTo(receipt.get("offset").asLong());
            assertThat(record.key()).isEqualTo("alpha/" + record.value().getSourceItemId()).isEqualTo(receipt.get("key").asText());
            assertThat(record.timestamp()).as("record time is the receipt time")
                    .isEqualTo(Instant.parse(receipt.get("receivedAt").asText()).toEpochMilli())
                    .isEqualTo(record.value().getReceivedAt().toEpochMilli());
            RawItem item = record.value();
            assertThat(item.getChannel()).isEqualTo(IngestChannel.PUSH);
            assertThat(item.getContentType()).isEqualTo("application/xml");
            assertThat(item.getFormatHint()).isEqualTo("nitf");
            assertThat(item.getTransport()).containsKey("remoteAddress");
        }
        assertThat(harness.get("/metrics", null).body())
                .containsPattern("wirestream_ingest_items_total\\{[^}]*agency=\"alpha\"[^}]*outcome=\"accepted\"[^}]*} [1-9]")
                .contains("wirestream_ingest_produce_latency_seconds");
    }

    @Test
    void theAgencyComesFromTheCredentialEvenWhenTheBodyClaimsAnother() throws Exception {
        String body = "{\"agency\":\"beta\",\"uri\":\"urn:beta:1\",\"headline\":\"Claims to be beta\",\"body_text\":\"Text.\"}";
        HttpResponse<String> r = harness.post("/v1/items", ALPHA, "application/json", body.getBytes(StandardCharsets.UTF_8),
                "X-Item-Id", "claim-1");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        assertThat(json(r).get("agency").asText()).isEqualTo("alpha");

        List<ConsumerRecord<String, RawItem>> records = recordsWithIdPrefix("claim-", 1);
        assertThat(records).singleElement().satisfies(rec -> {
            assertThat(rec.value().getAgency()).isEqualTo("alpha");
            assertThat(rec.key()).isEqualTo("alpha/claim-1");
        });
    }

    @Test
    void aKeyCannotPushOrReadForAnotherAgency() throws Exception {
        byte[] body = nitf("Cross").getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> viaPath = harness.post("/v1/agencies/beta/items", ALPHA, "application/xml", body, "X-Item-Id", "cross-1");
        assertThat(viaPath.statusCode()).isEqualTo(403);
        assertThat(json(viaPath).get("message").asText()).contains("alpha").contains("beta");
        HttpResponse<String> viaHeader = harness.post("/v1/items", ALPHA, "application/xml", body, "X-Agency", "beta", "X-Item-Id", "cross-2");
        assertThat(viaHeader.statusCode()).isEqualTo(403);

        HttpResponse<String> ownPath = harness.post("/v1/agencies/alpha/items", ALPHA, "application/xml", body, "X-Item-Id", "own-1");
        assertThat(ownPath.statusCode()).as(ownPath.body()).isEqualTo(202);

        String receipt = json(ownPath).get("receipt").asText();
        HttpResponse<String> othersReceipt = harness.get("/v1/items/" + receipt, BETA);
        HttpResponse<String> forged = harness.get("/v1/items/" + json(ownPath).get("partition").asInt() + "-"
                + json(ownPath).get("offset").asLong() + "-00000000-0000-0000-0000-000000000000", BETA);
        assertThat(othersReceipt.statusCode()).as("another agency's receipt is not found, so receipts cannot be probed").isEqualTo(404);
        assertThat(othersReceipt.body()).as("answered exactly as a receipt that names nothing").isEqualTo(forged.body());
        HttpResponse<String> lookup = harness.get("/v1/items/" + receipt, ALPHA);
        assertThat(lookup.statusCode()).as(lookup.body()).isEqualTo(200);
        assertThat(json(lookup).get("status").asText()).isEqualTo("stored");
        assertThat(json(lookup).get("sourceItemId").asText()).isEqualTo("own-1");
        assertThat(recordsWithIdPrefix("cross-", 0)).isEmpty();
    }

    @Test
    void receiptsThatNameNoStoredItemAreNotFound() throws Exception {
        HttpResponse<String> accepted = push(ALPHA, "lookup-1", nitf("Lookup"));
        JsonNode receipt = json(accepted);
        String forged = receipt.get("partition").asInt() + "-" + receipt.get("offset").asLong() + "-00000000-0000-0000-0000-000000000000";
        assertThat(harness.get("/v1/items/" + forged, ALPHA).statusCode()).isEqualTo(404);
        assertThat(harness.get("/v1/items/0-99999999-" + receipt.get("itemId").asText(), ALPHA).statusCode()).isEqualTo(404);
        assertThat(harness.get("/v1/items/999-0-" + receipt.get("itemId").asText(), ALPHA).statusCode()).isEqualTo(404);
        assertThat(harness.get("/v1/items/not-a-receipt", ALPHA).statusCode()).isEqualTo(404);
        assertThat(harness.get("/v1/items/" + receipt.get("receipt").asText(), null).statusCode()).isEqualTo(401);
    }

    @Test
    void aReceiptLookUpSaysWhatBecameOfTheItemAskingPublishServiceWithItsOwnKey() throws Exception {
        JsonNode merged = json(push(ALPHA, "fate-1", nitf("Fate one")));
        JsonNode inFlight = json(push(ALPHA, "fate-2", nitf("Fate two")));
        String mergedId = merged.get("itemId").asText();
        publish.answer(mergedId, 200, "{\"itemId\":\"" + mergedId + "\",\"fate\":\"merged\",\"storyUri\":\"urn:alpha:fate-1\","
                + "\"version\":1,\"mergedInto\":{\"storyUri\":\"urn:beta:first\",\"clusterId\":\"c-9\"},\"stage\":\"dedupe\","
                + "\"reason\":\"near-duplicate\",\"decidedAt\":\"2026-12-07T10:00:00Z\"}");

        HttpResponse<String> known = harness.get("/v1/items/" + merged.get("receipt").asText(), ALPHA);
        assertThat(known.statusCode()).as(known.body()).isEqualTo(200);
        assertThat(json(known).get("status").asText()).as("Kafka still holds it").isEqualTo("stored");
        JsonNode fate = json(known).get("fate");
        assertThat(fate.get("fate").asText()).isEqualTo("merged");
        assertThat(fate.get("mergedInto").get("storyUri").asText()).isEqualTo("urn:beta:first");
        assertThat(publish.asked()).contains(new PublishReadApiStub.Asked("/v1/items/" + mergedId, "Bearer " + FATE_KEY));

        HttpResponse<String> pending = harness.get("/v1/items/" + inFlight.get("receipt").asText(), ALPHA);
        assertThat(pending.statusCode()).isEqualTo(200);
        assertThat(json(pending).get("fate").get("fate").asText()).isEqualTo("pending");

        int askedBefore = publish.asked().size();
        assertThat(harness.get("/v1/items/" + merged.get("receipt").asText(), BETA).statusCode()).isEqualTo(404);
        assertThat(publish.asked()).as("another agency's look-up asks publish-service nothing").hasSize(askedBefore);
    }

    @Test
    void eachRefusalHasItsStatusAndAReasonAndNothingReachesKafka() throws Exception {
        byte[] story = nitf("Refused").getBytes(StandardCharsets.UTF_8);
        assertRefused(harness.post("/v1/items", null, "application/xml", story, "X-Item-Id", "refused-1"), 401, "API key");
        assertRefused(harness.post("/v1/items", "wrong-key", "application/xml", story, "X-Item-Id", "refused-2"), 401, "not valid");
        byte[] big = nitf("x".repeat(70_000)).getBytes(StandardCharsets.UTF_8);
        assertRefused(harness.post("/v1/items", ALPHA, "application/xml", big, "X-Item-Id", "refused-3"), 413, "limit is 65536");
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13};
        assertRefused(harness.post("/v1/items", ALPHA, "image/png", png, "X-Item-Id", "refused-4"), 415, "image/png");
        assertRefused(harness.post("/v1/items", ALPHA, "application/xml", new byte[0], "X-Item-Id", "refused-5"), 422, "empty");
        assertRefused(harness.post("/v1/items", ALPHA, "application/xml", "<invoice><total>3</total></invoice>".getBytes(StandardCharsets.UTF_8),
                "X-Item-Id", "refused-6"), 422, "<invoice>");

        // something accepted afterwards marks the end of what the refused pushes could have written
        assertThat(push(ALPHA, "refused-marker", nitf("Marker")).statusCode()).isEqualTo(202);
        assertThat(recordsWithIdPrefix("refused-", 1)).extracting(r -> r.value().getSourceItemId()).containsExactly("refused-marker");
        assertThat(harness.get("/metrics", null).body())
                .containsPattern("wirestream_ingest_items_total\\{[^}]*outcome=\"rejected\"[^}]*reason=\"too_large\"[^}]*} [1-9]");
    }

    @Test
    void anAgencyOverItsRateGets429WithRetryAfter() throws Exception {
        List<Integer> statuses = new ArrayList<>();
        HttpResponse<String> last = null;
        for (int i = 0; i < 4; i++) {
            last = push(SLOW, "slow-" + i, nitf("Slow " + i));
            statuses.add(last.statusCode());
        }
        assertThat(statuses).containsExactly(202, 202, 202, 429);
        assertThat(last.headers().firstValue("Retry-After")).hasValueSatisfying(v -> assertThat(Long.parseLong(v)).isPositive());
        assertThat(json(last).get("error").asText()).isEqualTo("rate_limited");
        // another agency is not slowed down by it
        assertThat(push(BETA, "not-slow-1", nitf("Beta")).statusCode()).isEqualTo(202);
    }

    @Test
    void anAgencyLookingUpReceiptsOverItsRateGets429AndOthersAreNotSlowed() throws Exception {
        String receipt = json(push(CURIOUS, "curious-1", nitf("Curious"))).get("receipt").asText();
        int askedBefore = publish.asked().size();
        List<Integer> statuses = new ArrayList<>();
        HttpResponse<String> last = null;
        for (int i = 0; i < 3; i++) {
            last = harness.get("/v1/items/" + receipt, CURIOUS);
            statuses.add(last.statusCode());
        }
        assertThat(statuses).as("a burst of two lookups, then the rate").containsExactly(200, 200, 429);
        assertThat(last.headers().firstValue("Retry-After")).hasValueSatisfying(v -> assertThat(Long.parseLong(v)).isPositive());
        assertThat(json(last).get("error").asText()).isEqualTo("rate_limited");
        assertThat(json(last).get("message").asText()).contains("look-ups");
        assertThat(publish.asked().size() - askedBefore).as("a refused lookup costs publish-service nothing").isEqualTo(2);
        // the lookup budget is its own: the agency may still push, and other agencies still look up
        assertThat(push(CURIOUS, "curious-2", nitf("Curious two")).statusCode()).isEqualTo(202);
        String alphaReceipt = json(push(ALPHA, "not-curious-1", nitf("Alpha"))).get("receipt").asText();
        assertThat(harness.get("/v1/items/" + alphaReceipt, ALPHA).statusCode()).isEqualTo(200);
        assertThat(harness.get("/metrics", null).body())
                .containsPattern("wirestream_ingest_lookups_total\\{[^}]*agency=\"curious\"[^}]*outcome=\"refused\"[^}]*reason=\"rate_limited\"[^}]*} 1");
    }

    @Test
    void versionsOfOneStoryLandOnOnePartitionInOrder() throws Exception {
        int stories = 6;
        int versions = 5;
        for (int v = 1; v <= versions; v++) {
            for (int s = 0; s < stories; s++) {
                HttpResponse<String> r = harness.post("/v1/items", BETA, "application/xml",
                        nitf("Story " + s + " version " + v).getBytes(StandardCharsets.UTF_8), "X-Item-Id", "story-" + s, "X-Item-Version", String.valueOf(v));
                assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
            }
        }
        Map<String, List<ConsumerRecord<String, RawItem>>> byStory = harness.readRaw(stories * versions, Duration.ofSeconds(30)).stream()
                .filter(r -> r.value().getAgency().equals("beta") && r.value().getSourceItemId().startsWith("story-"))
                .collect(Collectors.groupingBy(r -> r.value().getSourceItemId()));
        assertThat(byStory).hasSize(stories);
        Set<Integer> partitionsUsed = new java.util.HashSet<>();
        byStory.forEach((story, records) -> {
            assertThat(records).hasSize(versions);
            assertThat(records.stream().map(ConsumerRecord::partition).distinct()).as(story).hasSize(1);
            partitionsUsed.add(records.get(0).partition());
            List<ConsumerRecord<String, RawItem>> byOffset = records.stream().sorted(java.util.Comparator.comparingLong(ConsumerRecord::offset)).toList();
            assertThat(byOffset).extracting(r -> r.value().getSourceVersion()).containsExactly("1", "2", "3", "4", "5");
        });
        assertThat(partitionsUsed).as("six stories spread over more than one of six partitions").hasSizeGreaterThan(1);
    }

    @Test
    void aBatchReportsEachItemAndOnlyTheGoodOnesReachKafka() throws Exception {
        String batch = """
                {"items": [
                  {"id": "batch-1", "version": "1", "contentType": "application/xml", "body": %s},
                  {"id": "batch-2", "contentType": "application/xml", "body": "<invoice/>"},
                  {"id": "batch-3", "bodyBase64": "%s"},
                  {"id": "batch-4"}
                ]}""".formatted(JSON.writeValueAsString(nitf("Batch one")),
                java.util.Base64.getEncoder().encodeToString("\u0016\u0016\u0001a0042 r BC-Batch\u0002Batch three text\u0003".getBytes(StandardCharsets.ISO_8859_1)));
        HttpResponse<String> r = harness.post("/v1/items/batch", ALPHA, "application/json", batch.getBytes(StandardCharsets.UTF_8));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(207);
        JsonNode reply = json(r);
        assertThat(reply.get("accepted").asInt()).isEqualTo(2);
        List<Integer> statuses = new ArrayList<>();
        reply.get("results").forEach(n -> statuses.add(n.get("status").asInt()));
        assertThat(statuses).containsExactly(202, 422, 202, 422);
        assertThat(reply.get("results").get(1).get("message").asText()).contains("<invoice>");

        assertThat(recordsWithIdPrefix("batch-", 2)).extracting(rec -> rec.value().getSourceItemId()).containsExactlyInAnyOrder("batch-1", "batch-3");

        String allGood = "{\"items\":[{\"id\":\"batch-5\",\"body\":" + JSON.writeValueAsString(nitf("Five")) + "}]}";
        assertThat(harness.post("/v1/items/batch", ALPHA, "application/json", allGood.getBytes(StandardCharsets.UTF_8)).statusCode()).isEqualTo(202);
        assertThat(harness.post("/v1/items/batch", ALPHA, "application/json", "not json".getBytes(StandardCharsets.UTF_8)).statusCode()).isEqualTo(400);
    }

    @Test
    void keysRotateWithoutARestart() throws Exception {
        Map<String, String> rotated = new LinkedHashMap<>(KEYS);
        rotated.put("key-gamma-new-000000", "gamma");
        harness.writeCredentials(rotated);
        // a file saved this instant is applied once a second re-read finds it the same (the harness re-reads at every
        // request), so the first push may still be refused
        await().atMost(Duration.ofSeconds(10)).until(() -> push("key-gamma-new-000000", "rotate-1", nitf("Gamma")).statusCode() == 202);

        rotated.remove("key-gamma-new-000000");
        rotated.put("key-gamma-newer-0000", "gamma");
        harness.writeCredentials(rotated);
        await().atMost(Duration.ofSeconds(10)).until(() -> push("key-gamma-new-000000", "rotate-2", nitf("Gamma")).statusCode() == 401);
        assertThat(push("key-gamma-newer-0000", "rotate-3", nitf("Gamma")).statusCode()).isEqualTo(202);
    }

    @Test
    void readinessReportsKafkaAndCredentials() throws Exception {
        HttpResponse<String> ready = harness.get("/health/ready", null);
        assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);
        assertThat(json(ready).get("checks").get("kafka").asText()).isEqualTo("OK");
    }

    static void assertRefused(HttpResponse<String> r, int status, String reasonPart) throws Exception {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(ct -> assertThat(ct).startsWith("application/json"));
        JsonNode body = json(r);
        assertThat(body.get("status").asInt()).isEqualTo(status);
        assertThat(body.get("message").asText()).contains(reasonPart);
    }
}
