package io.wirestream.ingest.publish;

/** Kafka refused the record for its size (the topic's max.message.bytes is below the configured body limit). */
public final class ItemTooLargeException extends Exception {

    public ItemTooLargeException(String message, Throwable cause) {
        super(message, cause);
    }
}
