package io.wirestream.contracts.serde;

import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.kafka.common.errors.SerializationException;

/**
 * How a serde names the registry subject a schema is registered and looked up under: Confluent's three strategies,
 * written here (Confluent's jars are not on Maven Central) and chosen in configuration by Confluent's class names, so
 * {@code value.subject.name.strategy=io.confluent.kafka.serializers.subject.RecordNameStrategy} means what it means
 * to Confluent's serializers. The simple class name ({@code RecordNameStrategy}) is accepted too.
 */
public enum SubjectNameStrategy {

    /** {@code <topic>-key} and {@code <topic>-value}: one subject per topic and side (the default). */
    TOPIC_NAME("TopicNameStrategy") {
        @Override
        public String subject(String topic, boolean isKey, Schema schema) {
            return topic + (isKey ? "-key" : "-value");
        }
    },

    /** The record's full name, whatever the topic: one subject per record type across all topics. */
    RECORD_NAME("RecordNameStrategy") {
        @Override
        public String subject(String topic, boolean isKey, Schema schema) {
            return recordName(this, isKey, schema);
        }
    },

    /** {@code <topic>-<record full name>}: one subject per record type per topic. */
    TOPIC_RECORD_NAME("TopicRecordNameStrategy") {
        @Override
        public String subject(String topic, boolean isKey, Schema schema) {
            return topic + "-" + recordName(this, isKey, schema);
        }
    };

    /** The package of Confluent's strategy classes, whose names configuration may give. */
    public static final String CONFLUENT_PACKAGE = "io.confluent.kafka.serializers.subject.";

    private final String simpleName;

    SubjectNameStrategy(String simpleName) {
        this.simpleName = simpleName;
    }

    /**
     * The subject for a record of this schema on this topic.
     *
     * @throws SerializationException when the strategy names subjects by record and the schema is not a record
     */
    public abstract String subject(String topic, boolean isKey, Schema schema);

    /** Confluent's class name for this strategy, the value configuration gives. */
    public String confluentClassName() {
        return CONFLUENT_PACKAGE + simpleName;
    }

    /**
     * The strategy a configured name means: Confluent's class name, or its simple name (any case).
     *
     * @throws IllegalArgumentException for any other name, listing the accepted ones
     */
    public static SubjectNameStrategy named(String name) {
        String trimmed = name == null ? "" : name.trim();
        for (SubjectNameStrategy s : values()) {
            if (trimmed.equals(s.confluentClassName()) || trimmed.equalsIgnoreCase(s.simpleName)) {
                return s;
            }
        }
        List<String> accepted = new ArrayList<>();
        for (SubjectNameStrategy s : values()) {
            accepted.add(s.confluentClassName());
        }
        throw new IllegalArgumentException("unknown subject name strategy; accepted: " + String.join(", ", accepted)
                + " (or their simple names)");
    }

    private static String recordName(SubjectNameStrategy strategy, boolean isKey, Schema schema) {
        if (schema == null || schema.getType() != Schema.Type.RECORD) {
            // as Confluent's strategies do: a subject named after a record needs a record
            throw new SerializationException("with " + (isKey ? SerdeConfig.KEY_SUBJECT_NAME_STRATEGY : SerdeConfig.VALUE_SUBJECT_NAME_STRATEGY)
                    + "=" + strategy.confluentClassName() + " the record " + (isKey ? "key" : "value") + " must have a record schema, not "
                    + (schema == null ? "none" : schema.getType().getName()));
        }
        return schema.getFullName();
    }
}
