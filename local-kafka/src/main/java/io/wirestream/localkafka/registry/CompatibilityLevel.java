package io.wirestream.localkafka.registry;

import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaValidationException;
import org.apache.avro.SchemaValidator;
import org.apache.avro.SchemaValidatorBuilder;

/** Confluent's compatibility levels, each checked with Avro's own schema validator. */
public enum CompatibilityLevel {
    NONE, BACKWARD, BACKWARD_TRANSITIVE, FORWARD, FORWARD_TRANSITIVE, FULL, FULL_TRANSITIVE;

    /**
     * @param previousNewestFirst the subject's earlier schemas, newest first
     * @return null when compatible, else the validator's explanation
     */
    public String check(Schema candidate, List<Schema> previousNewestFirst) {
        if (this == NONE || previousNewestFirst.isEmpty()) {
            return null;
        }
        try {
            validator().validate(candidate, previousNewestFirst);
            return null;
        } catch (SchemaValidationException e) {
            return e.getMessage();
        }
    }

    private SchemaValidator validator() {
        SchemaValidatorBuilder b = new SchemaValidatorBuilder();
        b = switch (this) {
            case BACKWARD, BACKWARD_TRANSITIVE -> b.canReadStrategy();   // the new schema reads old data
            case FORWARD, FORWARD_TRANSITIVE -> b.canBeReadStrategy();   // old schemas read new data
            case FULL, FULL_TRANSITIVE -> b.mutualReadStrategy();
            case NONE -> throw new IllegalStateException("NONE needs no validator");
        };
        return name().endsWith("TRANSITIVE") ? b.validateAll() : b.validateLatest();
    }

    public static CompatibilityLevel parse(String s) {
        try {
            return valueOf(s.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("unknown compatibility level '" + s + "'; one of " + List.of(values()));
        }
    }
}
