package io.wirestream.enrich.service.dedupe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.wirestream.avro.Article;
import io.wirestream.avro.DedupeAudit;
import io.wirestream.runtime.config.Settings;
import io.wirestream.runtime.kafka.TopicProvisioner;
import io.wirestream.testsupport.TestInfrastructure;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three partitions, two instances of the stage on a real broker, exactly_once_v2. Each story is wired by three
 * agencies under their own keys (so its copies land on different partitions); one instance is killed half way.
 * Every story must come out exactly once, headed by the copy wired first, with the other copies in its cluster or
 * on the audit topic, and nothing published twice. Written once; {@link StoryDedupeStageIT} runs it on the embedded
 * broker, {@link ContainerStoryDedupeStageIT} on an Apache Kafka container.
 */
abstract class StoryDedupeStageCases {

    static final String IN = "dedupe-it.normalised";
    static final String OUT = "dedupe-it.published";
    static final String AUDIT = "dedupe-it.audit";
    /** The stage's own feedback topic, provisioned as the service provisions it (it is no internal topic). */
    static final String REPLIES = DedupeSettings.repliesTopicOf("dedupe-it");
    /** The cluster processor's former input, which the service creates where it is missing. */
    static final String FORMER_CLUSTERS = "dedupe-it-dedupe-by-cluster-repartition";
    static final int STORIES = 24;
    static final Instant T0 = Instant.parse("2026-05-04T08:00:00Z");
    /**
     * Longer than the pause a kill causes (session timeout 6 s plus reassignment): a copy whose original sits on the
     * killed instance must still be waiting when the original comes through.
     */
    static final Duration HOLD_BACK = Duration.ofSeconds(15);

    @TempDir
    Path temp;

    TestInfrastructure infrastructure;
    final List<KafkaStreams> instances = new ArrayList<>();
    final AvroBinarySerde<Article> articleSerde = new AvroBinarySerde<>(Article.class);
    final AvroBinarySerde<DedupeAudit> auditSerde = new AvroBinarySerde<>(DedupeAudit.class);

    /** A fresh broker for each test. */
    abstract TestInfrastructure startInfrastructure();

    @BeforeEach
    void startBroker() throws Exception {
        infrastructure = startInfrastructure();
        try (Admin admin = infrastructure.admin()) {
            admin.createTopics(List.of(new NewTopic(IN, 3, (short) 1), new NewTopic(OUT, 3, (short) 1),
                    new NewTopic(AUDIT, 3, (short) 1), new NewTopic(REPLIES, 3, (short) 1),
                    new NewTopic(FORMER_CLUSTERS, 3, (short) 1))).all().get();
            new TopicProvisioner(admin, Duration.ofSeconds(30)).awaitWritable(Set.of(IN, OUT, AUDIT, REPLIES, FORMER_CLUSTERS));
        }
    }

    @AfterEach
    void stopAll() {
        for (KafkaStreams streams : instances) {
            streams.close(CloseOptions.timeout(Duration.ofSeconds(10))
                    .withGroupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP));
        }
        if (infrastructure != null) {
            infrastructure.close();
        }
    }

    Topology topology() {
        StreamsBuilder builder = new StreamsBuilder();
        // probes grouped by the index topic's partitions, as the service runs it, over three real partitions
        DedupeSettings service = DedupeSettings.from(Settings.ofValues(Map.of("enrich.application.id", "dedupe-it",
                "enrich.dedupe.hold.back", HOLD_BACK.toSeconds() + "s", "kafka.topic.partitions", "3")));
        // the service's settings, with the audit going to this test's own topic
        DedupeSettings settings = new DedupeSettings(service.window(), service.holdBack(), service.answerTimeout(),
                service.purgeInterval(), AUDIT, service.repliesTopic(), service.articlesTopic(), service.fingerprint(),
                service.indexPartitions());
        StoryDedupeStage.apply(builder, builder.stream(IN, Consumed.with(Serdes.String(), articleSerde)), settings,
                        articleSerde, auditSerde)
                .to(OUT, Produced.with(Serdes.String(), articleSerde));
        return builder.build();
    }

    KafkaStreams startInstance(String name) throws Exception {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "dedupe-it");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.bootstrapServers());
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, 1);
        props.put(StreamsConfig.STATE_DIR_CONFIG, Files.createDirectories(temp.resolve(name)).toString());
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 200);
        // the record cache on pending stories is on, as in the service, so a kill mid-way also tests it
        props.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 10 * 1024 * 1024);
        props.put(StreamsConfig.consumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG), 6000);
        props.put(StreamsConfig.consumerPrefix(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG), 1000);
        props.put(StreamsConfig.producerPrefix(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG), 10000);
        KafkaStreams streams = new KafkaStreams(topology(), props);
        instances.add(streams);
        streams.start();
        return streams;
    }

    void produce(List<Article> articles) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.bootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        try (KafkaProducer<String, Article> producer =
                new KafkaProducer<>(props, new StringSerializer(), articleSerde.serializer())) {
            for (Article article : articles) {
                // keyed by the agency's own receipt id, as ingest does: copies of one story land anywhere
                producer.send(new ProducerRecord<>(IN, article.getAgency() + "-" + article.getUri().hashCode(), article));
            }
            producer.flush();
        }
    }

    List<Article> wave(int from, int to) {
        List<Article> articles = new ArrayList<>();
        for (int story = from; story < to; story++) {
            Instant at = T0.plus(Duration.ofMinutes(10L * story));
            // the copies are sent before the original: wire order, not arrival order, picks the survivor
            articles.add(GeneratedStories.nearCopy(story, at.plusSeconds(90)));
            articles.add(GeneratedStories.exactCopy(story, at.plusSeconds(30)));
            articles.add(GeneratedStories.original(story, at));
        }
        return articles;
    }

    @Test
    void copiesFromThreeAgenciesOnDifferentPartitionsYieldOneStoryEachAcrossAnInstanceKill() throws Exception {
        KafkaStreams first = startInstance("a");
        KafkaStreams second = startInstance("b");
        await().atMost(Duration.ofSeconds(90)).until(() -> first.state() == KafkaStreams.State.RUNNING
                && second.state() == KafkaStreams.State.RUNNING);
        awaitInternalTopicsWritable();

        Map<String, List<Article>> published = new ConcurrentHashMap<>();
        List<DedupeAudit> audits = new CopyOnWriteArrayList<>();
        Thread reader = startReader(published, audits);

        // first writes of fresh transactional producers can stall on a new broker (KAFKA-15591): get them behind us
        List<Article> warmUp = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            warmUp.add(Stories.article("warm:" + i, "WRM", 1, T0.minusSeconds(3600 - i), "Warm-up " + i,
                    GeneratedStories.paragraphs(1000 + i)));
        }
        produce(warmUp);
        await("warm-up published").atMost(Duration.ofSeconds(120)).until(() -> published.size() >= warmUp.size());
        warmUp.forEach(a -> published.remove(a.getUri()));

        produce(wave(0, STORIES / 2));
        await("first stories published").atMost(Duration.ofSeconds(120)).until(() -> published.size() >= STORIES / 4);
        // killed, not shut down: no group leave, its partitions move after the session times out
        second.close(CloseOptions.timeout(Duration.ZERO));
        produce(wave(STORIES / 2, STORIES));

        await("every story once, every copy audited").atMost(Duration.ofSeconds(180))
                .failFast(() -> false)
                .conditionEvaluationListener(c -> {
                    if (!c.isSatisfied() && c.getRemainingTimeInMS() < 1000) {
                        System.out.printf("published %d heads, %d audits: %s%n", published.size(), audits.size(),
                                audits.stream().map(DedupeAudit::getReason).toList());
                    }
                })
                .until(() -> audits.size() >= 2 * STORIES && published.size() >= STORIES
                && published.values().stream().allMatch(v -> v.get(v.size() - 1).getDuplicates().getMemberUris().size() == 2));
        reader.interrupt();
        reader.join(10_000);

        assertThat(published.keySet()).hasSize(STORIES).allMatch(uri -> uri.startsWith("reu:story-"));
        for (Map.Entry<String, List<Article>> head : published.entrySet()) {
            List<Article> records = head.getValue();
            String story = head.getKey().substring("reu:story-".length());
            assertThat(records.get(records.size() - 1).getDuplicates().getMemberUris())
                    .containsExactlyInAnyOrder("afp:copy-" + story, "dpa:rewrite-" + story);
            assertThat(records.get(records.size() - 1).getDuplicates().getFirstAgency()).isEqualTo("REU");
            // a head is republished when a copy joins it; a record written twice would repeat a cluster state
            List<Set<String>> states = records.stream()
                    .map(a -> (Set<String>) new HashSet<>(a.getDuplicates().getMemberUris())).toList();
            assertThat(states).doesNotHaveDuplicates();
        }
        Map<String, String> reasons = new HashMap<>();
        audits.forEach(a -> reasons.merge(a.getUri(), a.getReason(), (x, y) -> x + "," + y));
        assertThat(reasons).hasSize(2 * STORIES);
        assertThat(reasons).allSatisfy((uri, reason) -> assertThat(reason)
                .isEqualTo(uri.startsWith("afp:") ? "exact-duplicate" : "near-duplicate"));
    }

    /**
     * Streams creates its repartition and changelog topics itself; an idempotent producer's first batch to a brand
     * new partition can fail with out-of-order sequence errors (KAFKA-15591), so wait until every one answers.
     */
    void awaitInternalTopicsWritable() throws Exception {
        try (Admin admin = infrastructure.admin()) {
            Set<String> internal = new HashSet<>();
            for (String topic : admin.listTopics().names().get()) {
                if (topic.startsWith("dedupe-it-")) {
                    internal.add(topic);
                }
            }
            assertThat(internal).isNotEmpty();
            new TopicProvisioner(admin, Duration.ofSeconds(60)).awaitWritable(internal);
        }
    }

    Thread startReader(Map<String, List<Article>> published, List<DedupeAudit> audits) {
        Thread reader = new Thread(() -> {
            Properties props = new Properties();
            props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.bootstrapServers());
            props.put(ConsumerConfig.GROUP_ID_CONFIG, "dedupe-it-reader");
            props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
            props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
            try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                    new org.apache.kafka.common.serialization.ByteArrayDeserializer())) {
                consumer.subscribe(List.of(OUT, AUDIT));
                while (!Thread.currentThread().isInterrupted()) {
                    for (var record : consumer.poll(Duration.ofMillis(200))) {
                        if (record.topic().equals(OUT)) {
                            published.computeIfAbsent(record.key(), k -> new CopyOnWriteArrayList<>())
                                    .add(articleSerde.deserializer().deserialize(OUT, record.value()));
                        } else {
                            audits.add(auditSerde.deserializer().deserialize(AUDIT, record.value()));
                        }
                    }
                }
            } catch (org.apache.kafka.common.errors.InterruptException e) {
                // the test is done reading
            }
        }, "dedupe-it-reader");
        reader.setDaemon(true);
        reader.start();
        return reader;
    }
}
