package io.wirestream.ops.lag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.wirestream.ops.cli.LagCommand;
import io.wirestream.localkafka.EmbeddedKafka;
import io.wirestream.runtime.kafka.TopicProvisioner;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
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
 * A stage stuck before its first commit (seen live: enrich-stream's thread replaced again and again, the group in
 * PreparingRebalance) while its input holds records. The monitor must count the records between the log start offset
 * and the log end as lag, and call the group STALL once the window is long enough, on the report, in /metrics and in
 * {@code wire lag}. Retention has moved partition 0's log start, so counting from offset 0 would be wrong.
 */
class NeverCommittedGroupLagIT {

    private static final String TOPIC = "ops-it.never-committed";
    private static final String GROUP = "wirestream-stuck-it";
    private static final int PER_PARTITION = 20;
    private static final int DELETED = 7;
    private static EmbeddedKafka kafka;

    @BeforeAll
    static void startKafka() throws Exception {
        kafka = EmbeddedKafka.startTemporary();
        try (Admin admin = kafka.admin();
             KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
                     ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
                     new ByteArraySerializer(), new ByteArraySerializer())) {
            admin.createTopics(List.of(new NewTopic(TOPIC, 2, (short) 1))).all().get();
            new TopicProvisioner(admin, Duration.ofSeconds(30)).awaitWritable(Set.of(TOPIC));
            for (int p = 0; p < 2; p++) {
                for (int i = 0; i < PER_PARTITION; i++) {
                    producer.send(new ProducerRecord<>(TOPIC, p, null, ("item " + p + "." + i).getBytes())).get();
                }
            }
            admin.deleteRecords(Map.of(new TopicPartition(TOPIC, 0), RecordsToDelete.beforeOffset(DELETED))).all().get();
        }
    }

    @AfterAll
    static void stopKafka() {
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void groupThatNeverCommittedShowsTheBacklogFromLogStartAndStalls() {
        long waiting = 2L * PER_PARTITION - DELETED;
        LagMonitorSettings settings = LagMonitorSettings.forCluster(kafka.bootstrapServers())
                .withGroups(List.of(GROUP))
                .withGroupInputs(Map.of(GROUP, List.of(TOPIC)))
                .withSampling(Duration.ofMillis(300), 6, 3, Duration.ofSeconds(1));
        SimpleMeterRegistry metrics = new SimpleMeterRegistry();
        try (KafkaConsumer<byte[], byte[]> stuck = memberThatNeverCommits();
             LagMonitor monitor = new LagMonitor(settings, metrics)) {
            monitor.start();

            await("never committed: STALL").atMost(Duration.ofSeconds(60))
                    .until(() -> monitor.latest().group(GROUP).map(GroupEvaluation::status).orElse(null) == LagStatus.STALL);

            GroupEvaluation stalled = monitor.latest().group(GROUP).orElseThrow();
            assertThat(stalled.lagRecords()).isEqualTo(waiting);
            assertThat(stalled.members()).isEqualTo(1);
            assertThat(stalled.reason()).contains("never committed");
            assertThat(stalled.partitions()).extracting(PartitionEvaluation::committedOffset)
                    .containsExactlyInAnyOrder((long) DELETED, 0L);
            assertThat(metrics.get("wirestream.lag.group.status").tag("group", GROUP).gauge().value())
                    .isEqualTo(LagStatus.STALL.ordinal());
            assertThat(metrics.get("wirestream.lag.group.records").tag("group", GROUP).gauge().value())
                    .isEqualTo((double) waiting);

            StringWriter out = new StringWriter();
            CommandLine cli = new CommandLine(new LagCommand());
            cli.setOut(new PrintWriter(out));
            int exit = cli.execute("--bootstrap-server", kafka.bootstrapServers(), "--group", GROUP,
                    "--input", GROUP + "=" + TOPIC, "--samples", "6", "--interval", "0.3", "--min-span", "1");
            assertThat(exit).as(out.toString()).isEqualTo(1);
            assertThat(out.toString()).contains("STALL  " + GROUP + "  lag " + waiting + " records");
        }
    }

    /** Joins the group, reads, and never commits: what a stream thread that fails before its first commit looks like. */
    private static KafkaConsumer<byte[], byte[]> memberThatNeverCommits() {
        KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, GROUP,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new ByteArrayDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of(TOPIC));
        await("joined").atMost(Duration.ofSeconds(30)).until(() -> {
            consumer.poll(Duration.ofMillis(200));
            return !consumer.assignment().isEmpty();
        });
        return consumer;
    }
}
