package io.wirestream.contracts.registry;

/**
 * A registry refusal or failure. Carries the HTTP status and the Confluent error code (e.g. 40401 subject not found,
 * 409 incompatible schema, 42201 invalid schema) so callers can tell "not there" from "not allowed" from "down".
 */
public class SchemaRegistryException extends RuntimeException {

    public static final int SUBJECT_NOT_FOUND = 40401;
    public static final int VERSION_NOT_FOUND = 40402;
    public static final int SCHEMA_NOT_FOUND = 40403;
    public static final int INCOMPATIBLE_SCHEMA = 409;
    public static final int INVALID_SCHEMA = 42201;
    public static final int INVALID_COMPATIBILITY_LEVEL = 42203;

    private final int httpStatus;
    private final int errorCode;

    public SchemaRegistryException(int httpStatus, int errorCode, String message) {
        super(message + " (HTTP " + httpStatus + ", error code " + errorCode + ")");
        this.httpStatus = httpStatus;
        this.errorCode = errorCode;
    }

    public SchemaRegistryException(String message, Throwable cause) {
        super(message, cause);
        this.httpStatus = -1;
        this.errorCode = -1;
    }

    public int httpStatus() {
        return httpStatus;
    }

    public int errorCode() {
        return errorCode;
    }

    public boolean isNotFound() {
        return httpStatus == 404;
    }

    /**
     * True when the registry could not answer (unreachable, timed out, 5xx, 408 or 429): the question may get an answer
     * later, so a reader must wait and ask again rather than treat the record as unreadable. A 4xx such as "schema not
     * found" is an answer, not an outage.
     */
    public boolean isOutage() {
        return httpStatus == -1 || httpStatus >= 500 || httpStatus == 408 || httpStatus == 429;
    }

    /** The registry outage somewhere in a cause chain (a serde wraps it in a SerializationException), or null. */
    public static SchemaRegistryException outageIn(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof SchemaRegistryException e && e.isOutage()) {
                return e;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }
}
