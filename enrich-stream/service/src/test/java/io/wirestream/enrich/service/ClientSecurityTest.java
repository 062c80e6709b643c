package io.wirestream.enrich.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.wirestream.runtime.config.KafkaSettings;
import io.wirestream.runtime.config.Settings;
import io.wirestream.runtime.http.ServiceHttpServer;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.types.Password;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.WriterAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.layout.PatternLayout;
import org.junit.jupiter.api.Test;

/**
 * TLS and SASL settings reach every kind of Kafka client the services build (producer, consumer, admin, and each
 * client inside Kafka Streams), and no secret shows up in logs, error messages or /metrics.
 */
class ClientSecurityTest {

    static final String SASL_SECRET = "s3cr3t-sasl-Zq81";
    static final String TRUST_SECRET = "s3cr3t-trust-Pw77";

    Settings secured(String protocol, Path truststore) {
        Map<String, String> v = new HashMap<>();
        v.put("kafka.bootstrap.servers", "broker-1.example:9093");
        v.put("kafka.security.protocol", protocol);
        v.put("kafka.sasl.mechanism", "SCRAM-SHA-512");
        v.put("kafka.sasl.username", "wirestream");
        v.put("kafka.sasl.password", SASL_SECRET);
        if (truststore != null) {
            v.put("kafka.ssl.truststore.location", truststore.toString());
            v.put("kafka.ssl.truststore.password", TRUST_SECRET);
        }
        return Settings.ofValues(v);
    }

    @Test
    void saslAndTlsSettingsReachEveryClientKind() throws Exception {
        Path truststore = Files.createTempFile("trust", ".p12");
        Map<String, Object> client = KafkaSettings.clientProperties(secured("SASL_SSL", truststore));

        assertThat(client).containsEntry("security.protocol", "SASL_SSL").containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                .containsEntry("ssl.truststore.location", truststore.toString());
        assertThat((String) client.get("sasl.jaas.config")).contains("ScramLoginModule").contains("username=\"wirestream\"");

        ProducerConfig producer = new ProducerConfig(withSerializers(client));
        ConsumerConfig consumer = new ConsumerConfig(withDeserializers(client));
        AdminClientConfig admin = new AdminClientConfig(client);
        for (var config : java.util.List.of(producer, consumer, admin)) {
            assertThat(config.getString("security.protocol")).isEqualTo("SASL_SSL");
            assertThat(config.getPassword("sasl.jaas.config").value()).contains(SASL_SECRET);
            assertThat(config.getPassword("ssl.truststore.password").value()).isEqualTo(TRUST_SECRET);
        }

        Properties streams = EnrichService.streamsConfig(secured("SASL_SSL", truststore)
                .with(Map.of("enrich.state.dir", Files.createTempDirectory("s").toString())));
        StreamsConfig sc = new StreamsConfig(streams);
        assertThat(sc.getString(StreamsConfig.PROCESSING_GUARANTEE_CONFIG)).isEqualTo(StreamsConfig.EXACTLY_ONCE_V2);
        Map<String, Object> mainConsumer = sc.getMainConsumerConfigs("wirestream-enrich", "c-1", 0);
        Map<String, Object> restoreConsumer = sc.getRestoreConsumerConfigs("c-2");
        Map<String, Object> streamsProducer = sc.getProducerConfigs("p-1");
        Map<String, Object> streamsAdmin = sc.getAdminConfigs("a-1");
        for (Map<String, Object> inner : java.util.List.of(mainConsumer, restoreConsumer, streamsProducer, streamsAdmin)) {
            assertThat(inner.get("security.protocol")).isEqualTo("SASL_SSL");
            assertThat(String.valueOf(inner.get("sasl.jaas.config") instanceof Password p ? p.value() : inner.get("sasl.jaas.config")))
                    .contains(SASL_SECRET);
            assertThat(inner.get("ssl.truststore.location")).isEqualTo(truststore.toString());
        }
    }

    @Test
    void registryCredentialsAndTlsStoresReachTheSerdesUnderConfluentNames() throws Exception {
        Path trustPasswordFile = Files.writeString(Files.createTempFile("registry-trust", ".pw"), TRUST_SECRET + "\n");
        Map<String, String> env = Map.of(
                "WIRE_REGISTRY_URL", "https://registry.example:8081",
                "WIRE_REGISTRY_BASIC_AUTH_USER_INFO", "wirestream:" + SASL_SECRET,
                "WIRE_REGISTRY_SSL_TRUSTSTORE_LOCATION", "/etc/wirestream/registry-ca.p12",
                "WIRE_REGISTRY_SSL_TRUSTSTORE_PASSWORD_FILE", trustPasswordFile.toString());
        Settings settings = Settings.of(Map.of(), env, Map.of());

        assertThat(KafkaSettings.serdeProperties(settings))
                .containsEntry("schema.registry.url", "https://registry.example:8081")
                .containsEntry("basic.auth.credentials.source", "USER_INFO")
                .containsEntry("basic.auth.user.info", "wirestream:" + SASL_SECRET)
                .containsEntry("schema.registry.ssl.truststore.location", "/etc/wirestream/registry-ca.p12")
                .containsEntry("schema.registry.ssl.truststore.password", TRUST_SECRET)
                .doesNotContainKey("schema.registry.ssl.keystore.location");
    }

    @Test
    void aSaslProtocolWithoutAMechanismIsAClearStartupError() {
        Settings s = Settings.ofValues(Map.of("kafka.security.protocol", "SASL_PLAINTEXT"));
        assertThatThrownBy(() -> KafkaSettings.clientProperties(s)).hasMessageContaining("kafka.sasl.mechanism");
    }

    @Test
    void anInvalidSecretIsReportedWithoutItsValue() {
        io.wirestream.runtime.config.Setting<Integer> secretNumber =
                new io.wirestream.runtime.config.Setting<>("x.pin", null, Integer::valueOf, "a secret number", true);
        Settings s = Settings.ofValues(Map.of("x.pin", "not-a-number-" + SASL_SECRET));
        assertThatThrownBy(() -> s.get(secretNumber)).hasMessageContaining("x.pin").hasMessageContaining("(secret)")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(SASL_SECRET));
    }

    @Test
    void secretsAppearNeitherInClientLogsNorInMetrics() {
        StringWriter logs = new StringWriter();
        LoggerContext ctx = (LoggerContext) LogManager.getContext(false);
        Configuration cfg = ctx.getConfiguration();
        WriterAppender appender = WriterAppender.newBuilder().setName("capture").setTarget(logs)
                .setLayout(PatternLayout.newBuilder().withPattern("%c %m%n").build()).build();
        appender.start();
        LoggerConfig root = cfg.getRootLogger();
        Level before = root.getLevel();
        root.addAppender(appender, Level.ALL, null);
        root.setLevel(Level.ALL);
        Map<LoggerConfig, Level> levels = new HashMap<>();
        cfg.getLoggers().values().forEach(l -> {
            levels.put(l, l.getLevel());
            l.setLevel(Level.ALL);
            l.addAppender(appender, Level.ALL, null);
        });
        ctx.updateLoggers();
        PrometheusMeterRegistry metrics = ServiceHttpServer.newMetrics("security-test");
        try {
            Map<String, Object> client = KafkaSettings.clientProperties(secured("SASL_PLAINTEXT", null));
            client.put("bootstrap.servers", "127.0.0.1:1"); // nothing listens: the client is built, never connected
            client.put("max.block.ms", 1);
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(client, new StringSerializer(), new StringSerializer());
                    KafkaClientMetrics binder = new KafkaClientMetrics(producer)) {
                binder.bindTo(metrics);
                String scrape = metrics.scrape();
                assertThat(scrape).contains("kafka_producer").doesNotContain(SASL_SECRET);
            }
        } finally {
            root.removeAppender("capture");
            cfg.getLoggers().values().forEach(l -> {
                l.removeAppender("capture");
                l.setLevel(levels.get(l));
            });
            root.setLevel(before);
            ctx.updateLoggers();
        }
        assertThat(logs.toString()).as("the client logged its configuration").contains("sasl.jaas.config");
        assertThat(logs.toString()).doesNotContain(SASL_SECRET);
    }

    static Map<String, Object> withSerializers(Map<String, Object> client) {
        Map<String, Object> m = new HashMap<>(client);
        m.put("key.serializer", StringSerializer.class);
        m.put("value.serializer", StringSerializer.class);
        return m;
    }

    static Map<String, Object> withDeserializers(Map<String, Object> client) {
        Map<String, Object> m = new HashMap<>(client);
        m.put("key.deserializer", org.apache.kafka.common.serialization.StringDeserializer.class);
        m.put("value.deserializer", org.apache.kafka.common.serialization.StringDeserializer.class);
        return m;
    }
}
