package io.wirestream.ingest.publish;

/** Kafka did not acknowledge the item within the bound; the caller must not report success. */
public final class KafkaUnavailableException extends Exception {

    public KafkaUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
