package io.wirestream.contracts.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.wirestream.avro.Article;
import io.wirestream.avro.PubStatus;
import io.wirestream.contracts.registry.InMemorySchemaRegistryClient;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.util.ClassSecurityValidator;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The serdes as a Kafka user configures Confluent's: built by class name, configured only through
 * {@code configure(Map, isKey)} with Confluent's keys and meanings (subject name strategies, specific or generic
 * reading, use.latest.version, basic auth), and refusing bad settings with Kafka's ConfigException.
 */
class ConfluentSettingsTest {

    static final String TOPIC = "wire.articles";
    final InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();

    static Article article(String uri) {
        return Article.newBuilder().setUri(uri).setVersion(2).setVersioncreated(Instant.parse("2026-03-02T08:00:00Z"))
                .setPubstatus(PubStatus.usable).setHeadline("Ferry service resumes after storm").setAgency("acme")
                .setReceivedAt(Instant.parse("2026-03-02T08:00:05Z")).build();
    }

    /** Settings as a user writes them: every value a string; the registry handed over as an instance. */
    Map<String, Object> settings(String... keyValues) {
        Map<String, Object> m = new HashMap<>();
        m.put(SerdeConfig.REGISTRY_CLIENT_INSTANCE, registry);
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put(keyValues[i], keyValues[i + 1]);
        }
        return m;
    }

    static <T> Serializer<T> serializer(Map<String, ?> settings, boolean isKey) {
        Serializer<T> s = new WireAvroSerializer<>();
        s.configure(settings, isKey);
        return s;
    }

    static Deserializer<Object> deserializer(Map<String, ?> settings, boolean isKey) {
        Deserializer<Object> d = new WireAvroDeserializer<>();
        d.configure(settings, isKey);
        return d;
    }

    // --- built by Kafka from names ----------------------------------------------------------------------------------

    Properties clientProperties() {
        Properties p = new Properties();
        p.setProperty("bootstrap.servers", "127.0.0.1:9");
        p.setProperty("group.id", "settings-test");
        p.setProperty("schema.registry.url", "http://127.0.0.1:9");
        p.setProperty("key.deserializer", WireAvroDeserializer.class.getName());
        p.setProperty("value.deserializer", WireAvroDeserializer.class.getName());
        p.setProperty("key.serializer", WireAvroSerializer.class.getName());
        p.setProperty("value.serializer", WireAvroSerializer.class.getName());
        return p;
    }

    @Test
    void kafkaBuildsBothByClassNameAndConfiguresThemFromStringProperties() {
        Properties p = clientProperties();
        p.setProperty("specific.avro.reader", "true");
        p.setProperty("value.subject.name.strategy", "io.confluent.kafka.serializers.subject.TopicRecordNameStrategy");
        try (KafkaConsumer<Object, Object> consumer = new KafkaConsumer<>(p);
             KafkaProducer<Object, Object> producer = new KafkaProducer<>(p)) {
            assertThat(consumer.subscription()).isEmpty();
            assertThat(producer.metrics()).isNotEmpty();
        }
    }

    @Test
    void aBadSettingStopsTheClientWithAConfigExceptionNamingIt() {
        Properties p = clientProperties();
        p.setProperty("value.subject.name.strategy", "com.example.MySubjectStrategy");
        assertThatThrownBy(() -> new KafkaConsumer<>(p).close())
                .rootCause().isInstanceOf(ConfigException.class)
                .hasMessageContaining("value.subject.name.strategy")
                .hasMessageContaining("com.example.MySubjectStrategy")
                .hasMessageContaining("io.confluent.kafka.serializers.subject.RecordNameStrategy");
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
            "schema.registry.url|''|schema.registry.url",
            "schema.registry.url|registry:8081|not an http or https URL",
            "schema.registry.url|ftp://registry:8081|not an http or https URL",
            "specific.avro.reader|yes|specific.avro.reader",
            "auto.register.schemas|maybe|auto.register.schemas",
            "use.latest.version|1|use.latest.version",
            "key.subject.name.strategy|TopicNamingStrategy|key.subject.name.strategy",
            "basic.auth.credentials.source|TOKEN|basic.auth.credentials.source",
            "basic.auth.credentials.source|SASL_INHERIT|USER_INFO",
            "basic.auth.credentials.source|USER_INFO|basic.auth.user.info must be set",
            "basic.auth.user.info|just-a-user|user:password",
            "wirestream.registry.outage.wait.ms|-5|wirestream.registry.outage.wait.ms",
    })
    void aBadValueIsAConfigExceptionNamingTheSetting(String key, String value, String expected) {
        Map<String, Object> m = new HashMap<>(Map.of("schema.registry.url", "http://127.0.0.1:9"));
        m.put(key, value);
        assertThatThrownBy(() -> serializer(m, false)).isInstanceOf(ConfigException.class).hasMessageContaining(expected);
        assertThatThrownBy(() -> deserializer(m, false)).isInstanceOf(ConfigException.class).hasMessageContaining(expected);
    }

    @Test
    void aMissingRegistryUrlIsAConfigException() {
        assertThatThrownBy(() -> deserializer(Map.of("specific.avro.reader", "true"), false))
                .isInstanceOf(ConfigException.class).hasMessageContaining("schema.registry.url");
    }

    @Test
    void aPasswordInAnUnusableUrlStaysOutOfTheMessage() {
        assertThatThrownBy(() -> deserializer(Map.of("schema.registry.url", "ftp://reader:s3cret-pw@registry:8081"), false))
                .isInstanceOf(ConfigException.class).hasMessageNotContaining("s3cret-pw");
    }

    // --- subjects -----------------------------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "io.confluent.kafka.serializers.subject.TopicNameStrategy, wire.articles-value",
            "io.confluent.kafka.serializers.subject.RecordNameStrategy, io.wirestream.avro.Article",
            "io.confluent.kafka.serializers.subject.TopicRecordNameStrategy, wire.articles-io.wirestream.avro.Article",
            "RecordNameStrategy, io.wirestream.avro.Article",
    })
    void theValueSchemaIsRegisteredUnderTheSubjectConfluentWouldUse(String strategy, String subject) {
        byte[] bytes = serializer(settings("value.subject.name.strategy", strategy), false).serialize(TOPIC, article("urn:s:1"));

        assertThat(registry.latest(subject)).hasValueSatisfying(r -> {
            assertThat(r.schema()).isEqualTo(Article.getClassSchema());
            assertThat(r.id()).isEqualTo(WireFormat.schemaId(bytes));
        });
        for (String other : List.of("wire.articles-value", "io.wirestream.avro.Article", "wire.articles-io.wirestream.avro.Article")) {
            if (!other.equals(subject)) {
                assertThat(registry.latest(other)).as(other).isEmpty();
            }
        }
    }

    @Test
    void keysAndValuesHaveStrategiesOfTheirOwn() {
        Map<String, Object> s = settings("value.subject.name.strategy", "io.confluent.kafka.serializers.subject.RecordNameStrategy");
        serializer(s, true).serialize(TOPIC, "urn:s:2");
        assertThat(registry.latest("wire.articles-key")).as("the key strategy is still TopicNameStrategy").isPresent();

        Map<String, Object> byRecord = settings("key.subject.name.strategy", "io.confluent.kafka.serializers.subject.RecordNameStrategy");
        assertThatThrownBy(() -> serializer(byRecord, true).serialize(TOPIC, "urn:s:2"))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("key.subject.name.strategy").hasMessageContaining("record schema");
    }

    @Test
    void withoutAutoRegistrationTheSchemaIsLookedUpUnderTheStrategysSubject() {
        Map<String, Object> s = settings("auto.register.schemas", "false",
                "value.subject.name.strategy", "io.confluent.kafka.serializers.subject.TopicRecordNameStrategy");
        assertThatThrownBy(() -> serializer(s, false).serialize(TOPIC, article("urn:s:3")))
                .isInstanceOf(SerializationException.class).hasMessageContaining("wire.articles-io.wirestream.avro.Article");

        int id = registry.register("wire.articles-io.wirestream.avro.Article", Article.getClassSchema());
        assertThat(WireFormat.schemaId(serializer(s, false).serialize(TOPIC, article("urn:s:3")))).isEqualTo(id);
    }

    // --- specific and generic reading ---------------------------------------------------------------------------------

    @Test
    void specificAvroReaderGivesTheGeneratedClassesAndKeysAsStrings() {
        Map<String, Object> s = settings("specific.avro.reader", "true");
        byte[] key = serializer(s, true).serialize(TOPIC, "urn:r:1");
        byte[] value = serializer(s, false).serialize(TOPIC, article("urn:r:1"));

        assertThat(deserializer(s, true).deserialize(TOPIC, key)).isEqualTo("urn:r:1");
        assertThat(deserializer(s, false).deserialize(TOPIC, value)).isInstanceOf(Article.class).isEqualTo(article("urn:r:1"));
        assertThat(deserializer(s, false).deserialize(TOPIC, null)).as("a tombstone").isNull();
    }

    @Test
    void withoutItRecordsAreGenericWithLogicalTypesAsAvroPrimitivesUnlessConvertersAreAsked() {
        byte[] value = new WireAvroSerializer<Article>(registry, true, false).serialize(TOPIC, article("urn:r:2"));

        Object plain = deserializer(settings(), false).deserialize(TOPIC, value);
        assertThat(plain).isInstanceOf(GenericRecord.class).isNotInstanceOf(Article.class);
        GenericRecord record = (GenericRecord) plain;
        assertThat(record.getSchema()).isEqualTo(Article.getClassSchema());
        assertThat(record.get("uri")).isEqualTo("urn:r:2");
        assertThat(record.get("headline")).isEqualTo("Ferry service resumes after storm");
        assertThat(record.get("pubstatus").toString()).isEqualTo("usable");
        assertThat(record.get("versioncreated")).isEqualTo(Instant.parse("2026-03-02T08:00:00Z").toEpochMilli());

        GenericRecord converted = (GenericRecord) deserializer(settings("avro.use.logical.type.converters", "true"), false)
                .deserialize(TOPIC, value);
        assertThat(converted.get("versioncreated")).isEqualTo(Instant.parse("2026-03-02T08:00:00Z"));
    }

    @Test
    void aRecordTheContractsDoNotGenerateIsRefusedToTheSpecificReaderWithAHint() {
        Schema other = new Schema.Parser().parse("{\"type\":\"record\",\"name\":\"Other\",\"namespace\":\"com.example\","
                + "\"fields\":[{\"name\":\"x\",\"type\":\"int\"}]}");
        GenericData.Record r = new GenericData.Record(other);
        r.put("x", 7);
        byte[] bytes = serializer(settings(), false).serialize("other", r);

        assertThat(((GenericRecord) deserializer(settings(), false).deserialize("other", bytes)).get("x")).isEqualTo(7);
        assertThatThrownBy(() -> deserializer(settings("specific.avro.reader", "true"), false).deserialize("other", bytes))
                .isInstanceOf(SerializationException.class).hasMessageContaining("com.example.Other")
                .hasMessageContaining("specific.avro.reader=false");
    }

    @Test
    void generatedClassesReadAndWriteWithoutAvrosPackageAllowList() {
        ClassSecurityValidator.ClassSecurityPredicate before = ClassSecurityValidator.getGlobal();
        // what a consumer JVM has without -Dorg.apache.avro.SERIALIZABLE_PACKAGES: only java.* and Avro's own trusted
        ClassSecurityValidator.setGlobal(ClassSecurityValidator.DEFAULT_TRUSTED_CLASSES);
        try {
            assertThatThrownBy(() -> new SpecificData().getClass(Article.getClassSchema()))
                    .as("Avro's own lookup refuses the class").isInstanceOf(SecurityException.class);

            Map<String, Object> s = settings("specific.avro.reader", "true");
            String uri = "urn:trust:" + UUID.randomUUID();
            byte[] bytes = serializer(s, false).serialize(TOPIC, article(uri));
            assertThat(deserializer(s, false).deserialize(TOPIC, bytes)).isEqualTo(article(uri));
            assertThat(new WireAvroDeserializer<>(Article.class, registry).deserialize(TOPIC, bytes)).isEqualTo(article(uri));
        } finally {
            ClassSecurityValidator.setGlobal(before);
        }
    }

    // --- use.latest.version -------------------------------------------------------------------------------------------

    static Schema story(String extraField) {
        return new Schema.Parser().parse("{\"type\":\"record\",\"name\":\"Story\",\"namespace\":\"test.latest\",\"fields\":["
                + "{\"name\":\"headline\",\"type\":\"string\"}" + extraField + "]}");
    }

    static final Schema V1 = story("");
    static final Schema V2 = story(",{\"name\":\"desk\",\"type\":\"string\",\"default\":\"world\"}");
    static final Schema V3_NEEDS_URGENCY = story(",{\"name\":\"urgency\",\"type\":\"int\"}");

    static GenericRecord v1(String headline) {
        GenericData.Record r = new GenericData.Record(V1);
        r.put("headline", headline);
        return r;
    }

    static GenericRecord decode(byte[] bytes, Schema writer) throws Exception {
        return new GenericDatumReader<GenericRecord>(writer).read(null,
                DecoderFactory.get().binaryDecoder(bytes, 5, bytes.length - 5, null));
    }

    @Test
    void theSerializerWritesWithTheSubjectsLatestSchema() throws Exception {
        registry.register("stories-value", V1);
        int latest = registry.register("stories-value", V2);
        Map<String, Object> s = settings("auto.register.schemas", "false", "use.latest.version", "true");

        byte[] bytes = serializer(s, false).serialize("stories", v1("Dam holds after record rain"));

        assertThat(WireFormat.schemaId(bytes)).isEqualTo(latest);
        GenericRecord read = decode(bytes, V2);
        assertThat(read.get("headline").toString()).isEqualTo("Dam holds after record rain");
        assertThat(read.get("desk").toString()).as("the latest schema's default").isEqualTo("world");
    }

    @Test
    void aLatestSchemaThatCannotReadTheRecordIsRefusedUnlessNotStrict() throws Exception {
        registry.register("strict-value", V1);
        registry.register("strict-value", V3_NEEDS_URGENCY);
        assertThatThrownBy(() -> serializer(settings("auto.register.schemas", "false", "use.latest.version", "true"), false)
                .serialize("strict", v1("x")))
                .isInstanceOf(SerializationException.class).hasMessageContaining("latest.compatibility.strict");

        // not strict: an enum whose latest version lost a symbol still writes the records that use the remaining ones
        Schema twoSymbols = new Schema.Parser().parse("{\"type\":\"record\",\"name\":\"Flag\",\"namespace\":\"test.latest\",\"fields\":["
                + "{\"name\":\"level\",\"type\":{\"type\":\"enum\",\"name\":\"Level\",\"symbols\":[\"FLASH\",\"ROUTINE\"]}}]}");
        Schema oneSymbol = new Schema.Parser().parse(twoSymbols.toString().replace(",\"ROUTINE\"", ""));
        int latest = registry.register("flags-value", oneSymbol);
        GenericData.Record flag = new GenericData.Record(twoSymbols);
        flag.put("level", new GenericData.EnumSymbol(twoSymbols.getField("level").schema(), "FLASH"));

        assertThatThrownBy(() -> serializer(settings("auto.register.schemas", "false", "use.latest.version", "true"), false)
                .serialize("flags", flag)).isInstanceOf(SerializationException.class).hasMessageContaining("latest.compatibility.strict");
        byte[] bytes = serializer(settings("auto.register.schemas", "false", "use.latest.version", "true",
                "latest.compatibility.strict", "false"), false).serialize("flags", flag);
        assertThat(WireFormat.schemaId(bytes)).isEqualTo(latest);
        assertThat(decode(bytes, oneSymbol).get("level").toString()).isEqualTo("FLASH");
    }

    @Test
    void autoRegistrationComesFirstAsInConfluentsSerializer() {
        registry.register("first-value", V2);
        byte[] bytes = serializer(settings("use.latest.version", "true"), false).serialize("first", v1("x"));
        assertThat(registry.schemaById(WireFormat.schemaId(bytes))).isEqualTo(V1);
    }

    @Test
    void theDeserializerReadsGenericRecordsWithTheLatestSchemaOfTheStrategysSubject() {
        int v1 = registry.register("test.latest.Story", V1);
        byte[] old = serializer(settings("value.subject.name.strategy", "RecordNameStrategy"), false).serialize("stories", v1("Bridge reopens"));
        assertThat(WireFormat.schemaId(old)).isEqualTo(v1);
        registry.register("test.latest.Story", V2);

        GenericRecord asWritten = (GenericRecord) deserializer(settings(), false).deserialize("stories", old);
        assertThat(asWritten.getSchema()).isEqualTo(V1);

        GenericRecord asLatest = (GenericRecord) deserializer(settings("use.latest.version", "true",
                "value.subject.name.strategy", "io.confluent.kafka.serializers.subject.RecordNameStrategy"), false).deserialize("stories", old);
        assertThat(asLatest.getSchema()).isEqualTo(V2);
        assertThat(asLatest.get("headline")).hasToString("Bridge reopens");
        assertThat(asLatest.get("desk")).hasToString("world");

        assertThatThrownBy(() -> deserializer(settings("use.latest.version", "true"), false).deserialize("stories", old))
                .as("under TopicNameStrategy the subject is stories-value, which has no schema")
                .isInstanceOf(SerializationException.class).hasMessageContaining("stories-value");
    }

    // --- the registry client: URL lists and basic auth ----------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "user info|USER_INFO|reader:pw-1||reader:pw-1",
            "user info, no source given||reader:pw-2||reader:pw-2",
            "URL|URL||url-reader:pw-3|url-reader:pw-3",
            "URL, user info ignored|URL|reader:pw-4||",
            "nothing|||| ",
    })
    void theRegistryGetsBasicAuthAsConfluentReadsIt(String name, String source, String userInfo, String inUrl, String expected) throws Exception {
        List<String> authorizations = new ArrayList<>();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/schemas/ids/3", exchange -> {
            authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            byte[] body = "{\"schema\":\"\\\"string\\\"\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        try {
            String credentials = inUrl == null ? "" : inUrl + "@";
            Map<String, Object> m = new HashMap<>();
            // two URLs: the first refuses connections, the second answers
            m.put("schema.registry.url", "http://" + credentials + "127.0.0.1:" + closedPort + ", http://" + credentials
                    + "127.0.0.1:" + server.getAddress().getPort() + "/");
            if (source != null) {
                m.put("basic.auth.credentials.source", source);
            }
            if (userInfo != null) {
                m.put("basic.auth.user.info", userInfo);
            }
            byte[] record = {0, 0, 0, 0, 3, 4, 'u', 'r'};
            assertThat(deserializer(m, true).deserialize(TOPIC, record)).isEqualTo("ur");
            String want = expected == null || expected.isBlank() ? "null"
                    : "Basic " + Base64.getEncoder().encodeToString(expected.getBytes(StandardCharsets.UTF_8));
            assertThat(authorizations).containsExactly(want);
        } finally {
            server.stop(0);
        }
    }
}
