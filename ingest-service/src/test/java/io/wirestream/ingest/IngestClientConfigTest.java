package io.wirestream.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.ingest.publish.RawItemPublisher;
import io.wirestream.ingest.publish.ReceiptLookup;
import io.wirestream.runtime.config.DeclaredSettings;
import io.wirestream.runtime.config.InvalidSettingsException;
import io.wirestream.runtime.config.Settings;
import io.wirestream.runtime.kafka.KafkaClientConfigs;
import io.wirestream.runtime.lifecycle.ServiceMain;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** ingest-service's three Kafka clients take kafka.client.*, except what a receipt rests on. */
class IngestClientConfigTest {

    static final DeclaredSettings DECLARED = ServiceMain.accepted(IngestServiceMain.DECLARED);

    static InvalidSettingsException rejection(Settings settings) {
        try {
            DECLARED.validate(settings);
        } catch (InvalidSettingsException e) {
            return e;
        }
        throw new AssertionError("the settings were accepted");
    }

    @Test
    void aKafkaClientPropertyReachesTheProducerTheReceiptConsumerAndTheAdminClient() {
        Settings settings = Settings.of(Map.of("kafka.client.linger.ms", "15"),
                Map.of("WIRE_KAFKA_CLIENT_CLIENT_DNS_LOOKUP", "use_all_dns_ips", "WIRE_KAFKA_CLIENT_FETCH_MAX_WAIT_MS", "100"), Map.of());
        DECLARED.validate(settings);
        KafkaClientConfigs clients = KafkaClientConfigs.from(settings);
        Map<String, Object> producer = RawItemPublisher.producerConfig(clients, Duration.ofSeconds(10), 4 << 20);
        Map<String, Object> lookup = ReceiptLookup.consumerConfig(clients);
        Map<String, Object> admin = clients.admin(Map.of());
        for (Map<String, Object> config : java.util.List.of(producer, lookup, admin)) {
            assertThat(config).containsEntry("client.dns.lookup", "use_all_dns_ips");
        }
        // a tuning default gives way; what the receipt rests on stays
        assertThat(producer).containsEntry("linger.ms", "15").containsEntry("acks", "all").containsEntry("enable.idempotence", true)
                .containsEntry("delivery.timeout.ms", 10_000).doesNotContainKey("fetch.max.wait.ms");
        assertThat(lookup).containsEntry("fetch.max.wait.ms", "100").containsEntry("isolation.level", "read_committed");
    }

    @Test
    void whatTheReceiptRestsOnIsRefusedNamingTheWireSettingOrTheReason() {
        InvalidSettingsException e = rejection(Settings.of(Map.of("kafka.client.delivery.timeout.ms", "600000",
                "kafka.client.partitioner.class", "org.apache.kafka.clients.producer.RoundRobinPartitioner"),
                Map.of("WIRE_KAFKA_CLIENT_ACKS", "1"), Map.of()));
        assertThat(e.problems()).containsExactly(
                "properties file: 'kafka.client.delivery.timeout.ms' is refused: ingest derives it from ingest.kafka.timeout "
                        + "(WIRE_INGEST_KAFKA_TIMEOUT), so no push waits longer than that and no delivery outlives the 503 its push was answered with",
                "properties file: 'kafka.client.partitioner.class' is refused: ingest partitions raw items by the murmur2 hash of their key, "
                        + "so the versions of a story share a partition and keep their order",
                "environment: WIRE_KAFKA_CLIENT_ACKS (kafka.client.acks) is refused: Wirestream sets acks=all on every producer, "
                        + "so what Kafka acknowledged survives the loss of a broker");
    }

    @Test
    void anUnknownKafkaNameIsRefusedWithTheNearest() {
        InvalidSettingsException e = rejection(Settings.ofValues(Map.of("kafka.client.compresion.type", "zstd")));
        assertThat(e.problems()).containsExactly("set in code or on the command line: unknown Kafka client property 'compresion.type' "
                + "in 'kafka.client.compresion.type'; did you mean 'kafka.client.compression.type'?");
    }
}
