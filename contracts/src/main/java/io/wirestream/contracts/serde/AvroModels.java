package io.wirestream.contracts.serde;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Conversion;
import org.apache.avro.Conversions;
import org.apache.avro.Schema;
import org.apache.avro.data.TimeConversions;
import org.apache.avro.generic.GenericData;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificFixed;
import org.apache.avro.specific.SpecificRecord;

/**
 * The Avro models the serdes read and write with.
 *
 * <p>Generated classes are found here, not through Avro's lookup by name, so a producer or consumer JVM does not need
 * {@code -Dorg.apache.avro.SERIALIZABLE_PACKAGES}: since Avro 1.11.4 a class named by a schema is refused unless that
 * property (or a global validator) trusts its package. Only names in {@value #PACKAGE} that resolve to a generated
 * record, enum or fixed class of this jar are trusted here; any other name goes through Avro's own lookup and its
 * validator, unchanged.
 */
final class AvroModels {

    /** Where the Avro compiler puts the contracts' classes (the namespace of every schema in {@code src/main/avro}). */
    static final String PACKAGE = "io.wirestream.avro.";

    /** Generic data with logical types left as their Avro primitives (a timestamp-millis is a long), Confluent's default. */
    static final GenericData GENERIC = new GenericData();

    /** Generic data with logical types as Java types (Instant, LocalDate, BigDecimal, UUID, ...). */
    static final GenericData GENERIC_LOGICAL_TYPES = withLogicalTypes(new GenericData());

    private static final ClassLoader LOADER = AvroModels.class.getClassLoader();
    private static final Map<String, Optional<Class<?>>> GENERATED = new ConcurrentHashMap<>();
    private static final Map<Class<?>, SpecificData> SPECIFIC = new ConcurrentHashMap<>();

    private AvroModels() {}

    /**
     * The model for a generated class: its own logical-type conversions (as the Avro compiler set them up) and the
     * lookup of generated classes without the package allow-list.
     */
    static SpecificData forGenerated(Class<?> generated) {
        return SPECIFIC.computeIfAbsent(generated, ContractModel::new);
    }

    /** The generated class of this named schema, or null when it is not one of the contracts' schemas. */
    static Class<?> generated(Schema schema) {
        Schema.Type type = schema.getType();
        if (type != Schema.Type.RECORD && type != Schema.Type.ENUM && type != Schema.Type.FIXED) {
            return null;
        }
        String name = schema.getFullName();
        if (!name.startsWith(PACKAGE) || name.indexOf('.', PACKAGE.length()) >= 0) {
            return null;
        }
        return GENERATED.computeIfAbsent(name, AvroModels::load).orElse(null);
    }

    private static Optional<Class<?>> load(String name) {
        try {
            Class<?> c = Class.forName(name, false, LOADER);
            boolean generated = SpecificRecord.class.isAssignableFrom(c) || c.isEnum() || SpecificFixed.class.isAssignableFrom(c);
            return generated ? Optional.of(c) : Optional.empty();
        } catch (ClassNotFoundException e) {
            return Optional.empty();
        }
    }

    private static GenericData withLogicalTypes(GenericData data) {
        for (Conversion<?> c : new Conversion<?>[] {new TimeConversions.DateConversion(), new TimeConversions.TimeMillisConversion(),
                new TimeConversions.TimeMicrosConversion(), new TimeConversions.TimestampMillisConversion(),
                new TimeConversions.TimestampMicrosConversion(), new TimeConversions.LocalTimestampMillisConversion(),
                new TimeConversions.LocalTimestampMicrosConversion(), new Conversions.DecimalConversion(), new Conversions.UUIDConversion()}) {
            data.addLogicalTypeConversion(c);
        }
        return data;
    }

    /** SpecificData that resolves the contracts' generated classes itself. */
    private static final class ContractModel extends SpecificData {

        ContractModel(Class<?> generated) {
            super(LOADER);
            for (Conversion<?> conversion : SpecificData.getForClass(generated).getConversions()) {
                addLogicalTypeConversion(conversion);
            }
        }

        @Override
        @SuppressWarnings("rawtypes")
        public Class getClass(Schema schema) {
            Class<?> generated = generated(schema);
            return generated != null ? generated : super.getClass(schema);
        }
    }
}
