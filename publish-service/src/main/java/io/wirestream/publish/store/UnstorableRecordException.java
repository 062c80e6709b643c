package io.wirestream.publish.store;

/**
 * The store refused a batch for a reason that will not go away by waiting (a value over a database limit, data the
 * database cannot represent), unlike {@link StoreUnavailableException}. Nothing of the batch was applied; the consumer
 * finds the record at fault by applying the batch one record at a time and sets that record aside.
 */
public class UnstorableRecordException extends RuntimeException {
    public UnstorableRecordException(String message, Throwable cause) {
        super(message, cause);
    }
}
