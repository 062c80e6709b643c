package io.wirestream.publish.store;

/**
 * A store could not do what was asked (unreachable, failed transaction). Nothing of the failed call was applied;
 * the caller retries later from the store's own offsets.
 */
public class StoreUnavailableException extends RuntimeException {
    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    public StoreUnavailableException(String message) {
        super(message);
    }
}
