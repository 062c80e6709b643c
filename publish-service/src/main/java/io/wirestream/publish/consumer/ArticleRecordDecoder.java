package io.wirestream.publish.consumer;

import io.wirestream.avro.Article;
import io.wirestream.avro.DedupeAudit;
import io.wirestream.avro.Rejection;
import io.wirestream.publish.store.IncomingRecord;
import io.wirestream.publish.store.ItemFate;
import io.wirestream.publish.store.StoreLimits;
import io.wirestream.contracts.registry.SchemaRegistryException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns raw records into {@link IncomingRecord}s, telling an outage from a bad record.
 *
 * <ul>
 *   <li>The schema registry cannot be reached or answers with an error of its own (5xx, timeout, refused
 *       credentials): {@link UpstreamUnavailableException}. Nothing is wrong with the record; the consumer waits and
 *       reads it again.</li>
 *   <li>The record itself is bad (not in the wire format, Avro that does not decode with its schema in hand, a
 *       schema id the registry says does not exist) or can never be stored (a story id over
 *       {@link StoreLimits#MAX_STORY_ID_BYTES}): an {@code UNREADABLE} entry, so its offset advances, plus a
 *       {@link Rejection} that the consumer writes to {@code wire.rejected} before it moves past the record.</li>
 * </ul>
 */
public final class ArticleRecordDecoder {

    private static final Logger log = LoggerFactory.getLogger(ArticleRecordDecoder.class);

    private final Deserializer<String> keys;
    private final Deserializer<Article> values;
    private final Clock clock;
    private final String auditTopic;
    private final Deserializer<DedupeAudit> audits;
    private final String rejectedTopic;
    private final Deserializer<Rejection> rejectionValues;

    public ArticleRecordDecoder(Deserializer<String> keys, Deserializer<Article> values) {
        this(keys, values, Clock.systemUTC());
    }

    public ArticleRecordDecoder(Deserializer<String> keys, Deserializer<Article> values, Clock clock) {
        this(keys, values, clock, null, null, null, null);
    }

    private ArticleRecordDecoder(Deserializer<String> keys, Deserializer<Article> values, Clock clock,
                                 String auditTopic, Deserializer<DedupeAudit> audits,
                                 String rejectedTopic, Deserializer<Rejection> rejectionValues) {
        this.keys = keys;
        this.values = values;
        this.clock = clock;
        this.auditTopic = auditTopic;
        this.audits = audits;
        this.rejectedTopic = rejectedTopic;
        this.rejectionValues = rejectionValues;
    }

    /** This decoder, also reading the lineage topics: dedupe audits and rejections become item fates. */
    public ArticleRecordDecoder withLineage(String auditTopic, Deserializer<DedupeAudit> audits,
                                            String rejectedTopic, Deserializer<Rejection> rejections) {
        return new ArticleRecordDecoder(keys, values, clock, auditTopic, audits, rejectedTopic, rejections);
    }

    /** The topics besides the articles topic that this decoder reads. */
    public List<String> lineageTopics() {
        List<String> topics = new ArrayList<>();
        if (auditTopic != null) {
            topics.add(auditTopic);
        }
        if (rejectedTopic != null) {
            topics.add(rejectedTopic);
        }
        return topics;
    }

    /** Decodes one record; rejections for bad records are dropped (for callers that only inspect records). */
    public IncomingRecord decode(ConsumerRecord<byte[], byte[]> record) {
        return decode(record, new ArrayList<>());
    }

    /**
     * Decodes one record, adding a rejection to {@code rejections} for a record that is set aside.
     *
     * @throws UpstreamUnavailableException when the registry is down: the record must be read again later
     */
    public IncomingRecord decode(ConsumerRecord<byte[], byte[]> record, List<Rejection> rejections) {
        if (record.topic().equals(auditTopic)) {
            DedupeAudit audit = readLineage(audits, record, rejections);
            return IncomingRecord.lineage(audit == null ? null : ItemFate.of(audit), record.topic(), record.partition(), record.offset());
        }
        if (record.topic().equals(rejectedTopic)) {
            Rejection rejection = readLineage(rejectionValues, record, rejections);
            return IncomingRecord.lineage(rejection == null || rejection.getRaw() == null ? null : ItemFate.of(rejection),
                    record.topic(), record.partition(), record.offset());
        }
        String key = decodeKey(record);
        if (record.value() == null) {
            return tombstone(key, record, rejections);
        }
        Article article;
        try {
            article = values.deserialize(record.topic(), record.headers(), record.value());
        } catch (RuntimeException e) {
            if (isOutage(e)) {
                throw new UpstreamUnavailableException("schema registry unavailable while reading "
                        + record.topic() + "/" + record.partition() + "@" + record.offset() + ": " + e.getMessage(), e);
            }
            String reason = isUnknownSchema(e) ? Rejections.UNKNOWN_SCHEMA : Rejections.CORRUPT;
            log.error("{} article at {}-{}@{} (key {}) set aside to the rejected topic: {}", reason, record.topic(),
                    record.partition(), record.offset(), key, e.toString());
            rejections.add(Rejections.undecodable(record, reason, e, clock.instant()));
            return IncomingRecord.unreadable(key, record.topic(), record.partition(), record.offset());
        }
        if (article == null) {
            return tombstone(key, record, rejections);
        }
        if (!StoreLimits.storyIdFits(article.getUri()) || !StoreLimits.storyIdFits(key)) {
            rejections.add(Rejections.ofArticle(article, article.getUri(), record.topic(), record.partition(),
                    record.offset(), StoreLimits.TOO_LARGE, "story id over " + StoreLimits.MAX_STORY_ID_BYTES + " bytes",
                    clock.instant()));
            return IncomingRecord.unreadable(null, record.topic(), record.partition(), record.offset());
        }
        return IncomingRecord.article(article, record.topic(), record.partition(), record.offset());
    }

    /** A lineage record's value; null for a null value or a bad record (then set aside like a bad article). */
    private <T> T readLineage(Deserializer<T> deserializer, ConsumerRecord<byte[], byte[]> record, List<Rejection> rejections) {
        if (record.value() == null) {
            return null;
        }
        try {
            return deserializer.deserialize(record.topic(), record.headers(), record.value());
        } catch (RuntimeException e) {
            if (isOutage(e)) {
                throw new UpstreamUnavailableException("schema registry unavailable while reading "
                        + record.topic() + "/" + record.partition() + "@" + record.offset() + ": " + e.getMessage(), e);
            }
            String reason = isUnknownSchema(e) ? Rejections.UNKNOWN_SCHEMA : Rejections.CORRUPT;
            log.error("{} record at {}-{}@{} set aside: {}", reason, record.topic(), record.partition(), record.offset(), e.toString());
            rejections.add(Rejections.undecodable(record, reason, e, clock.instant()));
            return null;
        }
    }

    private IncomingRecord tombstone(String key, ConsumerRecord<byte[], byte[]> record, List<Rejection> rejections) {
        if (!StoreLimits.storyIdFits(key)) {
            // no store can hold such a story, so there is nothing to forget; still said, never silent
            rejections.add(Rejections.ofArticle(null, key, record.topic(), record.partition(), record.offset(),
                    StoreLimits.TOO_LARGE, "tombstone for a story id over " + StoreLimits.MAX_STORY_ID_BYTES + " bytes",
                    clock.instant()));
            return IncomingRecord.unreadable(null, record.topic(), record.partition(), record.offset());
        }
        return IncomingRecord.tombstone(key, record.topic(), record.partition(), record.offset());
    }

    /**
     * A registry that is unreachable or answers with anything but the registry's own "schema not found" (error code
     * 40403: a bare 404 may be a proxy in front of a registry that is away) says nothing about the record.
     * Decoding failures of the record itself (bad magic byte, Avro that does not fit) carry no registry error.
     */
    static boolean isOutage(Throwable e) {
        SchemaRegistryException registry = registryError(e);
        return registry != null && !isUnknownSchema(e);
    }

    static boolean isUnknownSchema(Throwable e) {
        SchemaRegistryException registry = registryError(e);
        return registry != null && registry.isNotFound() && registry.errorCode() == SchemaRegistryException.SCHEMA_NOT_FOUND;
    }

    private static SchemaRegistryException registryError(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SchemaRegistryException sre) {
                return sre;
            }
        }
        return null;
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
            if (isOutage(notWireFormat)) {
                throw new UpstreamUnavailableException("schema registry unavailable while reading the key at "
                        + record.topic() + "/" + record.partition() + "@" + record.offset() + ": "
                        + notWireFormat.getMessage(), notWireFormat);
            }
            return new String(key, StandardCharsets.UTF_8);
        }
    }
}
