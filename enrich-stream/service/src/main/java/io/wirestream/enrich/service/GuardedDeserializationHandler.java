package io.wirestream.enrich.service;

import io.wirestream.contracts.registry.SchemaRegistryException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells an outage from a corrupt record. A registry that cannot answer (the deserializer has already waited it out
 * with backoff) fails the task: Streams replaces the thread and reads the same offsets again, so nothing is skipped.
 * A record that truly cannot be read (no magic byte, undecodable Avro, a schema id the registry says does not exist)
 * becomes a rejection naming where its bytes sit (topic, partition, offset), so it can be read and replayed, and
 * the partition goes on. Replaces LogAndContinueExceptionHandler, which skipped both alike.
 */
public final class GuardedDeserializationHandler implements DeserializationExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(GuardedDeserializationHandler.class);
    static final String REASON = "corrupt-record";

    private RejectionRecords rejections;

    @Override
    public void configure(Map<String, ?> configs) {
        rejections = new RejectionRecords(configs);
    }

    @Override
    public Response handleError(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record, Exception exception) {
        if (SchemaRegistryException.outageIn(exception) != null) {
            log.warn("schema registry unavailable reading {}/{}@{}; failing the task so the record is read again",
                    record.topic(), record.partition(), record.offset(), exception);
            return Response.fail();
        }
        var ref = RejectionRecords.locationOf(context);
        log.warn("record {} cannot be read; rejecting it and going on", ref.getItemId(), exception);
        try {
            var dlq = rejections.record("deserialize", REASON, exception, ref, Instant.now());
            GuardMetrics.rejected(null, "deserialize", REASON);
            return Response.resume(List.of(dlq));
        } catch (RuntimeException e) {
            log.error("could not write the rejection of {}; failing the task so the record is read again", ref.getItemId(), e);
            return Response.fail();
        }
    }
}
