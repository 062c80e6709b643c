package io.wirestream.publish.consumer;

import io.wirestream.avro.Article;
import io.wirestream.avro.RawRef;
import io.wirestream.avro.Rejection;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.time.Instant;
import java.util.Base64;

/** The rejections publish-service writes: stage {@value #STAGE}, a reason code, and where the record lies. */
public final class Rejections {

    public static final String STAGE = "publish";
    /** Not in the wire format, or Avro that does not decode with its own schema. */
    public static final String CORRUPT = "corrupt-record";
    /** The registry answered that the record's schema id does not exist. */
    public static final String UNKNOWN_SCHEMA = "unknown-schema";
    /** The store refused the record for a reason that will not go away (see the detail). */
    public static final String UNSTORABLE = "unstorable";
    /** Records up to this size travel whole (base64) in the rejection so they can be replayed even after compaction. */
    static final int KEEP_BYTES_UP_TO = 64 * 1024;

    private Rejections() {}

    /** The position of a record on the articles topic; the item id names it when the raw item is unknown. */
    public static RawRef positionOf(String topic, int partition, long offset) {
        return new RawRef(topic + "/" + partition + "@" + offset, null, topic, partition, offset);
    }

    static Rejection undecodable(ConsumerRecord<byte[], byte[]> record, String reason, Exception cause, Instant now) {
        byte[] value = record.value();
        return Rejection.newBuilder().setStage(STAGE).setReason(reason)
                .setDetail("value at " + record.topic() + "/" + record.partition() + "@" + record.offset()
                        + " cannot be decoded: " + cause.getMessage())
                .setErrorClass(cause.getClass().getName())
                .setRaw(positionOf(record.topic(), record.partition(), record.offset()))
                .setRejectedAt(now)
                .setExcerpt(value != null && value.length <= KEEP_BYTES_UP_TO
                        ? "base64:" + Base64.getEncoder().encodeToString(value) : null)
                .build();
    }

    /** A decoded article the stores cannot hold; its raw reference is the article's own when it has one. */
    public static Rejection ofArticle(Article article, String storyUri, String topic, int partition, long offset,
                                      String reason, String detail, Instant now) {
        RawRef raw = article != null && article.getRaw() != null ? article.getRaw() : positionOf(topic, partition, offset);
        String head = storyUri == null ? "" : storyUri.substring(0, Math.min(120, storyUri.length()));
        return Rejection.newBuilder().setStage(STAGE).setReason(reason)
                .setDetail("story " + head + (storyUri != null && storyUri.length() > 120 ? "..." : "") + " at "
                        + topic + "/" + partition + "@" + offset + ": " + detail)
                .setRaw(raw)
                .setRejectedAt(now)
                .build();
    }
}
