package io.wirestream.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.wirestream.avro.RawItem;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import io.wirestream.testsupport.TestInfrastructure;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * With the broker out of reach no push gets a 2xx; once it is back, pushes succeed again and nothing acknowledged is
 * missing. {@link KafkaOutageIT} stops the embedded broker (connections refused); {@link ContainerKafkaOutageIT}
 * pauses the Kafka container (connections accepted by the kernel, never answered), the other way a broker goes away.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class KafkaOutageCases {

    static final String KEY = "key-outage-0123456789";
    IngestHarness harness;

    /** The broker and registry this suite runs on; the harness closes it. */
    abstract TestInfrastructure startInfrastructure();

    @BeforeAll
    void start() throws Exception {
        harness = new IngestHarness(startInfrastructure(), Map.of("ingest.kafka.timeout", "3s", "ingest.retry.after", "7s"), Map.of(KEY, "alpha"));
    }

    @AfterAll
    void stop() {
        if (harness != null) {
            harness.close();
        }
    }

    static byte[] story(String headline) {
        return ("<nitf><head><title>" + headline + "</title></head><body><p>" + headline + " text.</p></body></nitf>").getBytes(StandardCharsets.UTF_8);
    }

    HttpResponse<String> push(String id) throws Exception {
        return harness.post("/v1/items", KEY, "application/xml", story(id), "X-Item-Id", id);
    }

    @Test
    void aBrokerOutOfReachMeans503WithRetryAfterAndNeverA2xx() throws Exception {
        List<String> acknowledged = new ArrayList<>();
        HttpResponse<String> before = push("before");
        assertThat(before.statusCode()).as(before.body()).isEqualTo(202);
        acknowledged.add("before");

        harness.infrastructure.interruptKafka();
        try {
            for (String id : List.of("during-1", "during-2")) {
                HttpResponse<String> during = push(id);
                assertThat(during.statusCode()).as(during.body()).isEqualTo(503);
                assertThat(during.headers().firstValue("Retry-After")).contains("7");
                assertThat(during.body()).contains("kafka_unavailable");
            }
            String batch = "{\"items\":[{\"id\":\"during-3\",\"body\":\"<nitf><body>Batch during outage</body></nitf>\"}]}";
            HttpResponse<String> batchDuring = harness.post("/v1/items/batch", KEY, "application/json", batch.getBytes(StandardCharsets.UTF_8));
            assertThat(batchDuring.statusCode()).as(batchDuring.body()).isEqualTo(503);
            assertThat(harness.get("/health/ready", null).statusCode()).isEqualTo(503);
        } finally {
            harness.infrastructure.resumeKafka();
        }

        AtomicReference<HttpResponse<String>> after = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> {
            HttpResponse<String> r = push("after");
            after.set(r);
            return r.statusCode() != 503;
        });
        assertThat(after.get().statusCode()).as(after.get().body()).isEqualTo(202);
        acknowledged.add("after");

        List<String> onTopic = harness.readRaw(2, Duration.ofSeconds(30)).stream()
                .map(ConsumerRecord::value).map(RawItem::getSourceItemId).toList();
        assertThat(onTopic).containsAll(acknowledged);
        assertThat(onTopic.stream().filter("after"::equals)).hasSize(1);
    }
}
