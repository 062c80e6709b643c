package io.wirestream.contracts.registry;

import java.util.List;
import java.util.Optional;
import org.apache.avro.Schema;

/**
 * The subset of the Confluent Schema Registry REST API that Wirestream needs. Implementations speak it over HTTP, so
 * Confluent's registry, Karapace, Apicurio's ccompat API, Redpanda and our embedded registry are interchangeable.
 */
public interface SchemaRegistryClient extends AutoCloseable {

    /** Registers the schema under the subject (idempotent) and returns its global id. */
    int register(String subject, Schema schema);

    /** The id of this exact schema under the subject, if it was registered there. */
    Optional<RegisteredSchema> lookup(String subject, Schema schema);

    /** The schema with this global id. */
    Schema schemaById(int id);

    /** The latest version registered under the subject. */
    Optional<RegisteredSchema> latest(String subject);

    /** All versions registered under the subject, oldest first. */
    List<Integer> versions(String subject);

    /** Whether the schema could be registered under the subject without breaking its compatibility level. */
    boolean isCompatible(String subject, Schema schema);

    /** The compatibility level in force for the subject (falling back to the global level). */
    String compatibility(String subject);

    /** Sets the compatibility level of a subject, or the global level when subject is null. */
    void setCompatibility(String subject, String level);

    @Override
    default void close() {}
}
