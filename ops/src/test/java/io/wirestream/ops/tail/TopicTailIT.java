package io.wirestream.ops.tail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.wirestream.localkafka.EmbeddedKafka;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TopicTailIT {

    private static final String TOPIC = "ops-it.tail";
    private static EmbeddedKafka kafka;

    /** Reads text, and refuses a value starting with "bad" the way an Avro deserializer refuses a broken record. */
    private static final Deserializer<String> PICKY_TEXT = (topic, data) -> {
        String text = new String(data, StandardCharsets.UTF_8);
        if (text.startsWith("bad")) {
            throw new IllegalArgumentException("not decodable: " + text);
        }
        return text;
    };

    @BeforeAll
    static void start() throws Exception {
        kafka = EmbeddedKafka.startTemporary();
        try (Admin admin = kafka.admin()) {
            admin.createTopics(List.of(new NewTopic(TOPIC, 2, (short) 1))).all().get();
            new io.wirestream.runtime.kafka.TopicProvisioner(admin, Duration.ofSeconds(30)).awaitWritable(java.util.Set.of(TOPIC));
        }
    }

    @AfterAll
    static void stop() {
        if (kafka != null) {
            kafka.close();
        }
    }

    private static void produce(KafkaProducer<byte[], byte[]> producer, int partition, long timestamp, String value) throws Exception {
        producer.send(new ProducerRecord<>(TOPIC, partition, timestamp, null, value.getBytes(StandardCharsets.UTF_8))).get();
    }

    @Test
    void keepsTheNewestRecordsSkipsUndecodableOnesAndSurvivesABrokerRestart() throws Exception {
        long t0 = 1_700_000_000_000L;
        List<String> heard = new CopyOnWriteArrayList<>();
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                kafka.bootstrapServers()), new ByteArraySerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < 10; i++) {
                produce(producer, i % 2, t0 + i * 1000L, "old " + i);
            }
            try (TopicTail<String> tail = new TopicTail<>(TOPIC, Map.of("bootstrap.servers", kafka.bootstrapServers()),
                    PICKY_TEXT, 4).onRecord(r -> heard.add(r.value())).start()) {

                await().atMost(Duration.ofSeconds(30)).until(() -> tail.seen() == 8);
                assertThat(tail.latest(10)).extracting(TailedRecord::value).containsExactly("old 9", "old 8", "old 7", "old 6");

                produce(producer, 0, t0 + 20_000, "bad bytes");
                produce(producer, 1, t0 + 21_000, "new 1");
                await().atMost(Duration.ofSeconds(30)).until(() -> tail.seen() == 10);
                assertThat(tail.undecodable()).isEqualTo(1);
                assertThat(tail.latest(2)).extracting(TailedRecord::value).containsExactly("new 1", "old 9");

                kafka.stop();
                kafka.start();
                produce(producer, 0, t0 + 30_000, "after restart");
                await().atMost(Duration.ofSeconds(60)).until(() -> heard.contains("after restart"));
                assertThat(tail.latest(1)).extracting(TailedRecord::value).containsExactly("after restart");
                assertThat(heard).as("each record reaches the listener once, restart or not").doesNotHaveDuplicates();
            }
        }
    }
}
