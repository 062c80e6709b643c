package io.wirestream.subscribers.measure;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.avro.Article;
import io.wirestream.runtime.config.Settings;
import io.wirestream.subscribers.SubscriberService;
import io.wirestream.subscriptions.testing.Stories;
import io.wirestream.subscribers.testing.SubscriberCluster;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cost of the fan-out per subscriber, against a single-output Kafka Streams pass-through of the same records on the
 * same broker in the same run (both exactly_once_v2, same commit interval). Every subscriber is entitled to every story
 * (the worst case: one output record per story and subscriber). Each run reads the same backlog of invented stories
 * from the start with a fresh application id; the time is from RUNNING to its group having committed the whole topic.
 * The broker runs in this JVM, so the CPU figure includes it. Not part of the build:
 *
 * <pre>
 * mvn -B -o -q -pl subscriber-service -am test -Dtest=FanOutCostMeasurement -Dwirestream.measure=true -Dsurefire.failIfNoSpecifiedTests=false
 * grep -h "^fan-out" subscriber-service/target/surefire-reports/*FanOutCostMeasurement-output.txt
 * </pre>
 * {@code -Dwirestream.measure.subscribers=1,10,100}, {@code -Dwirestream.measure.commit=100ms} and
 * {@code -Dwirestream.measure.stories=2000} change what is measured.
 */
@EnabledIfSystemProperty(named = "wirestream.measure", matches = "true")
class FanOutCostMeasurement {

    private static final int STORIES = Integer.getInteger("wirestream.measure.stories", 2000);
    private static final int[] SUBSCRIBERS = java.util.Arrays.stream(System.getProperty("wirestream.measure.subscribers", "1,10,100")
            .split(",")).mapToInt(t -> Integer.parseInt(t.strip())).toArray();
    /** The commit interval of both apps (under exactly-once: how much each transaction gathers). */
    private static final String COMMIT = System.getProperty("wirestream.measure.commit", "100ms");

    record Run(String what, int subscribers, double seconds, double cpuSeconds, long outputs) {}

    @Test
    void fanOutCostPerSubscriber(@TempDir Path dir) throws Exception {
        try (SubscriberCluster cluster = new SubscriberCluster()) {
            List<Article> backlog = new ArrayList<>();
            for (int i = 0; i < STORIES; i++) {
                backlog.add(Stories.usable("bench-" + i, 1, "agency-" + (i % 5), i % 2 == 0 ? Stories.SPORT : Stories.ECONOMY));
            }
            cluster.publish(backlog.toArray(Article[]::new));

            List<Run> runs = new ArrayList<>();
            runs.add(passThrough(cluster, dir, "baseline-warmup"));  // warms the JIT and the broker; not reported
            for (int round = 0; round < 2; round++) {
                runs.add(passThrough(cluster, dir, "baseline-" + round));
                for (int k : SUBSCRIBERS) {
                    runs.add(fanOut(cluster, dir, k, "fanout-" + k + "-" + round));
                }
            }
            System.out.printf("fan-out cost, %d stories, every subscriber entitled to every story, exactly_once_v2, 3 partitions, commit %s%n",
                    STORIES, COMMIT);
            System.out.printf("fan-out %-22s %11s %9s %10s %12s %14s %16s%n", "run", "subscribers", "seconds", "stories/s",
                    "outputs/s", "CPU ms/story", "CPU ms/delivery");
            for (Run r : runs.subList(1, runs.size())) {
                System.out.printf("fan-out %-22s %11d %9.2f %10.0f %12.0f %14.3f %16.4f%n", r.what(), r.subscribers(), r.seconds(),
                        STORIES / r.seconds(), r.outputs() / r.seconds(), 1000 * r.cpuSeconds() / STORIES,
                        1000 * r.cpuSeconds() / Math.max(1, r.outputs()));
            }
        }
    }

    private static Run passThrough(SubscriberCluster cluster, Path dir, String app) throws Exception {
        Properties p = new Properties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, app);
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
        p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, io.wirestream.runtime.config.DurationText.parse(COMMIT).toMillis());
        p.put(StreamsConfig.STATE_DIR_CONFIG, Files.createDirectories(dir.resolve(app)).toString());
        p.put(StreamsConfig.consumerPrefix("auto.offset.reset"), "earliest");
        p.put(StreamsConfig.producerPrefix("compression.type"), "lz4");
        StreamsBuilder b = new StreamsBuilder();
        b.stream("wire.articles", Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()))
                .to("bench.single-output", Produced.with(Serdes.ByteArray(), Serdes.ByteArray()));
        cluster.ensureTopic("bench.single-output");
        KafkaStreams streams = new KafkaStreams(b.build(), p);
        try {
            streams.start();
            awaitRunning(streams::state);
            return measure(app, 0, () -> cluster.caughtUp(app, "wire.articles"), STORIES);
        } finally {
            streams.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP).withTimeout(Duration.ofSeconds(10)));
        }
    }

    private static Run fanOut(SubscriberCluster cluster, Path dir, int subscribers, String app) throws Exception {
        StringBuilder yaml = new StringBuilder("subscribers:\n");
        for (int i = 0; i < subscribers; i++) {
            yaml.append("  - {id: bench-").append(app.hashCode() & 0xffff).append('-').append(i)
                    .append(", products: [{name: all, agencies: ['*']}], channels: {topic: true}}\n");
        }
        Path file = dir.resolve(app + ".yaml");
        Files.writeString(file, yaml);
        Settings settings = cluster.serviceSettings(file, dir.resolve(app + "-state"), app)
                .with(Map.of(io.wirestream.subscribers.SubscriberSettings.COMMIT_INTERVAL.key(), COMMIT));
        SubscriberService service = new SubscriberService(settings, Map.of(), Clock.systemUTC(), null);
        service.start(); // makes every subscriber's topic before it runs
        try {
            awaitRunning(service::state);
            return measure(app, subscribers, () -> cluster.caughtUp(app, "wire.articles"), (long) STORIES * subscribers);
        } finally {
            service.stop();
        }
    }

    private static Run measure(String app, int subscribers, java.util.function.BooleanSupplier done, long outputs) {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        long deadline = t0 + Duration.ofMinutes(10).toNanos();
        while (!done.getAsBoolean()) {
            assertThat(System.nanoTime()).as(app + " caught up within 10 minutes").isLessThan(deadline);
            Thread.onSpinWait();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        double cpu = (os.getProcessCpuTime() - cpu0) / 1e9;
        return new Run(app, subscribers, seconds, cpu, outputs);
    }

    private static void awaitRunning(java.util.function.Supplier<KafkaStreams.State> state) {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (state.get() != KafkaStreams.State.RUNNING) {
            assertThat(System.nanoTime()).as("RUNNING within 2 minutes").isLessThan(deadline);
            Thread.onSpinWait();
        }
    }
}
