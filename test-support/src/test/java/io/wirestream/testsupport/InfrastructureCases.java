package io.wirestream.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import io.wirestream.runtime.kafka.TopicProvisioner;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** What every suite relies on, checked once per implementation: each part answers, and an outage keeps the data. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class InfrastructureCases {

    static final String TOPIC = "infrastructure-check";
    TestInfrastructure infrastructure;

    abstract TestInfrastructure startInfrastructure();

    @BeforeAll
    void start() throws Exception {
        infrastructure = startInfrastructure();
        try (Admin admin = infrastructure.admin()) {
            admin.createTopics(List.of(new NewTopic(TOPIC, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
            new TopicProvisioner(admin, Duration.ofSeconds(30)).awaitWritable(Set.of(TOPIC));
        }
    }

    @AfterAll
    void stop() {
        if (infrastructure != null) {
            infrastructure.close();
        }
    }

    @Test
    void aBrokerInterruptedAndResumedAnswersAgainAtItsAddressWithItsData() throws Exception {
        String address = infrastructure.bootstrapServers();
        produce("before");
        infrastructure.interruptKafka();
        try (Admin admin = infrastructure.admin()) {
            assertThatThrownBy(() -> admin.describeCluster(new DescribeClusterOptions().timeoutMs(2000)).nodes()
                    .get(10, TimeUnit.SECONDS)).as("an interrupted broker answers nothing").isNotNull();
        } finally {
            infrastructure.resumeKafka();
        }
        produce("after");
        assertThat(infrastructure.bootstrapServers()).isEqualTo(address);
        assertThat(readAll(2)).containsExactly("before", "after");
    }

    @Test
    void theRegistryRegistersAndResolvesASchemaById() throws Exception {
        String url = infrastructure.registryUrl();
        HttpClient http = HttpClient.newHttpClient();
        String schema = "{\"schema\":\"{\\\"type\\\":\\\"record\\\",\\\"name\\\":\\\"Check\\\",\\\"fields\\\":[{\\\"name\\\":\\\"a\\\",\\\"type\\\":\\\"string\\\"}]}\"}";
        HttpResponse<String> registered = http.send(HttpRequest.newBuilder(URI.create(url + "/subjects/infrastructure-check-value/versions"))
                .header("Content-Type", "application/vnd.schemaregistry.v1+json")
                .POST(HttpRequest.BodyPublishers.ofString(schema)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(200);
        String id = registered.body().replaceAll("\\D", "");
        HttpResponse<String> byId = http.send(HttpRequest.newBuilder(URI.create(url + "/schemas/ids/" + id)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(byId.statusCode()).as(byId.body()).isEqualTo(200);
        assertThat(byId.body()).contains("Check");
    }

    @Test
    void postgresTakesASchemaOfItsOwn() throws Exception {
        String schema = "infra_check_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = infrastructure.postgres().connect(); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
            try {
                s.execute("CREATE TABLE " + schema + ".t (n int)");
                s.execute("INSERT INTO " + schema + ".t VALUES (41), (1)");
                try (ResultSet rs = s.executeQuery("SELECT sum(n) FROM " + schema + ".t")) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getInt(1)).isEqualTo(42);
                }
            } finally {
                s.execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }

    void produce(String value) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of("bootstrap.servers", infrastructure.bootstrapServers(),
                "acks", "all"), new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(TOPIC, value)).get(60, TimeUnit.SECONDS);
        }
    }

    List<String> readAll(int expected) {
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", infrastructure.bootstrapServers()),
                new StringDeserializer(), new StringDeserializer())) {
            TopicPartition partition = new TopicPartition(TOPIC, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (values.size() < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    values.add(r.value());
                }
            }
        }
        return values;
    }
}
