package io.wirestream.ingest.pull;

/** A feed document that is not well-formed RSS or Atom. */
public final class FeedFormatException extends Exception {

    public FeedFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
