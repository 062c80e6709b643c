package io.wirestream.enrich.normalise;

/** A refusal with a stage (detect, parse, normalise) and a short machine-readable reason code. */
public class NormalisationException extends Exception {

    private final String stage;
    private final String reason;

    public NormalisationException(String stage, String reason, String detail) {
        super(detail);
        this.stage = stage;
        this.reason = reason;
    }

    public NormalisationException(String stage, String reason, String detail, Throwable cause) {
        super(detail, cause);
        this.stage = stage;
        this.reason = reason;
    }

    public String stage() {
        return stage;
    }

    public String reason() {
        return reason;
    }
}
