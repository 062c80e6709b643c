package io.wirestream.publish.store;

import io.wirestream.avro.Article;
import org.apache.kafka.common.TopicPartition;

import java.util.Objects;

/**
 * One record read from the articles topic, as a store sees it: the decoded article (or a tombstone, or an unreadable
 * value) plus its position, so the store can commit the position together with the data.
 *
 * @param storyUri the record key: the story id
 * @param article  the decoded value; {@code null} for a tombstone or an unreadable value
 * @param kind     what the value was
 * @param lineage  for a {@link Kind#LINEAGE} record: the item fate it tells (a dedupe audit or a rejection)
 */
public record IncomingRecord(String storyUri, Article article, Kind kind, String topic, int partition, long offset,
                             ItemFate lineage) {

    public enum Kind {
        /** An article version. */
        ARTICLE,
        /** A null value: the topic forgets the story (published after a kill's grace period). */
        TOMBSTONE,
        /** A value that could not be decoded; only its offset is taken, so one bad record does not stop a store. */
        UNREADABLE,
        /** A dedupe audit or a rejection: only the item fate it tells is stored (and its offset). */
        LINEAGE
    }

    public IncomingRecord {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(topic, "topic");
        if (kind == Kind.ARTICLE) {
            Objects.requireNonNull(article, "article");
            if (storyUri == null) {
                storyUri = article.getUri();
            }
        }
    }

    public static IncomingRecord article(Article article, String topic, int partition, long offset) {
        return new IncomingRecord(article.getUri(), article, Kind.ARTICLE, topic, partition, offset, null);
    }

    public static IncomingRecord tombstone(String storyUri, String topic, int partition, long offset) {
        return new IncomingRecord(storyUri, null, Kind.TOMBSTONE, topic, partition, offset, null);
    }

    public static IncomingRecord unreadable(String storyUri, String topic, int partition, long offset) {
        return new IncomingRecord(storyUri, null, Kind.UNREADABLE, topic, partition, offset, null);
    }

    /** A record of a lineage topic; {@code fate} null when it names no item (only its offset is taken). */
    public static IncomingRecord lineage(ItemFate fate, String topic, int partition, long offset) {
        return new IncomingRecord(null, null, Kind.LINEAGE, topic, partition, offset, fate);
    }

    public TopicPartition topicPartition() {
        return new TopicPartition(topic, partition);
    }
}
