package io.wirestream.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.testsupport.TestInfrastructure;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A kafka.client.* property reaches ingest's producer on a real broker: its own metrics carry the client id given. */
class IngestPassthroughIT {

    @Test
    void theProducerRunsUnderTheClientIdGivenToEveryKafkaClient() throws Exception {
        String key = "passthrough-key-1";
        try (IngestHarness harness = new IngestHarness(TestInfrastructure.embedded(),
                Map.of("kafka.client.client.id", "newsroom-ingest", "kafka.client.linger.ms", "0"), Map.of(key, "alpha"))) {
            HttpResponse<String> r = harness.post("/v1/items", key, "application/xml",
                    PushApiCases.nitf("Passthrough reaches the producer").getBytes(StandardCharsets.UTF_8), "X-Item-Id", "passthrough-1");
            assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
            String metrics = harness.get("/metrics", null).body();
            assertThat(metrics).containsPattern("kafka_producer_[a-z_]+\\{[^}]*client_id=\"newsroom-ingest\"")
                    .doesNotContainPattern("kafka_producer_[a-z_]+\\{[^}]*client_id=\"ingest-service-");
        }
    }
}
