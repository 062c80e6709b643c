package io.wirestream.publish;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.publish.config.StoreKind;
import io.wirestream.runtime.config.DeclaredSettings;
import io.wirestream.runtime.config.InvalidSettingsException;
import io.wirestream.runtime.config.Settings;
import io.wirestream.runtime.lifecycle.ServiceMain;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** publish-service's store consumers and rejection producer take kafka.client.*, except what a store's exactly-once rests on. */
class PublishClientConfigTest {

    static final DeclaredSettings DECLARED = ServiceMain.accepted(PublishServiceMain.DECLARED);

    @TempDir
    Path dir;

    static InvalidSettingsException rejection(Settings settings) {
        try {
            DECLARED.validate(settings);
        } catch (InvalidSettingsException e) {
            return e;
        }
        throw new AssertionError("the settings were accepted");
    }

    Settings settings(Map<String, String> file, Map<String, String> env) {
        Map<String, String> values = new HashMap<>(file);
        values.put("publish.stores", "sqlite,files");
        values.put("publish.data.dir", dir.toString());
        return Settings.of(values, env, Map.of());
    }

    @Test
    void aKafkaClientPropertyReachesEveryStoreConsumerAndTheRejectionProducer() {
        Settings settings = settings(Map.of("kafka.client.client.rack", "eu-west-1b", "kafka.client.max.poll.records", "50"),
                Map.of("WIRE_KAFKA_CLIENT_CLIENT_DNS_LOOKUP", "use_all_dns_ips", "WIRE_KAFKA_CLIENT_LINGER_MS", "7"));
        DECLARED.validate(settings);
        PublishService service = new PublishService(settings);
        try {
            for (StoreKind kind : new StoreKind[] {StoreKind.SQLITE, StoreKind.FILES}) {
                assertThat(service.consumerProperties(kind))
                        .containsEntry("client.dns.lookup", "use_all_dns_ips").containsEntry("client.rack", "eu-west-1b")
                        .as("kafka.client.max.poll.records stands in for publish.max.poll.records").containsEntry("max.poll.records", "50")
                        .containsEntry("isolation.level", "read_committed").containsEntry("enable.auto.commit", false)
                        .containsEntry("group.id", "wirestream-publish-" + kind.configName())
                        .doesNotContainKey("linger.ms");
            }
            assertThat(service.rejectionProducerProperties()).containsEntry("client.dns.lookup", "use_all_dns_ips")
                    .containsEntry("linger.ms", "7").containsEntry("acks", "all").doesNotContainKey("max.poll.records");
        } finally {
            service.stop();
        }
    }

    @Test
    void aKafkaNameBesideThePublishSettingOfTheSameMeaningIsRefused() {
        InvalidSettingsException e = rejection(settings(Map.of("kafka.client.session.timeout.ms", "10000", "publish.consumer.session.timeout", "20s"),
                Map.of()));
        assertThat(e.problems()).containsExactly("kafka.client.session.timeout.ms and publish.consumer.session.timeout "
                + "(WIRE_PUBLISH_CONSUMER_SESSION_TIMEOUT) are both given: both are the store consumers' session.timeout.ms; give only one");
    }

    @Test
    void whatAStoreRestsOnIsRefusedAndAnUnknownNameGetsTheNearest() {
        InvalidSettingsException e = rejection(settings(Map.of("kafka.client.group.id", "mine", "kafka.client.isolation.levl", "read_committed"),
                Map.of("WIRE_KAFKA_CLIENT_ENABLE_AUTO_COMMIT", "true")));
        assertThat(e.problems()).containsExactly(
                "properties file: 'kafka.client.group.id' is refused: Wirestream names each consumer group from a wire setting "
                        + "(enrich.application.id, publish.group.id.prefix); the other consumers read without a group",
                "properties file: unknown Kafka client property 'isolation.levl' in 'kafka.client.isolation.levl'; did you mean 'kafka.client.isolation.level'?",
                "environment: WIRE_KAFKA_CLIENT_ENABLE_AUTO_COMMIT (kafka.client.enable.auto.commit) is refused: Wirestream commits a position "
                        + "with what it belongs to (each publish store with its data, Kafka Streams with its transaction), never on a timer");
    }
}
