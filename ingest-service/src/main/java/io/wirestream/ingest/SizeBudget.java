package io.wirestream.ingest;

import io.wirestream.runtime.config.KafkaSettings;

import io.wirestream.runtime.config.Settings;

/**
 * What the largest accepted item costs downstream, checked before ingest takes anything. An item becomes a raw
 * record (the payload plus ids, headers kept in the transport map, times), and later an article that may carry the
 * text two or three times (raw text, clean text, body markup). Every record on every topic must fit Kafka's record
 * budget ({@code kafka.max.record.bytes}), so the push limit may be at most a quarter of it: 4 MiB against the
 * default 16 MiB. A larger push limit would take items with a 202 that a later stage could not write.
 */
public final class SizeBudget {

    /** Fixed room in a raw record for what is not payload, ids or headers: field tags, times, channel, Avro framing. */
    static final long FIXED_OVERHEAD_BYTES = 16 * 1024;

    private SizeBudget() {}

    /**
     * The largest raw record ingest can produce. Ids and headers are bounded at the door (ingest.max.id.bytes,
     * ingest.http.max.header.bytes), so what the transport map and ids add is bounded too.
     */
    static long maxRawRecordBytes(long maxItemBytes, int maxIdBytes, int maxHeaderBytes) {
        return maxItemBytes + 2L * maxIdBytes + maxHeaderBytes + FIXED_OVERHEAD_BYTES;
    }

    static long maxRawRecordBytes(Settings settings) {
        return maxRawRecordBytes(settings.get(IngestSettings.MAX_BODY_BYTES), settings.get(IngestSettings.MAX_ID_BYTES),
                settings.get(IngestSettings.HTTP_MAX_HEADER_BYTES));
    }

    /** Refuses settings under which an accepted item could become a record too large for a later stage. */
    static void check(Settings settings) {
        check(settings.get(IngestSettings.MAX_BODY_BYTES), (long) settings.get(KafkaSettings.MAX_RECORD_BYTES), maxRawRecordBytes(settings));
    }

    static void check(long maxItemBytes, long kafkaMaxRecordBytes, long maxRawRecordBytes) {
        if (maxItemBytes > kafkaMaxRecordBytes / 4) {
            throw new IllegalStateException(IngestSettings.MAX_BODY_BYTES.key() + "=" + maxItemBytes + " is more than a quarter of "
                    + KafkaSettings.MAX_RECORD_BYTES.key() + "=" + kafkaMaxRecordBytes + ": an accepted item could become an article too large"
                    + " for Kafka. Lower the first to at most " + kafkaMaxRecordBytes / 4 + " or raise the second");
        }
        if (maxRawRecordBytes > kafkaMaxRecordBytes) {
            throw new IllegalStateException("the largest raw record (" + maxRawRecordBytes + " bytes, with ids and headers) is over "
                    + KafkaSettings.MAX_RECORD_BYTES.key() + "=" + kafkaMaxRecordBytes + "; lower ingest.http.max.header.bytes or ingest.max.id.bytes");
        }
    }
}
