package io.wirestream.localkafka.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wirestream.avro.Article;
import io.wirestream.avro.PubStatus;
import io.wirestream.contracts.registry.RestSchemaRegistryClient;
import io.wirestream.contracts.serde.WireAvroDeserializer;
import io.wirestream.contracts.serde.WireAvroSerializer;
import io.wirestream.contracts.serde.WireFormat;
import io.wirestream.localkafka.EmbeddedKafka;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The contracts' serdes in plain Kafka clients, configured as Confluent's are, on the real broker and the embedded
 * registry over HTTP: each subject name strategy registers and looks up the subject Confluent's would, and
 * use.latest.version writes with the subject's latest schema and reads generic records with it.
 */
class ConfluentClientSettingsIT {

    static final ObjectMapper JSON = new ObjectMapper();
    static EmbeddedKafka kafka;
    static EmbeddedSchemaRegistry registry;

    @BeforeAll
    static void start() {
        kafka = EmbeddedKafka.startTemporary();
        registry = EmbeddedSchemaRegistry.start(Map.of("bootstrap.servers", kafka.bootstrapServers()), "127.0.0.1", 0,
                CompatibilityLevel.BACKWARD_TRANSITIVE);
    }

    @AfterAll
    static void stop() {
        if (registry != null) {
            registry.close();
        }
        kafka.close();
    }

    static Article article(String uri) {
        return Article.newBuilder().setUri(uri).setVersion(1).setVersioncreated(Instant.parse("2026-03-04T10:00:00Z"))
                .setPubstatus(PubStatus.usable).setHeadline("Harbour ferry timetable changes for winter").setAgency("acme")
                .setReceivedAt(Instant.parse("2026-03-04T10:00:02Z")).build();
    }

    /** A client's configuration as a downstream user writes it: strings only, the serdes named by class. */
    static Properties client(String... keyValues) {
        Properties p = new Properties();
        p.setProperty("bootstrap.servers", kafka.bootstrapServers());
        p.setProperty("schema.registry.url", registry.url());
        p.setProperty("key.serializer", WireAvroSerializer.class.getName());
        p.setProperty("value.serializer", WireAvroSerializer.class.getName());
        p.setProperty("key.deserializer", WireAvroDeserializer.class.getName());
        p.setProperty("value.deserializer", WireAvroDeserializer.class.getName());
        p.setProperty("group.id", "settings-it-" + UUID.randomUUID());
        p.setProperty("auto.offset.reset", "earliest");
        for (int i = 0; i < keyValues.length; i += 2) {
            p.setProperty(keyValues[i], keyValues[i + 1]);
        }
        return p;
    }

    static String topic(String prefix) throws Exception {
        String topic = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        try (Admin admin = kafka.admin()) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
            // a produce right after creation can be lost (KAFKA-15591): wait until the partition has a leader answering
            TopicPartition tp = new TopicPartition(topic, 0);
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                try {
                    admin.listOffsets(Map.of(tp, OffsetSpec.latest())).all().get();
                    return true;
                } catch (ExecutionException e) {
                    return false;
                }
            });
        }
        return topic;
    }

    static void send(Properties producerSettings, String topic, String key, Object value) throws Exception {
        try (KafkaProducer<Object, Object> producer = new KafkaProducer<>(producerSettings)) {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        }
    }

    static <V> ConsumerRecord<Object, V> readOne(Properties consumerSettings, String topic) {
        try (KafkaConsumer<Object, V> consumer = new KafkaConsumer<>(consumerSettings)) {
            consumer.subscribe(List.of(topic));
            List<ConsumerRecord<Object, V>> read = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(read::add);
                return !read.isEmpty();
            });
            return read.get(0);
        }
    }

    static byte[] rawValue(String topic) {
        Properties p = client();
        p.setProperty("key.deserializer", ByteArrayDeserializer.class.getName());
        p.setProperty("value.deserializer", ByteArrayDeserializer.class.getName());
        return ConfluentClientSettingsIT.<byte[]>readOne(p, topic).value();
    }

    static List<String> subjects() throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(registry.url() + "/subjects")).build(),
                HttpResponse.BodyHandlers.ofString());
        List<String> out = new ArrayList<>();
        JSON.readTree(r.body()).forEach(n -> out.add(n.asText()));
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "TopicNameStrategy, '%s-value'",
            "RecordNameStrategy, 'io.wirestream.avro.Article'",
            "TopicRecordNameStrategy, '%s-io.wirestream.avro.Article'",
    })
    void eachStrategyRegistersAndLooksUpTheSubjectConfluentWould(String strategy, String subjectPattern) throws Exception {
        String strategyClass = "io.confluent.kafka.serializers.subject." + strategy;
        String topic = topic("strategy-" + strategy.toLowerCase());
        String subject = subjectPattern.formatted(topic);
        String uri = "urn:it:" + topic;

        send(client("value.subject.name.strategy", strategyClass), topic, uri, article(uri));

        assertThat(subjects()).contains(subject, topic + "-key");
        assertThat(subjects()).filteredOn(s -> s.startsWith(topic)).containsExactlyInAnyOrder(
                subject.startsWith(topic) ? new String[] {subject, topic + "-key"} : new String[] {topic + "-key"});
        int registered = new RestSchemaRegistryClient(registry.url()).lookup(subject, Article.getClassSchema()).orElseThrow().id();
        assertThat(WireFormat.schemaId(rawValue(topic))).isEqualTo(registered);

        // a producer that may not register finds the schema under the same subject
        send(client("value.subject.name.strategy", strategyClass, "auto.register.schemas", "false"), topic, uri, article(uri));

        // a consumer reading with the subject's latest schema looks it up under the same subject
        ConsumerRecord<Object, Object> read = readOne(client("value.subject.name.strategy", strategyClass,
                "use.latest.version", "true"), topic);
        assertThat(read.key()).isEqualTo(uri);
        assertThat(read.value()).isInstanceOf(GenericRecord.class);
        assertThat(((GenericRecord) read.value()).get("uri")).isEqualTo(uri);
    }

    /** Article as a later release might register it: one optional field more. */
    static Schema articleWithDesk() throws Exception {
        ObjectNode schema = (ObjectNode) JSON.readTree(Article.getClassSchema().toString());
        ObjectNode desk = JSON.createObjectNode().put("name", "desk").put("type", "string").put("default", "world");
        ((ArrayNode) schema.get("fields")).add(desk);
        return new Schema.Parser().parse(schema.toString());
    }

    @Test
    void useLatestVersionWritesWithTheSubjectsLatestSchemaAndReadsGenericRecordsWithIt() throws Exception {
        String topic = topic("latest");
        String uri = "urn:it:" + topic;
        RestSchemaRegistryClient admin = new RestSchemaRegistryClient(registry.url());
        admin.register(topic + "-key", Schema.create(Schema.Type.STRING)); // the key serializer takes the latest too
        int current = admin.register(topic + "-value", Article.getClassSchema());
        Schema later = articleWithDesk();
        int latest = admin.register(topic + "-value", later); // the registry holds it BACKWARD_TRANSITIVE compatible

        send(client("auto.register.schemas", "false", "use.latest.version", "true"), topic, uri, article(uri));
        assertThat(WireFormat.schemaId(rawValue(topic))).as("written with the latest schema").isEqualTo(latest).isNotEqualTo(current);

        ConsumerRecord<Object, Object> specific = readOne(client("specific.avro.reader", "true"), topic);
        assertThat(specific.value()).as("the generated class reads the later schema's record").isEqualTo(article(uri));

        GenericRecord generic = (GenericRecord) readOne(client(), topic).value();
        assertThat(generic.getSchema()).isEqualTo(later);
        assertThat(generic.get("desk")).hasToString("world");
        assertThat(generic.get("headline")).isEqualTo("Harbour ferry timetable changes for winter");
    }
}
