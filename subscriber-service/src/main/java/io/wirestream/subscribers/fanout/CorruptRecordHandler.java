package io.wirestream.subscribers.fanout;

import io.wirestream.avro.RawRef;
import io.wirestream.avro.Rejection;
import io.wirestream.contracts.registry.SchemaRegistryException;
import io.wirestream.contracts.topics.Topics;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A record of {@code wire.articles} that cannot be read: while the schema registry is away (the deserializer has
 * already waited it out) the task fails, so the same offsets are read again and nothing is skipped; a record that is
 * truly corrupt becomes a rejection on {@code wire.rejected} (stage {@value FanOutProcessor#STAGE}, reason
 * {@value #REASON}, with its topic, partition and offset), sent in the same transaction that skips it (KIP-1034).
 */
public final class CorruptRecordHandler implements DeserializationExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(CorruptRecordHandler.class);
    static final String REASON = "corrupt-record";

    private Serializer<String> keys;
    private Serializer<Rejection> values;

    @Override
    public void configure(Map<String, ?> configs) {
        keys = Topics.REJECTED.keySerde(configs).serializer();
        values = Topics.REJECTED.valueSerde(configs).serializer();
    }

    @Override
    public Response handleError(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record, Exception exception) {
        if (SchemaRegistryException.outageIn(exception) != null) {
            log.warn("schema registry unavailable reading {}/{}@{}; failing the task so the record is read again",
                    record.topic(), record.partition(), record.offset(), exception);
            return Response.fail();
        }
        String where = context.topic() + "/" + context.partition() + "@" + context.offset();
        RawRef ref = RawRef.newBuilder().setItemId(where).setTopic(context.topic()).setPartition(context.partition())
                .setOffset(context.offset()).build();
        log.warn("record {} cannot be read; rejecting it and going on", where, exception);
        try {
            Rejection rejection = Rejection.newBuilder().setStage(FanOutProcessor.STAGE).setReason(REASON)
                    .setDetail(String.valueOf(exception.getMessage())).setErrorClass(exception.getClass().getName())
                    .setRaw(ref).setRejectedAt(Instant.now()).build();
            String topic = Topics.REJECTED.name();
            return Response.resume(List.of(new ProducerRecord<>(topic, keys.serialize(topic, where), values.serialize(topic, rejection))));
        } catch (RuntimeException e) {
            log.error("could not write the rejection of {}; failing the task so the record is read again", where, e);
            return Response.fail();
        }
    }
}
