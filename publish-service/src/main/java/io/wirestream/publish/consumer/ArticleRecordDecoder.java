package io.wirestream.publish.consumer;

import io.wirestream.avro.Article;
import io.wirestream.publish.store.IncomingRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;

/**
 * Turns raw records into {@link IncomingRecord}s. Values are decoded here rather than by the consumer, so a record
 * that cannot be read becomes an {@code UNREADABLE} entry (its offset still advances) instead of an exception that
 * would stop the store at that offset forever.
 */
public final class ArticleRecordDecoder {

    private static final Logger log = LoggerFactory.getLogger(ArticleRecordDecoder.class);

    private final Deserializer<String> keys;
    private final Deserializer<Article> values;

    public ArticleRecordDecoder(Deserializer<String> keys, Deserializer<Article> values) {
        this.keys = keys;
        this.values = values;
    }

    public IncomingRecord decode(ConsumerRecord<byte[], byte[]> record) {
        String key = decodeKey(record);
        if (record.value() == null) {
            return IncomingRecord.tombstone(key, record.topic(), record.partition(), record.offset());
        }
        try {
            Article article = values.deserialize(record.topic(), record.headers(), record.value());
            if (article == null) {
                return IncomingRecord.tombstone(key, record.topic(), record.partition(), record.offset());
            }
            return IncomingRecord.article(article, record.topic(), record.partition(), record.offset());
        } catch (RuntimeException e) {
            log.error("unreadable article at {}-{}@{} (key {}), skipped: {}", record.topic(), record.partition(),
                    record.offset(), key, e.toString());
            return IncomingRecord.unreadable(key, record.topic(), record.partition(), record.offset());
        }
    }

    /** Keys are Avro strings in the wire format; a plain UTF-8 key (from a hand-made record) is accepted too. */
    private String decodeKey(ConsumerRecord<byte[], byte[]> record) {
        byte[] key = record.key();
        if (key == null) {
            return null;
        }
        try {
            return keys.deserialize(record.topic(), record.headers(), key);
        } catch (RuntimeException notWireFormat) {
            return new String(key, StandardCharsets.UTF_8);
        }
    }
}
