package io.wirestream.runtime.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wirestream.runtime.config.Settings;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every client is assembled the same way: connection, Wirestream's own values, then what its kind takes of kafka.client.*. */
class KafkaClientConfigsTest {

    static final Settings SETTINGS = Settings.of(Map.of("kafka.bootstrap.servers", "b-1:9092", "kafka.client.client.rack", "eu-west-1a",
                    "kafka.client.max.poll.records", "50"),
            Map.of("WIRE_KAFKA_CLIENT_LINGER_MS", "20", "WIRE_KAFKA_CLIENT_CLIENT_ID", "newsroom-7",
                    "WIRE_KAFKA_CLIENT_DEFAULT_API_TIMEOUT_MS", "90000", "WIRE_KAFKA_CLIENT_CLIENT_DNS_LOOKUP", "use_all_dns_ips"),
            Map.of());

    @Test
    void eachKindTakesThePropertiesItDeclaresAndTheSharedOnesReachEveryKind() {
        KafkaClientConfigs clients = KafkaClientConfigs.from(SETTINGS);
        Map<String, Object> producer = clients.producer(Map.of("acks", "all"));
        Map<String, Object> consumer = clients.consumer(Map.of("isolation.level", "read_committed"));
        Map<String, Object> admin = clients.admin(Map.of());
        for (Map<String, Object> config : java.util.List.of(producer, consumer, admin)) {
            assertThat(config).containsEntry("bootstrap.servers", "b-1:9092").containsEntry("client.id", "newsroom-7")
                    .containsEntry("client.dns.lookup", "use_all_dns_ips");
        }
        // Kafka 4 producers know client.rack too (rack-aware partitioning); admin clients do not
        assertThat(producer).containsEntry("linger.ms", "20").containsEntry("acks", "all").containsEntry("client.rack", "eu-west-1a")
                .doesNotContainKeys("max.poll.records", "default.api.timeout.ms");
        assertThat(consumer).containsEntry("client.rack", "eu-west-1a").containsEntry("max.poll.records", "50")
                .containsEntry("default.api.timeout.ms", "90000").doesNotContainKey("linger.ms");
        assertThat(admin).containsEntry("default.api.timeout.ms", "90000").doesNotContainKeys("client.rack", "linger.ms", "max.poll.records");
    }

    @Test
    void thePassthroughWinsOverWirestreamsTuningDefaults() {
        Map<String, Object> producer = KafkaClientConfigs.from(SETTINGS).producer(Map.of("linger.ms", 2, "client.id", "ingest-service-1"));
        assertThat(producer).containsEntry("linger.ms", "20").containsEntry("client.id", "newsroom-7");
    }

    @Test
    void aRefusedPropertyIsAnErrorEvenWhereNothingValidatedTheSettings() {
        Settings unchecked = Settings.ofValues(Map.of("kafka.client.enable.idempotence", "false"));
        assertThatThrownBy(() -> KafkaClientConfigs.from(unchecked)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("'kafka.client.enable.idempotence' is refused: Wirestream makes every producer idempotent");
    }

    @Test
    void aToolsKafkaPropertiesFileIsHandedOutByKindToo() {
        KafkaClientConfigs clients = KafkaClientConfigs.ofProperties(Map.of("security.protocol", "SSL", "max.poll.records", 5));
        assertThat(clients.admin(Map.of("client.id", "lag"))).containsEntry("security.protocol", "SSL").doesNotContainKey("max.poll.records");
        assertThat(clients.consumer(Map.of())).containsEntry("max.poll.records", "5");
    }
}
