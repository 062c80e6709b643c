package io.wirestream.ops.lag;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.ops.OpsMain;
import io.wirestream.ops.OpsSettings;
import io.wirestream.ops.tail.TopicTail;
import io.wirestream.runtime.config.DeclaredSettings;
import io.wirestream.runtime.config.InvalidSettingsException;
import io.wirestream.runtime.config.Settings;
import io.wirestream.runtime.kafka.KafkaClientConfigs;
import io.wirestream.runtime.lifecycle.ServiceMain;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The ops service's admin, probe and tail clients take kafka.client.*, each what its kind declares. */
class OpsClientConfigTest {

    static final DeclaredSettings DECLARED = ServiceMain.accepted(OpsMain.DECLARED);

    @Test
    void aKafkaClientPropertyReachesTheLagAdminTheProbeAndTheTails() {
        Settings settings = Settings.of(Map.of("kafka.bootstrap.servers", "k-1:9092", "kafka.security.protocol", "SSL"),
                Map.of("WIRE_KAFKA_CLIENT_CLIENT_DNS_LOOKUP", "use_all_dns_ips", "WIRE_KAFKA_CLIENT_FETCH_MAX_WAIT_MS", "50",
                        "WIRE_KAFKA_CLIENT_REQUEST_TIMEOUT_MS", "45000"), Map.of());
        DECLARED.validate(settings);
        LagMonitorSettings lag = OpsSettings.lagMonitor(settings);
        Map<String, Object> admin = KafkaClientConfig.admin(lag, "wirestream-ops-lag-admin");
        Map<String, Object> probe = RecordTimestampProbe.config(lag);
        Map<String, Object> tail = TopicTail.consumerConfig(KafkaClientConfigs.from(settings).asProperties(), "wire.articles");
        for (Map<String, Object> config : List.of(admin, probe, tail)) {
            assertThat(config).containsEntry("bootstrap.servers", "k-1:9092").containsEntry("security.protocol", "SSL")
                    .containsEntry("client.dns.lookup", "use_all_dns_ips");
        }
        assertThat(admin).as("the passthrough over the monitor's default timeout").containsEntry("request.timeout.ms", "45000")
                .doesNotContainKey("fetch.max.wait.ms");
        assertThat(probe).containsEntry("fetch.max.wait.ms", "50").containsEntry("isolation.level", "read_committed");
        assertThat(tail).containsEntry("fetch.max.wait.ms", "50").containsEntry("isolation.level", "read_committed")
                .containsEntry("client.id", "wirestream-ops-tail-wire.articles");
    }

    @Test
    void aRefusedOrUnknownNameStopsOpsAtStart() {
        try {
            DECLARED.validate(Settings.of(Map.of("kafka.client.isolation.level", "read_uncommitted"),
                    Map.of("WIRE_KAFKA_CLIENT_FETCH_MAX_WAIT", "50"), Map.of()));
            throw new AssertionError("accepted");
        } catch (InvalidSettingsException e) {
            assertThat(e.problems()).hasSize(2);
            assertThat(e.problems().get(0)).startsWith("properties file: 'kafka.client.isolation.level' is refused: Wirestream reads committed records only");
            assertThat(e.problems().get(1)).startsWith("environment: unknown Kafka client property in WIRE_KAFKA_CLIENT_FETCH_MAX_WAIT")
                    .endsWith("did you mean WIRE_KAFKA_CLIENT_FETCH_MAX_WAIT_MS (kafka.client.fetch.max.wait.ms)?");
        }
    }
}
