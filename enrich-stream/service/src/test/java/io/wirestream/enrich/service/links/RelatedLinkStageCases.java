package io.wirestream.enrich.service.links;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.wirestream.avro.Article;
import io.wirestream.avro.RelatedLink;
import io.wirestream.enrich.tagging.ArticleTagger;
import io.wirestream.enrich.tagging.related.LinkSettings;
import io.wirestream.runtime.kafka.TopicProvisioner;
import io.wirestream.runtime.kafka.TopicSpec;
import io.wirestream.testsupport.TestInfrastructure;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.junit.jupiter.api.Test;

/**
 * On a real broker with three partitions and two stream instances: a story and its follow-up written to different
 * partitions still meet on the partition of their shared keys, and the follow-up links to the story. Written once;
 * {@link RelatedLinkStageIT} runs it on the embedded broker, {@link ContainerRelatedLinkStageIT} on an Apache Kafka
 * container.
 */
abstract class RelatedLinkStageCases {

    static final String IN = "links-it-in";
    static final String OUT = "links-it-out";

    /** The broker the test runs on; the test closes it. */
    abstract TestInfrastructure startInfrastructure();

    @Test
    void storiesOnDifferentPartitionsAreLinked() throws Exception {
        Serde<Article> articles = AvroBinaryArticleSerde.create();
        try (TestInfrastructure kafka = startInfrastructure()) {
            try (Admin admin = kafka.admin()) {
                TopicProvisioner topics = new TopicProvisioner(admin, Duration.ofSeconds(30));
                topics.ensureOrFail(List.of(new TopicSpec(IN, 3, (short) 1, 1, "delete", null),
                        new TopicSpec(OUT, 3, (short) 1, 1, "delete", null)));
                topics.awaitWritable(Set.of(IN, OUT));
            }
            List<KafkaStreams> instances = new ArrayList<>();
            List<Path> stateDirs = new ArrayList<>();
            try {
                for (int i = 0; i < 2; i++) {
                    Path state = Files.createTempDirectory("links-it-state");
                    stateDirs.add(state);
                    KafkaStreams streams = new KafkaStreams(topology(articles), props(kafka.bootstrapServers(), state));
                    streams.start();
                    instances.add(streams);
                }
                await().atMost(60, TimeUnit.SECONDS).until(() ->
                        instances.stream().allMatch(s -> s.state() == KafkaStreams.State.RUNNING));

                try (KafkaProducer<String, Article> producer = new KafkaProducer<>(Map.of(
                        "bootstrap.servers", kafka.bootstrapServers(), "acks", "all", "enable.idempotence", true),
                        Serdes.String().serializer(), articles.serializer())) {
                    Article first = RelatedLinkStageTest.HARBOUR_TALKS;
                    Article other = RelatedLinkStageTest.OTHER_VISIT;
                    Article followUp = RelatedLinkStageTest.HARBOUR_FOLLOW_UP;
                    producer.send(new ProducerRecord<>(IN, 0, first.getUri(), first)).get(30, TimeUnit.SECONDS);
                    producer.send(new ProducerRecord<>(IN, 1, other.getUri(), other)).get(30, TimeUnit.SECONDS);
                    // the follow-up only after the first story is out, so that it is indexed before the probe
                    awaitOutput(kafka, articles, 2);
                    producer.send(new ProducerRecord<>(IN, 2, followUp.getUri(), followUp)).get(30, TimeUnit.SECONDS);
                }
                Map<String, Article> out = awaitOutput(kafka, articles, 3);
                List<RelatedLink> links = out.get("b:harbour-2").getRelated();
                assertThat(links).isNotEmpty();
                assertThat(links.get(0).getUri()).isEqualTo("a:harbour-1");
                assertThat(links.get(0).getReason()).contains("shared entities");

                // a kill on one partition reaches stories that link to it on another, which go out again without it
                String reply = "f:harbour-reply";
                assertThat(byUriPartition(reply)).as("precondition: another partition of the by-uri topic")
                        .isNotEqualTo(byUriPartition(first().getUri()));
                try (KafkaProducer<String, Article> producer = new KafkaProducer<>(Map.of(
                        "bootstrap.servers", kafka.bootstrapServers(), "acks", "all", "enable.idempotence", true),
                        Serdes.String().serializer(), articles.serializer())) {
                    Article replyStory = Article.newBuilder(RelatedLinkStageTest.HARBOUR_FOLLOW_UP).setUri(reply).build();
                    producer.send(new ProducerRecord<>(IN, 1, reply, replyStory)).get(30, TimeUnit.SECONDS);
                    awaitLatest(kafka, articles, reply, a -> a.getRelated().stream().anyMatch(l -> l.getUri().equals(first().getUri())));
                    Article kill = Article.newBuilder(first()).setVersion(2).setPubstatus(io.wirestream.avro.PubStatus.canceled).build();
                    producer.send(new ProducerRecord<>(IN, 0, kill.getUri(), kill)).get(30, TimeUnit.SECONDS);
                }
                awaitLatest(kafka, articles, reply, a -> a.getRelated().stream().noneMatch(l -> l.getUri().equals(first().getUri())));
            } finally {
                for (KafkaStreams s : instances) {
                    s.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                            .withTimeout(Duration.ofSeconds(10)));
                }
                for (Path dir : stateDirs) {
                    deleteRecursively(dir);
                }
            }
        }
    }

    static Article first() {
        return RelatedLinkStageTest.HARBOUR_TALKS;
    }

    static int byUriPartition(String uri) {
        return org.apache.kafka.common.utils.Utils.toPositive(org.apache.kafka.common.utils.Utils.murmur2(
                uri.getBytes(java.nio.charset.StandardCharsets.UTF_8))) % 3;
    }

    /** Waits until the newest record of {@code uri} on the output satisfies {@code condition}. */
    static void awaitLatest(TestInfrastructure kafka, Serde<Article> articles, String uri,
                            java.util.function.Predicate<Article> condition) {
        Map<String, Article> byUri = new HashMap<>();
        try (KafkaConsumer<String, Article> consumer = new KafkaConsumer<>(Map.of(
                "bootstrap.servers", kafka.bootstrapServers(), "group.id", "links-it-reader-" + System.nanoTime(),
                "auto.offset.reset", "earliest", "isolation.level", "read_committed"),
                Serdes.String().deserializer(), articles.deserializer())) {
            consumer.subscribe(List.of(OUT));
            await().atMost(90, TimeUnit.SECONDS).until(() -> {
                for (ConsumerRecord<String, Article> r : consumer.poll(Duration.ofMillis(200))) {
                    byUri.put(r.key(), r.value());
                }
                return byUri.get(uri) != null && condition.test(byUri.get(uri));
            });
        }
    }

    static Topology topology(Serde<Article> articles) {
        StreamsBuilder builder = new StreamsBuilder();
        RelatedLinkStage.apply(builder, builder.stream(IN, Consumed.with(Serdes.String(), articles)),
                        ArticleTagger.withBundledKnowledge(), LinkSettings.defaults())
                .to(OUT, Produced.with(Serdes.String(), articles));
        return builder.build();
    }

    static Properties props(String bootstrap, Path state) {
        Properties p = new Properties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, "links-it");
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        p.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, 1);
        p.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, 1);
        p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
        p.put(StreamsConfig.STATE_DIR_CONFIG, state.toString());
        p.put("consumer.auto.offset.reset", "earliest");
        return p;
    }

    static Map<String, Article> awaitOutput(TestInfrastructure kafka, Serde<Article> articles, int expected) {
        Map<String, Article> byUri = new HashMap<>();
        try (KafkaConsumer<String, Article> consumer = new KafkaConsumer<>(Map.of(
                "bootstrap.servers", kafka.bootstrapServers(), "group.id", "links-it-reader-" + System.nanoTime(),
                "auto.offset.reset", "earliest", "isolation.level", "read_committed"),
                Serdes.String().deserializer(), articles.deserializer())) {
            consumer.subscribe(List.of(OUT));
            await().atMost(90, TimeUnit.SECONDS).until(() -> {
                for (ConsumerRecord<String, Article> r : consumer.poll(Duration.ofMillis(200))) {
                    byUri.put(r.key(), r.value());
                }
                return byUri.size() >= expected;
            });
        }
        return byUri;
    }

    static void deleteRecursively(Path dir) throws java.io.IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
