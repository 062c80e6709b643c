package io.wirestream.ingest.publish;

import java.time.Duration;

/**
 * What became of one offered item, in HTTP terms because the push API reports it that way and the pull sources
 * only need to know "taken", "retry later" or "never".
 *
 * @param status 202 when Kafka holds the item; 413, 415, 422 when it will never be taken; 503 when it may be later
 * @param reasonCode a metrics-safe word for the outcome
 * @param message a sentence for the sender
 * @param receipt where the item sits, when taken
 * @param format the format recognised
 * @param retryAfter when to try again (503), else null
 */
public record IntakeResult(int status, String reasonCode, String message, Receipt receipt, String format, Duration retryAfter) {

    public static IntakeResult accepted(Receipt receipt, String format) {
        return new IntakeResult(202, "accepted", "accepted", receipt, format, null);
    }

    public static IntakeResult refused(int status, String reasonCode, String message) {
        return new IntakeResult(status, reasonCode, message, null, null, null);
    }

    public static IntakeResult retryLater(String message, Duration retryAfter) {
        return new IntakeResult(503, "kafka_unavailable", message, null, null, retryAfter);
    }

    public boolean isAccepted() {
        return status == 202;
    }

    /** True when sending the same item again later may succeed. */
    public boolean isTransient() {
        return status == 503;
    }
}
