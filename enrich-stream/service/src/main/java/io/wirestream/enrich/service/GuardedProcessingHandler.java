package io.wirestream.enrich.service;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * KIP-1033 guard for every processor after normalise: a record a processor throws on becomes a rejection on
 * wire.rejected (stage = the processor, reason {@code processing-error}) and processing goes on with the next record.
 * Without it Streams fails the thread, the replaced thread reads the same record again and the partition never moves.
 * Only when the rejection itself cannot be written (registry down) does it fail, so the record is retried, not lost.
 */
public final class GuardedProcessingHandler implements ProcessingExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(GuardedProcessingHandler.class);
    static final String REASON = "processing-error";

    private RejectionRecords rejections;

    @Override
    public void configure(Map<String, ?> configs) {
        rejections = new RejectionRecords(configs);
    }

    @Override
    public Response handleError(ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
        var ref = RejectionRecords.rawRefOf(context, record == null ? null : record.value());
        log.warn("processor {} failed on a record from {}/{}@{} (item {}); rejecting it and going on", context.processorNodeId(),
                context.topic(), context.partition(), context.offset(), ref.getItemId(), exception);
        try {
            var dlq = rejections.record(context.processorNodeId(), REASON, exception, ref, Instant.now());
            GuardMetrics.rejected(ref.getAgency(), context.processorNodeId(), REASON);
            return Response.resume(List.of(dlq));
        } catch (RuntimeException e) {
            log.error("could not write the rejection of item {}; failing the task so the record is retried", ref.getItemId(), e);
            return Response.fail();
        }
    }
}
