package io.wirestream.subscribers.testing;

import io.wirestream.runtime.kafka.GroupProgress;
import io.wirestream.avro.Article;
import io.wirestream.contracts.topics.Topics;
import io.wirestream.runtime.config.KafkaSettings;
import io.wirestream.runtime.config.SettingValues;
import io.wirestream.runtime.config.Settings;
import io.wirestream.runtime.kafka.TopicProvisioner;
import io.wirestream.runtime.kafka.TopicSpec;
import io.wirestream.subscribers.SubscriberSettings;
import io.wirestream.testsupport.TestInfrastructure;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * A real broker and registry ({@link TestInfrastructure#embedded()}), {@code wire.articles} on it, a producer that
 * writes articles as enrich-stream does, and readers of what the fan-out wrote.
 */
public final class SubscriberCluster implements AutoCloseable {

    public static final int PARTITIONS = 3;

    private final TestInfrastructure infrastructure;
    private final KafkaProducer<String, Article> producer;

    public SubscriberCluster() {
        infrastructure = TestInfrastructure.embedded();
        try (Admin admin = infrastructure.admin()) {
            new TopicProvisioner(admin, Duration.ofSeconds(60)).ensure(List.of(TopicSpec.of(Topics.ARTICLES, PARTITIONS, 1, 1)));
        }
        Map<String, Object> serde = Map.of("schema.registry.url", infrastructure.registryUrl());
        Map<String, Object> p = new HashMap<>();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.bootstrapServers());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        producer = new KafkaProducer<>(p, Topics.ARTICLES.keySerde(serde).serializer(), Topics.ARTICLES.valueSerde(serde).serializer());
    }

    /** The settings of a subscriber-service on this cluster, fast timers, HTTP on any free port. */
    public Settings serviceSettings(Path subscribersFile, Path stateDir, String applicationId) {
        return Settings.ofValues(new SettingValues()
                .set(KafkaSettings.BOOTSTRAP_SERVERS, infrastructure.bootstrapServers())
                .set(KafkaSettings.REGISTRY_URL, infrastructure.registryUrl())
                .set(KafkaSettings.PARTITIONS, PARTITIONS)
                .set(SubscriberSettings.FILE, subscribersFile.toString())
                .set(SubscriberSettings.STATE_DIR, stateDir.toString())
                .set(SubscriberSettings.APPLICATION_ID, applicationId)
                .set(SubscriberSettings.HTTP_HOST, "127.0.0.1")
                .set(SubscriberSettings.HTTP_PORT, 0)
                .setText(SubscriberSettings.RELOAD_INTERVAL, "200ms")
                .setText(SubscriberSettings.COMMIT_INTERVAL, "100ms")
                .setText(SubscriberSettings.WEBHOOK_RETRY_INITIAL, "50ms")
                .setText(SubscriberSettings.WEBHOOK_RETRY_MAX, "400ms")
                .setText(SubscriberSettings.CLOSE_TIMEOUT, "10s")
                .asMap());
    }

    public void publish(Article... articles) {
        for (Article a : articles) {
            producer.send(new ProducerRecord<>(Topics.ARTICLES.name(), a.getUri(), a));
        }
        producer.flush();
    }

    public void publishTombstone(String uri) {
        producer.send(new ProducerRecord<>(Topics.ARTICLES.name(), uri, null));
        producer.flush();
    }

    /** Everything committed on a topic so far, in partition order (read_committed). */
    public List<ConsumerRecord<String, byte[]>> readAll(String topic) {
        Map<String, Object> p = new HashMap<>();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.bootstrapServers());
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        List<ConsumerRecord<String, byte[]>> out = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer())) {
            var infos = c.partitionsFor(topic, Duration.ofSeconds(10));
            if (infos == null || infos.isEmpty()) {
                return out;
            }
            List<TopicPartition> parts = infos.stream().map(i -> new TopicPartition(topic, i.partition())).toList();
            c.assign(parts);
            c.seekToBeginning(parts);
            Map<TopicPartition, Long> end = c.endOffsets(parts);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (parts.stream().anyMatch(tp -> c.position(tp) < end.get(tp)) && System.nanoTime() < deadline) {
                c.poll(Duration.ofMillis(200)).forEach(out::add);
            }
        }
        return out;
    }

    /** A plain topic of this cluster's partition count (measurements). */
    public void ensureTopic(String topic) {
        try (Admin admin = infrastructure.admin()) {
            new TopicProvisioner(admin, Duration.ofSeconds(60)).ensure(List.of(new TopicSpec(topic, PARTITIONS, (short) 1, 1, "delete", null)));
        }
    }

    public boolean topicExists(String topic) {
        try (Admin admin = infrastructure.admin()) {
            return admin.listTopics().names().get().contains(topic);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether the group has committed every record now on the topic (the fan-out is caught up). */
    public boolean caughtUp(String group, String topic) {
        try (Admin admin = infrastructure.admin()) {
            return GroupProgress.caughtUp(admin, group, topic);
        } catch (Exception e) {
            return false;
        }
    }

    public String bootstrapServers() {
        return infrastructure.bootstrapServers();
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
        infrastructure.close();
    }
}
