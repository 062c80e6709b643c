package io.wirestream.ops.lag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.wirestream.ops.cli.LagCommand;
import io.wirestream.ops.testing.PausableConsumerGroup;
import io.wirestream.ops.testing.SteadyProducer;
import io.wirestream.localkafka.EmbeddedKafka;
import io.wirestream.runtime.kafka.TopicProvisioner;
import io.wirestream.runtime.kafka.TopicSpec;
import io.wirestream.contracts.topics.Topics;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
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
import picocli.CommandLine;

/**
 * The lag monitor against a real broker: a consumer group playing publish-service is paused while items keep flowing,
 * and the monitor must see lag in records and seconds grow and call the group not OK, then OK again once it resumes,
 * and STOP once the consumer is gone.
 */
class LagMonitorIT {

    private static final String GROUP = "wirestream-publish-it";
    private static final String TOPIC = Topics.ARTICLES.name();
    private static EmbeddedKafka kafka;

    @BeforeAll
    static void startKafka() {
        kafka = EmbeddedKafka.startTemporary();
        try (Admin admin = kafka.admin()) {
            new TopicProvisioner(admin, Duration.ofSeconds(30)).ensure(List.of(TopicSpec.of(Topics.ARTICLES, 2, 1, 1)));
        }
    }

    @AfterAll
    static void stopKafka() {
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void pausedConsumerShowsGrowingLagAndANonOkStatusThenOkOnceResumedAndStopOnceGone() {
        LagMonitorSettings settings = LagMonitorSettings.forCluster(kafka.bootstrapServers())
                .withGroups(List.of(GROUP))
                .withSampling(Duration.ofMillis(300), 6, 3, Duration.ofSeconds(1));
        SimpleMeterRegistry metrics = new SimpleMeterRegistry();
        try (SteadyProducer producer = new SteadyProducer(kafka.bootstrapServers(), TOPIC, Duration.ofMillis(20), 20_000,
                     n -> ("item " + n).getBytes());
             PausableConsumerGroup publish = new PausableConsumerGroup(kafka.bootstrapServers(), GROUP, TOPIC, r -> { });
             LagMonitor monitor = new LagMonitor(settings, metrics)) {
            monitor.start();

            await("consuming, OK").atMost(Duration.ofSeconds(60)).until(() -> publish.consumed() > 20
                    && statusOf(monitor) == LagStatus.OK && monitor.latest().group(GROUP).orElseThrow().members() == 1);

            publish.pause();
            // WARN can come first while the last commits before the pause still move the window: wait for STALL
            await("paused: the status is STALL").atMost(Duration.ofSeconds(60)).until(() -> {
                GroupEvaluation g = monitor.latest().group(GROUP).orElseThrow();
                return g.status() == LagStatus.STALL && g.lagRecords() > 30 && g.lagSeconds() > 1.0;
            });
            // measured from the first STALL sample: samples taken before the consumer's last commit landed can show
            // a larger lag than the stall itself (seen on a loaded machine), so they are no baseline for "growing"
            GroupEvaluation firstStalled = monitor.latest().group(GROUP).orElseThrow();
            await("paused: lag keeps growing").atMost(Duration.ofSeconds(60)).until(() -> {
                GroupEvaluation g = monitor.latest().group(GROUP).orElseThrow();
                return g.sampledAt().isAfter(firstStalled.sampledAt())
                        && g.lagRecords() > firstStalled.lagRecords() && g.lagSeconds() > firstStalled.lagSeconds();
            });
            GroupEvaluation stalled = monitor.latest().group(GROUP).orElseThrow();
            assertThat(stalled.status()).isEqualTo(LagStatus.STALL);
            assertThat(stalled.partitions()).allSatisfy(p -> assertThat(p.lagSecondsSource()).isIn("record", "none"));
            assertThat(metrics.get("wirestream.lag.group.status").tag("group", GROUP).gauge().value())
                    .isEqualTo(LagStatus.STALL.ordinal());
            assertThat(metrics.get("wirestream.lag.group.records").tag("group", GROUP).gauge().value()).isPositive();

            publish.resume();
            await("resumed: OK again").atMost(Duration.ofSeconds(60))
                    .until(() -> statusOf(monitor) == LagStatus.OK && monitor.latest().group(GROUP).orElseThrow().lagRecords() < 30);
            assertThat(producer.sent()).isGreaterThan(stalled.lagRecords());

            publish.close();
            await("consumer gone: STOP").atMost(Duration.ofSeconds(60)).until(() -> statusOf(monitor) == LagStatus.STOP);
            assertThat(monitor.latest().group(GROUP).orElseThrow().members()).isZero();
        }
    }

    @Test
    void groupThatReadATransactionalTopicToItsEndHasNoLagThoughMarkersFollowItsOffset() throws Exception {
        String topic = "ops-it.transactional";
        String group = "wirestream-publish-tx";
        try (Admin admin = kafka.admin()) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
            new TopicProvisioner(admin, Duration.ofSeconds(30)).awaitWritable(Set.of(topic));
        }
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, "ops-it-tx"), new ByteArraySerializer(), new ByteArraySerializer())) {
            producer.initTransactions();
            for (int t = 0; t < 3; t++) {
                producer.beginTransaction();
                for (int i = 0; i < 5; i++) {
                    producer.send(new ProducerRecord<>(topic, ("story " + t + "." + i).getBytes()));
                }
                producer.commitTransaction();
            }
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(topic, "never published".getBytes()));
            producer.flush();
            producer.abortTransaction();
        }
        TopicPartition tp = new TopicPartition(topic, 0);
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, group,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.assign(List.of(tp));
            List<Long> offsets = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> offsets.add(r.offset()));
                return offsets.size() == 15;
            });
            // as a store keeping its offsets with the data commits them: after the last record it wrote
            consumer.commitSync(Map.of(tp, new OffsetAndMetadata(offsets.get(offsets.size() - 1) + 1)));
        }

        LagMonitorSettings settings = LagMonitorSettings.forCluster(kafka.bootstrapServers()).withGroups(List.of(group))
                .withSampling(Duration.ofMillis(200), 5, 3, Duration.ofMillis(400));
        try (LagMonitor monitor = new LagMonitor(settings, null)) {
            LagReport report = null;
            for (int i = 0; i < 4; i++) {
                report = monitor.sampleNow();
            }
            GroupEvaluation evaluation = report.group(group).orElseThrow();
            PartitionEvaluation partition = evaluation.partitions().get(0);
            assertThat(partition.logEndOffset() - partition.committedOffset())
                    .as("a commit marker, the aborted record and its abort marker lie beyond the committed offset").isEqualTo(3);
            assertThat(partition.lagRecords()).isZero();
            assertThat(evaluation.status()).isEqualTo(LagStatus.OK);
            assertThat(evaluation.members()).isZero();
        }
    }

    @Test
    void wireLagPrintsTheGroupsOfARealCluster() throws Exception {
        String group = "wirestream-publish-cli";
        try (SteadyProducer producer = new SteadyProducer(kafka.bootstrapServers(), TOPIC, Duration.ofMillis(5), 40,
                     n -> ("item " + n).getBytes());
             PausableConsumerGroup publish = new PausableConsumerGroup(kafka.bootstrapServers(), group, TOPIC, r -> { })) {
            await().atMost(Duration.ofSeconds(60)).until(() -> producer.sent() == 40 && publish.consumed() >= 40);
        }
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(new LagCommand());
        cli.setOut(new PrintWriter(out));

        int exit = cli.execute("--bootstrap-server", kafka.bootstrapServers(), "--group", group);

        assertThat(exit).as(out.toString()).isZero();
        assertThat(out.toString()).containsPattern(group + "\\s+" + Pattern.quote(TOPIC) + "\\s+0\\s+\\d+\\s+\\d+\\s+0\\s+0\\.0\\s+OK");
        assertThat(out.toString()).contains("OK  " + group + "  lag 0 records");
    }

    private static LagStatus statusOf(LagMonitor monitor) {
        return monitor.latest().group(GROUP).map(GroupEvaluation::status).orElse(null);
    }
}
