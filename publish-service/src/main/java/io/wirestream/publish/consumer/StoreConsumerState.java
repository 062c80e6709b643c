package io.wirestream.publish.consumer;

import java.time.Instant;

/**
 * What one store's consumer is doing, for health checks and operators.
 *
 * @param phase       STARTING (opening the store), RUNNING, RETRYING (store, schema registry or broker down:
 *                    consumption paused), STOPPED
 * @param rejected    records set aside to the rejected topic (corrupt, too large, refused by the store for good)
 * @param lastError   why the store last failed, or null
 * @param nextAttempt when a RETRYING consumer tries the store again
 */
public record StoreConsumerState(String store, Phase phase, long applied, long ignored, long killed, long held,
                                 long skipped, long rejected, long failures, String lastError, Instant lastBatchAt, Instant nextAttempt) {

    public enum Phase { STARTING, RUNNING, RETRYING, STOPPED }
}
