package io.wirestream.contracts.registry;

import org.apache.avro.Schema;

/** One schema version under one subject, as the registry reports it. */
public record RegisteredSchema(String subject, int id, int version, Schema schema) {}
