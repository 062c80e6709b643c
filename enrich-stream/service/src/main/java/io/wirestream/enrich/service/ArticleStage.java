package io.wirestream.enrich.service;

import io.wirestream.avro.Article;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;

/**
 * One step between normalisation and release (story versions and dedupe, tags and links). Takes articles keyed by
 * story uri and returns articles keyed by story uri; how it partitions internally is its own business.
 */
@FunctionalInterface
public interface ArticleStage {

    KStream<String, Article> apply(StreamsBuilder builder, KStream<String, Article> articles);

    /**
     * Topics the stage both writes and reads that Kafka Streams does not create for it (a feedback loop cannot go
     * through an internal topic). The service provisions them like its other topics: its partitions, replication and
     * min ISR, delete policy, retained for {@link #OWN_TOPIC_RETENTION}.
     */
    default List<String> ownTopics() {
        return List.of();
    }

    /**
     * Topics an earlier version of the stage passed records through between its own tasks, which this version no longer
     * writes but still reads, so that what was left in them when the earlier version stopped is not lost. The service
     * creates them, empty, where they are missing (a new deployment) and never compares them: Kafka Streams made them
     * with settings of its own.
     */
    default List<String> formerTopics() {
        return List.of();
    }

    /** Long enough for a stopped pipeline to find its in-flight messages again. */
    Duration OWN_TOPIC_RETENTION = Duration.ofDays(7);
}
