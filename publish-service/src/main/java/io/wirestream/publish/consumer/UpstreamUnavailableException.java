package io.wirestream.publish.consumer;

/**
 * Something the consumer needs besides its store is down: the schema registry (a record cannot be decoded yet) or
 * the broker (a rejection cannot be written). It says nothing about the record, so the consumer waits and reads
 * the same records again; it never skips them.
 */
public final class UpstreamUnavailableException extends RuntimeException {
    public UpstreamUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
