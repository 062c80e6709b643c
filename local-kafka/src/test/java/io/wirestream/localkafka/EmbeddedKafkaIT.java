package io.wirestream.localkafka;
import io.wirestream.runtime.kafka.TopicMismatchException;
import io.wirestream.runtime.kafka.TopicSpec;
import io.wirestream.runtime.kafka.TopicProvisioner;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class EmbeddedKafkaIT {

    @Test
    void producesAndConsumesAndSurvivesARestartAtTheSameAddress() throws Exception {
        Path dir;
        try (EmbeddedKafka kafka = EmbeddedKafka.startTemporary()) {
            dir = kafka.dataDir();
            try (Admin admin = kafka.admin()) {
                List<String> mismatches = new TopicProvisioner(admin, Duration.ofSeconds(30))
                        .ensure(List.of(new TopicSpec("t.events", 3, (short) 1, 1, "delete", Duration.ofDays(1))));
                assertThat(mismatches).isEmpty();
            }
            produce(kafka, "t.events", "k1", "before restart");
            String address = kafka.bootstrapServers();

            kafka.stop();
            assertThat(kafka.isRunning()).isFalse();
            kafka.start();
            assertThat(kafka.bootstrapServers()).isEqualTo(address);

            produce(kafka, "t.events", "k1", "after restart");
            assertThat(readAll(kafka, "t.events", 2)).containsExactly("before restart", "after restart");
        }
        assertThat(Files.exists(dir)).as("temporary broker data is deleted on close").isFalse();
    }

    @Test
    void reportsTopicsThatDifferFromTheirDeclaration() {
        try (EmbeddedKafka kafka = EmbeddedKafka.startTemporary(); Admin admin = kafka.admin()) {
            TopicProvisioner provisioner = new TopicProvisioner(admin, Duration.ofSeconds(30));
            provisioner.ensure(List.of(new TopicSpec("t.compacted", 2, (short) 1, 1, "compact", null)));
            List<String> mismatches = provisioner.ensure(List.of(new TopicSpec("t.compacted", 4, (short) 1, 1, "delete", Duration.ofDays(3))));
            assertThat(mismatches).anySatisfy(m -> assertThat(m).contains("2 partitions, declared 4"))
                    .anySatisfy(m -> assertThat(m).contains("cleanup.policy=compact, declared delete"))
                    .anySatisfy(m -> assertThat(m).contains("retention.ms"));
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> provisioner.ensureOrFail(
                    List.of(new TopicSpec("t.compacted", 4, (short) 1, 1, "delete", null))))
                    .isInstanceOf(TopicMismatchException.class).hasMessageContaining("t.compacted");
        }
    }

    @Test
    void givesAnExistingTopicTheSizeBudgetAndTakesARecordOverTheBrokerDefault() throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.startTemporary(); Admin admin = kafka.admin()) {
            TopicProvisioner provisioner = new TopicProvisioner(admin, Duration.ofSeconds(30));
            // created by an older version: no size budget, the broker's ~1 MiB limit
            provisioner.ensure(List.of(new TopicSpec("t.big", 1, (short) 1, 1, "delete", null)));
            int budget = 4 * 1024 * 1024;
            List<String> mismatches = provisioner.ensure(List.of(new TopicSpec("t.big", 1, (short) 1, 1, "delete", null, budget)));
            assertThat(mismatches).isEmpty();

            String big = "x".repeat(2 * 1024 * 1024);
            try (KafkaProducer<String, String> p = new KafkaProducer<>(Map.of("bootstrap.servers", kafka.bootstrapServers(),
                    "acks", "all", "max.request.size", budget), new StringSerializer(), new StringSerializer())) {
                p.send(new ProducerRecord<>("t.big", "k", big)).get(30, TimeUnit.SECONDS);
            }
            assertThat(readAll(kafka, "t.big", 1)).singleElement().satisfies(v -> assertThat(v).hasSize(big.length()));
        }
    }

    static void produce(EmbeddedKafka kafka, String topic, String key, String value) throws Exception {
        try (KafkaProducer<String, String> p = new KafkaProducer<>(Map.of("bootstrap.servers", kafka.bootstrapServers(),
                "acks", "all", "enable.idempotence", true), new StringSerializer(), new StringSerializer())) {
            p.send(new ProducerRecord<>(topic, key, value)).get(30, TimeUnit.SECONDS);
        }
    }

    static List<String> readAll(EmbeddedKafka kafka, String topic, int expected) {
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> c = new KafkaConsumer<>(Map.of("bootstrap.servers", kafka.bootstrapServers(),
                "group.id", "t-" + System.nanoTime(), "auto.offset.reset", "earliest"), new StringDeserializer(), new StringDeserializer())) {
            c.subscribe(List.of(topic));
            long deadline = System.currentTimeMillis() + 30_000;
            while (values.size() < expected && System.currentTimeMillis() < deadline) {
                for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(200))) {
                    values.add(r.value());
                }
            }
        }
        return values;
    }
}
