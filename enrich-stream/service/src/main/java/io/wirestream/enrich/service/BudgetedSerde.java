package io.wirestream.enrich.service;

import java.util.Map;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * A serde whose serializer refuses a value larger than the size budget allows, before the producer sees it. Under
 * exactly_once_v2 a RecordTooLargeException from the producer puts the whole transaction into an error state: the
 * failing record cannot be skipped, the task is rolled back, reads it again and fails again (issue 13's loop). A
 * serialization error, by contrast, reaches the production guard while the transaction is still sound, so the record
 * becomes a {@code too-large} rejection and the rest commits.
 */
final class BudgetedSerde<T> implements Serde<T> {

    /** Room left in a request for the key (a uri of at most 1 KB), headers and the batch's own overhead. */
    static final int REQUEST_OVERHEAD_BYTES = 16 * 1024;

    private final Serde<T> inner;
    private final int maxValueBytes;

    BudgetedSerde(Serde<T> inner, int maxRecordBytes) {
        this.inner = inner;
        this.maxValueBytes = maxRecordBytes - REQUEST_OVERHEAD_BYTES;
    }

    /** Thrown for a value over the budget; the production guard turns it into reason {@code too-large}. */
    static final class OverBudgetException extends SerializationException {
        OverBudgetException(String message) {
            super(message);
        }
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        inner.configure(configs, isKey);
    }

    @Override
    public Serializer<T> serializer() {
        Serializer<T> s = inner.serializer();
        return (topic, value) -> {
            byte[] bytes = s.serialize(topic, value);
            if (bytes != null && bytes.length > maxValueBytes) {
                throw new OverBudgetException("a record of " + bytes.length + " bytes for " + topic + " is over the size budget of "
                        + maxValueBytes + " bytes (kafka.max.record.bytes less room for key and headers)");
            }
            return bytes;
        };
    }

    @Override
    public Deserializer<T> deserializer() {
        return inner.deserializer();
    }
}
