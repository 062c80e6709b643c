package io.wirestream.enrich.service;

import io.wirestream.contracts.registry.SchemaRegistryException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProductionExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Guard for every write the topology makes (output, repartition and changelog topics). A record the broker or the
 * producer refuses for what it is (too large, invalid, unserialisable) becomes a rejection on wire.rejected and the
 * rest goes on; Streams' default answer, FAIL, made a replaced thread hit the same record again and again. What is
 * not the record's fault is not skipped: a retriable error is retried, and a registry outage or a refused
 * authorisation fails the task so the same offsets are processed again once the fault is gone.
 */
/*
 * Under exactly_once_v2 a RecordTooLargeException raised by the producer itself has already put the transaction into
 * an error state: resuming cannot save the batch. That is why articles are held to the budget by their serializer
 * (BudgetedSerde), whose error arrives here through handleSerializationError while the transaction is sound.
 */
public final class GuardedProductionHandler implements ProductionExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(GuardedProductionHandler.class);

    private RejectionRecords rejections;

    @Override
    public void configure(Map<String, ?> configs) {
        rejections = new RejectionRecords(configs);
    }

    @Override
    public Response handleError(ErrorHandlerContext context, ProducerRecord<byte[], byte[]> record, Exception exception) {
        if (exception instanceof RetriableException) {
            return Response.retry();
        }
        if (exception instanceof AuthorizationException || exception instanceof AuthenticationException) {
            return Response.fail();
        }
        String reason = exception instanceof RecordTooLargeException ? "too-large" : "production-error";
        return reject(context, record.topic(), reason, exception);
    }

    @Override
    public Response handleSerializationError(ErrorHandlerContext context, ProducerRecord record, Exception exception,
                                             SerializationExceptionOrigin origin) {
        if (SchemaRegistryException.outageIn(exception) != null) {
            log.warn("schema registry unavailable while writing to {}; failing the task so the record is retried", record.topic());
            return Response.fail();
        }
        String reason = exception instanceof BudgetedSerde.OverBudgetException ? "too-large" : "unserialisable";
        return reject(context, record.topic(), reason, exception);
    }

    private Response reject(ErrorHandlerContext context, String topic, String reason, Exception exception) {
        var ref = RejectionRecords.locationOf(context);
        String stage = context.processorNodeId() == null ? "produce" : context.processorNodeId();
        log.warn("could not write a record to {} ({}), from {}; rejecting it and going on", topic, reason, ref.getItemId(), exception);
        try {
            var dlq = rejections.record(stage, reason, exception, ref, Instant.now());
            GuardMetrics.rejected(null, stage, reason);
            return Response.resume(List.of(dlq));
        } catch (RuntimeException e) {
            log.error("could not write the rejection of {}; failing the task so the record is retried", ref.getItemId(), e);
            return Response.fail();
        }
    }
}
