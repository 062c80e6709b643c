package io.wirestream.ops.lag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.wirestream.localkafka.EmbeddedKafka;
import io.wirestream.runtime.kafka.TopicProvisioner;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The enrich stage is a Kafka Streams app with exactly_once_v2. Its group must be found by prefix whichever rebalance
 * protocol it uses (classic consumer group, or the newer streams group), be OK with no lag once it has processed
 * everything, and STOP once the app is gone while records wait.
 */
class StreamsGroupLagIT {

    private static EmbeddedKafka kafka;

    @BeforeAll
    static void start() {
        kafka = EmbeddedKafka.startTemporary();
    }

    @AfterAll
    static void stop() {
        if (kafka != null) {
            kafka.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"classic", "streams"})
    void streamsAppGroupIsOkWhenCaughtUpAndStopWhenGone(String protocol, @TempDir Path stateDir) throws Exception {
        String in = "ops-it." + protocol + ".in";
        String out = "ops-it." + protocol + ".out";
        String app = "wirestream-enrich-it-" + protocol;
        try (Admin admin = kafka.admin()) {
            admin.createTopics(List.of(new NewTopic(in, 2, (short) 1), new NewTopic(out, 2, (short) 1))).all().get();
            new TopicProvisioner(admin, Duration.ofSeconds(30)).awaitWritable(Set.of(in, out));
        }
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(in).mapValues(v -> v).to(out);
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, app);
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
        props.put(StreamsConfig.DEFAULT_KEY_SERDE_CLASS_CONFIG, Serdes.ByteArraySerde.class);
        props.put(StreamsConfig.DEFAULT_VALUE_SERDE_CLASS_CONFIG, Serdes.ByteArraySerde.class);
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        props.put(StreamsConfig.GROUP_PROTOCOL_CONFIG, protocol);

        LagMonitorSettings settings = LagMonitorSettings.forCluster(kafka.bootstrapServers())
                .withGroupPrefix(app).withSampling(Duration.ofMillis(300), 6, 3, Duration.ofSeconds(1));
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                     kafka.bootstrapServers()), new ByteArraySerializer(), new ByteArraySerializer());
             LagMonitor monitor = new LagMonitor(settings, null)) {
            for (int i = 0; i < 50; i++) {
                producer.send(new ProducerRecord<>(in, ("k" + i).getBytes(), ("item " + i).getBytes()));
            }
            producer.flush();
            KafkaStreams streams = new KafkaStreams(builder.build(), props);
            streams.start();
            try {
                monitor.start();
                await("the app's group is found and caught up").atMost(Duration.ofSeconds(90)).until(() ->
                        monitor.latest().group(app).filter(g -> g.members() > 0 && g.status() == LagStatus.OK
                                && g.lagRecords() == 0 && committedOn(g, in) == 50).isPresent());
            } finally {
                streams.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                        .withTimeout(Duration.ofSeconds(30)));
            }

            for (int i = 0; i < 5; i++) {
                producer.send(new ProducerRecord<>(in, ("k" + i).getBytes(), ("late " + i).getBytes()));
            }
            producer.flush();
            // the waiting records may be only milliseconds old at the first STOP sample: their age must grow, so wait for it
            await("the app is gone while records wait, and they age").atMost(Duration.ofSeconds(90))
                    .until(() -> monitor.latest().group(app).filter(g -> g.status() == LagStatus.STOP && g.lagSeconds() > 0).isPresent());
            GroupEvaluation stopped = monitor.latest().group(app).orElseThrow();
            assertThat(stopped.lagRecords()).isEqualTo(5);
            assertThat(stopped.lagSeconds()).isPositive();
        }
    }

    private static long committedOn(GroupEvaluation group, String topic) {
        return group.partitions().stream().filter(p -> p.topic().equals(topic))
                .mapToLong(PartitionEvaluation::committedOffset).sum();
    }
}
