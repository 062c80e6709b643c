package io.wirestream.publish.testing;

import io.wirestream.avro.Article;
import io.wirestream.runtime.kafka.TopicProvisioner;
import io.wirestream.runtime.kafka.TopicSpec;
import io.wirestream.contracts.topics.Topics;
import io.wirestream.testsupport.PostgresEndpoint;
import io.wirestream.testsupport.TestInfrastructure;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The articles topic on a real broker and schema registry (the suite's {@link TestInfrastructure}, which this closes),
 * and a producer writing articles as enrich-stream does.
 */
public final class PublishTestCluster implements AutoCloseable {

    public static final int PARTITIONS = 3;

    private final TestInfrastructure infrastructure;
    private final KafkaProducer<String, Article> producer;

    public PublishTestCluster(TestInfrastructure infrastructure) {
        this.infrastructure = infrastructure;
        try {
            try (Admin admin = infrastructure.admin()) {
                new TopicProvisioner(admin, Duration.ofSeconds(30))
                        .ensure(List.of(TopicSpec.of(Topics.ARTICLES, PARTITIONS, 1, 1)));
            }
            Map<String, Object> serde = Map.of("schema.registry.url", infrastructure.registryUrl());
            Map<String, Object> p = new HashMap<>();
            p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.bootstrapServers());
            p.put(ProducerConfig.ACKS_CONFIG, "all");
            p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
            p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
            producer = new KafkaProducer<>(p, Topics.ARTICLES.keySerde(serde).serializer(), Topics.ARTICLES.valueSerde(serde).serializer());
        } catch (RuntimeException e) {
            infrastructure.close();
            throw e;
        }
        try {
            awaitPartitionsWritable();
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** Works around KAFKA-15591: produce only once every partition answers offset requests. */
    private void awaitPartitionsWritable() {
        Map<TopicPartition, OffsetSpec> latest = IntStream.range(0, PARTITIONS).boxed()
                .collect(Collectors.toMap(i -> new TopicPartition(Topics.ARTICLES.name(), i), i -> OffsetSpec.latest()));
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        try (Admin admin = infrastructure.admin()) {
            while (true) {
                try {
                    admin.listOffsets(latest).all().get();
                    return;
                } catch (ExecutionException e) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("articles topic never became writable", e);
                    }
                    Thread.onSpinWait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    public String bootstrapServers() {
        return infrastructure.bootstrapServers();
    }

    public String registryUrl() {
        return infrastructure.registryUrl();
    }

    /** The suite's PostgreSQL, for {@link PostgresTestSchema#create(PostgresEndpoint)}. */
    public PostgresEndpoint postgres() {
        return infrastructure.postgres();
    }

    /** Sends and waits until the broker acknowledged every record. */
    public void publish(List<Article> articles) {
        try {
            for (Article article : articles) {
                producer.send(new ProducerRecord<>(Topics.ARTICLES.name(), article.getUri(), article));
            }
            producer.flush();
        } catch (RuntimeException e) {
            throw new IllegalStateException("could not publish test articles", e);
        }
    }

    public void publishTombstone(String uri) {
        producer.send(new ProducerRecord<>(Topics.ARTICLES.name(), uri, null));
        producer.flush();
    }

    /** Log-end offset per partition of the articles topic. */
    public Map<TopicPartition, Long> endOffsets() {
        Map<TopicPartition, OffsetSpec> latest = IntStream.range(0, PARTITIONS).boxed()
                .collect(Collectors.toMap(i -> new TopicPartition(Topics.ARTICLES.name(), i), i -> OffsetSpec.latest()));
        try (Admin admin = infrastructure.admin()) {
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> info = admin.listOffsets(latest).all().get();
            Map<TopicPartition, Long> ends = new HashMap<>();
            info.forEach((tp, i) -> ends.put(tp, i.offset()));
            return ends;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
        infrastructure.close();
    }
}
