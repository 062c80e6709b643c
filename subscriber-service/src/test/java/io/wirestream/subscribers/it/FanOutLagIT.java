package io.wirestream.subscribers.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.subscribers.fanout.FanOutLag;
import io.wirestream.subscribers.testing.SubscriberCluster;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The fan-out's lag measured on a real broker, against records whose timestamps the test chose and offsets it
 * committed for the group itself: records from the committed offset to the end, seconds from the oldest waiting
 * record's timestamp to now; a group that never committed counted from the log start; transaction markers left after
 * the last record are not lag.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FanOutLagIT {

    private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");
    private static final Clock NOW = Clock.fixed(T0.plusSeconds(60), ZoneOffset.UTC);

    private SubscriberCluster cluster;
    private Admin admin;

    @BeforeAll
    void start() {
        cluster = new SubscriberCluster();
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers()));
    }

    @AfterAll
    void stop() {
        if (admin != null) {
            admin.close();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    private FanOutLag lag(String group, String topic) {
        Map<String, Object> p = new HashMap<>();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return new FanOutLag(Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers())),
                new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer()), group, topic, NOW);
    }

    /** Ten records on partition 0, the i-th stamped T0 + i seconds; in one transaction when asked. */
    private void produce(String topic, boolean transactional) {
        Map<String, Object> p = new HashMap<>();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
        if (transactional) {
            p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "lag-it-" + topic);
        }
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer())) {
            if (transactional) {
                producer.initTransactions();
                producer.beginTransaction();
            }
            for (int i = 0; i < 10; i++) {
                producer.send(new ProducerRecord<>(topic, 0, T0.plusSeconds(i).toEpochMilli(), null,
                        ("story-" + i).getBytes(StandardCharsets.UTF_8)));
            }
            if (transactional) {
                producer.commitTransaction();
            }
            producer.flush();
        }
    }

    private void commit(String group, String topic, long offset) throws Exception {
        admin.alterConsumerGroupOffsets(group, Map.of(new TopicPartition(topic, 0), new OffsetAndMetadata(offset))).all().get();
    }

    @Test
    void recordsFromTheCommittedOffsetToTheEndAndSecondsFromTheOldestWaitingRecordsTimestamp() throws Exception {
        cluster.ensureTopic("lag-plain");
        produce("lag-plain", false);
        commit("lag-plain-group", "lag-plain", 4);
        FanOutLag lag = lag("lag-plain-group", "lag-plain");
        try {
            FanOutLag.Figures behind = lag.sample();
            assertThat(behind.problem()).isNull();
            assertThat(behind.records()).isEqualTo(6);
            assertThat(behind.seconds()).as("now is T0+60 s, the next waiting record was stamped T0+4 s").isEqualTo(56.0);
            assertThat(behind.sampledAt()).isEqualTo(NOW.instant());

            commit("lag-plain-group", "lag-plain", 10);
            FanOutLag.Figures caughtUp = lag.sample();
            assertThat(caughtUp.records()).isZero();
            assertThat(caughtUp.seconds()).isZero();
            assertThat(lag.latest()).isEqualTo(caughtUp);
        } finally {
            lag.close();
        }
    }

    @Test
    void aGroupThatNeverCommittedIsBehindByEverythingFromTheLogStart() {
        cluster.ensureTopic("lag-fresh");
        produce("lag-fresh", false);
        FanOutLag lag = lag("lag-never-committed", "lag-fresh");
        try {
            FanOutLag.Figures behind = lag.sample();
            assertThat(behind.records()).isEqualTo(10);
            assertThat(behind.seconds()).isEqualTo(60.0);
        } finally {
            lag.close();
        }
    }

    @Test
    void onlyATransactionMarkerLeftIsNoLag() throws Exception {
        cluster.ensureTopic("lag-transactional");
        produce("lag-transactional", true);
        // the ten records are offsets 0-9 and the commit marker is offset 10; a consumer that has read the records
        // but not yet stepped over the marker has nothing left to process
        commit("lag-tx-group", "lag-transactional", 10);
        FanOutLag lag = lag("lag-tx-group", "lag-transactional");
        try {
            FanOutLag.Figures behind = lag.sample();
            assertThat(behind.records()).isZero();
            assertThat(behind.seconds()).isZero();
            commit("lag-tx-group", "lag-transactional", 9);
            FanOutLag.Figures one = lag.sample();
            assertThat(one.records()).as("the last record, and the marker after it (an upper bound)").isEqualTo(2);
            assertThat(one.seconds()).isEqualTo(51.0);
        } finally {
            lag.close();
        }
    }

    @Test
    void aTopicThatCannotBeReadIsAProblemNotAFigure() {
        FanOutLag lag = lag("lag-plain-group", "no-such-topic-anywhere");
        try {
            FanOutLag.Figures figures = lag.sample();
            assertThat(figures.problem()).startsWith("cannot measure the fan-out's lag on no-such-topic-anywhere");
        } finally {
            lag.close();
        }
    }
}
