package io.wirestream.enrich.service;

import io.wirestream.avro.Article;
import io.wirestream.avro.RawItem;
import io.wirestream.avro.RawRef;
import io.wirestream.avro.Rejection;
import io.wirestream.contracts.topics.Topics;
import java.time.Instant;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.errors.ErrorHandlerContext;

/**
 * Turns a record a guard gave up on into a record for wire.rejected, in the wire format, ready to be handed back to
 * Streams as a dead-letter record (KIP-1034): Streams sends it in the same transaction that skips the failing record.
 * Built from the Streams configuration, which carries the registry settings (see {@link EnrichService#streamsConfig}).
 */
final class RejectionRecords {

    static final int DETAIL_CHARS = 500;

    private final Serializer<String> keys;
    private final Serializer<Rejection> values;

    RejectionRecords(Map<String, ?> streamsConfig) {
        this.keys = Topics.REJECTED.keySerde(streamsConfig).serializer();
        this.values = Topics.REJECTED.valueSerde(streamsConfig).serializer();
    }

    /** The raw item a failing record came from: an article or raw item names it; otherwise where the record sat. */
    static RawRef rawRefOf(ErrorHandlerContext context, Object value) {
        if (value instanceof Article article && article.getRaw() != null) {
            return article.getRaw();
        }
        if (value instanceof RawItem raw) {
            return RawRef.newBuilder().setItemId(raw.getItemId()).setAgency(raw.getAgency())
                    .setTopic(context.topic()).setPartition(context.partition()).setOffset(context.offset()).build();
        }
        return locationOf(context);
    }

    /** Where the source record sits, so it can be read again and replayed. */
    static RawRef locationOf(ErrorHandlerContext context) {
        String where = context.topic() + "/" + context.partition() + "@" + context.offset();
        return RawRef.newBuilder().setItemId(where).setTopic(context.topic()).setPartition(context.partition())
                .setOffset(context.offset()).build();
    }

    ProducerRecord<byte[], byte[]> record(String stage, String reason, Throwable error, RawRef ref, Instant at) {
        Rejection rejection = Rejection.newBuilder()
                .setStage(stage)
                .setReason(reason)
                .setDetail(error == null ? null : clip(String.valueOf(error.getMessage())))
                .setErrorClass(error == null ? null : rootOf(error).getClass().getName())
                .setRaw(ref)
                .setRejectedAt(at)
                .build();
        String topic = Topics.REJECTED.name();
        return new ProducerRecord<>(topic, keys.serialize(topic, ref.getItemId()), values.serialize(topic, rejection));
    }

    /** The exception that says what went wrong: Streams wraps the processor's own in its own kinds. */
    static Throwable rootOf(Throwable error) {
        Throwable t = error;
        while (t.getCause() != null && t.getCause() != t
                && (t instanceof org.apache.kafka.streams.errors.StreamsException
                || t instanceof org.apache.kafka.streams.errors.internals.FailedProcessingException)) {
            t = t.getCause();
        }
        return t;
    }

    static String clip(String text) {
        return text.length() <= DETAIL_CHARS ? text : text.substring(0, DETAIL_CHARS) + "...";
    }
}
