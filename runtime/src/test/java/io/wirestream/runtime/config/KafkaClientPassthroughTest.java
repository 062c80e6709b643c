package io.wirestream.runtime.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.SaslConfigs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** kafka.client.*: Kafka's own names, checked with Kafka's own parsers, from the file or the environment. */
class KafkaClientPassthroughTest {

    static final DeclaredSettings DECLARED = DeclaredSettings.of(KafkaSettings.ALL).withPassthrough(KafkaClientPassthrough.CLIENTS);

    @TempDir
    Path dir;

    static InvalidSettingsException rejection(Settings settings) {
        try {
            DECLARED.validate(settings);
        } catch (InvalidSettingsException e) {
            return e;
        }
        throw new AssertionError("the settings were accepted");
    }

    @Test
    void theNamesAreEveryPropertyOfTheThreeClientKinds() {
        assertThat(KafkaClientPassthrough.CLIENTS.names()).contains(ProducerConfig.LINGER_MS_CONFIG, ConsumerConfig.CLIENT_RACK_CONFIG,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, SaslConfigs.SASL_CLIENT_CALLBACK_HANDLER_CLASS, SaslConfigs.SASL_JAAS_CONFIG,
                CommonClientConfigs.CLIENT_DNS_LOOKUP_CONFIG, "ssl.endpoint.identification.algorithm", "sasl.oauthbearer.token.endpoint.url");
        assertThat(KafkaClientPassthrough.CLIENTS.names()).doesNotContain("num.stream.threads");
    }

    @Test
    void everyNameHasItsOwnVariableAndTheVariableLeadsBackToIt() {
        Passthrough p = KafkaClientPassthrough.CLIENTS;
        for (String name : p.names()) {
            assertThat(p.nameOfVariable(p.envVar(name))).as(name).contains(name);
            if (p.secret(name)) {
                assertThat(p.secretFileOf(p.envVar(name) + "_FILE")).as(name + " from a file").contains(name);
            }
        }
        // a Kafka name that ends in .file is itself, not the file form of another name
        assertThat(p.nameOfVariable("WIRE_KAFKA_CLIENT_SASL_OAUTHBEARER_ASSERTION_FILE")).contains("sasl.oauthbearer.assertion.file");
        assertThat(p.secretFileOf("WIRE_KAFKA_CLIENT_SASL_OAUTHBEARER_ASSERTION_FILE")).isEmpty();
    }

    @Test
    void anOauthbearerLoginIsSetWithoutACodeChangeFromFileAndEnvironment() throws Exception {
        Path jaas = Files.writeString(dir.resolve("jaas"),
                "org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginModule required clientId=\"wire\" clientSecret=\"s3cret\";\n");
        Path props = Files.writeString(dir.resolve("service.properties"), String.join("\n",
                "kafka.security.protocol=SASL_SSL",
                "kafka.sasl.mechanism=OAUTHBEARER",
                "kafka.client.sasl.login.callback.handler.class=org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginCallbackHandler",
                "kafka.client.ssl.endpoint.identification.algorithm="));
        Map<String, String> env = Map.of(
                "WIRE_KAFKA_CLIENT_SASL_OAUTHBEARER_TOKEN_ENDPOINT_URL", "https://login.example/oauth2/token",
                "WIRE_KAFKA_CLIENT_SASL_JAAS_CONFIG_FILE", jaas.toString(),
                "WIRE_KAFKA_CLIENT_CLIENT_DNS_LOOKUP", "use_all_dns_ips");
        Settings settings = Settings.load(props, env);
        assertThatCode(() -> DECLARED.validate(settings)).doesNotThrowAnyException();
        assertThat(settings.passthrough(KafkaClientPassthrough.CLIENTS))
                .containsEntry("sasl.oauthbearer.token.endpoint.url", "https://login.example/oauth2/token")
                .containsEntry("client.dns.lookup", "use_all_dns_ips")
                .containsEntry("ssl.endpoint.identification.algorithm", "")
                .hasEntrySatisfying("sasl.jaas.config", v -> assertThat(v).startsWith("org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginModule"));
        // the login comes from the passthrough, so none is built from a user name and password
        assertThat(KafkaSettings.clientProperties(settings)).containsEntry("sasl.mechanism", "OAUTHBEARER").doesNotContainKey("sasl.jaas.config");
    }

    @Test
    void aMechanismWirestreamCannotLogInWithNeedsItsJaasConfig() {
        Settings settings = Settings.ofValues(Map.of("kafka.security.protocol", "SASL_SSL", "kafka.sasl.mechanism", "AWS_MSK_IAM"));
        assertThatThrownBy(() -> KafkaSettings.clientProperties(settings))
                .hasMessage("kafka.sasl.mechanism=AWS_MSK_IAM needs its login in kafka.client.sasl.jaas.config: "
                        + "Wirestream builds one from kafka.sasl.username and kafka.sasl.password for PLAIN and SCRAM only");
    }

    @Test
    void aJaasConfigAndAUserNameAreTwoLoginsAndAreRefusedTogether() {
        InvalidSettingsException e = rejection(Settings.ofValues(Map.of("kafka.client.sasl.jaas.config", "x required;",
                "kafka.sasl.username", "wire")));
        assertThat(e.problems()).singleElement().asString()
                .startsWith("kafka.client.sasl.jaas.config and kafka.sasl.username (WIRE_KAFKA_SASL_USERNAME) are both given");
    }

    @Test
    void propertiesWirestreamOwnsAreRefusedWithTheReasonOrTheWireSettingThatSetsThem() {
        Map<String, String> values = new HashMap<>();
        List.of("acks", "enable.idempotence", "transactional.id", "isolation.level", "enable.auto.commit", "group.id",
                "key.serializer", "value.deserializer", "auto.offset.reset").forEach(n -> values.put("kafka.client." + n, "x"));
        values.put("kafka.client.bootstrap.servers", "elsewhere:9092");
        values.put("kafka.client.max.request.size", "1");
        InvalidSettingsException e = rejection(Settings.ofValues(values));
        assertThat(e.problems()).hasSize(11).allSatisfy(p -> assertThat(p).contains("is refused: "));
        assertThat(e.problems()).contains(
                "set in code or on the command line: 'kafka.client.bootstrap.servers' is refused: it is set by kafka.bootstrap.servers (WIRE_KAFKA_BOOTSTRAP_SERVERS)",
                "set in code or on the command line: 'kafka.client.max.request.size' is refused: it is set by kafka.max.record.bytes (WIRE_KAFKA_MAX_RECORD_BYTES)",
                "set in code or on the command line: 'kafka.client.acks' is refused: Wirestream sets acks=all on every producer, "
                        + "so what Kafka acknowledged survives the loss of a broker");
        InvalidSettingsException env = rejection(Settings.of(Map.of(), Map.of("WIRE_KAFKA_CLIENT_ISOLATION_LEVEL", "read_uncommitted"), Map.of()));
        assertThat(env.problems()).singleElement().asString()
                .startsWith("environment: WIRE_KAFKA_CLIENT_ISOLATION_LEVEL (kafka.client.isolation.level) is refused: Wirestream reads committed records only");
    }

    @Test
    void anUnknownNameGetsTheNearestKafkaName() {
        InvalidSettingsException e = rejection(Settings.of(Map.of("kafka.client.clinet.rack", "eu-1a"),
                Map.of("WIRE_KAFKA_CLIENT_CLIENT_DNS_LOOKUPS", "use_all_dns_ips"), Map.of()));
        assertThat(e.problems()).containsExactly(
                "properties file: unknown Kafka client property 'clinet.rack' in 'kafka.client.clinet.rack'; did you mean 'kafka.client.client.rack'?",
                "environment: unknown Kafka client property in WIRE_KAFKA_CLIENT_CLIENT_DNS_LOOKUPS (no Kafka client property has this variable); "
                        + "did you mean WIRE_KAFKA_CLIENT_CLIENT_DNS_LOOKUP (kafka.client.client.dns.lookup)?");
    }

    @Test
    void valuesAreCheckedByKafkaItselfBeforeAnythingStarts() {
        InvalidSettingsException e = rejection(Settings.ofValues(Map.of("kafka.client.linger.ms", "soon",
                "kafka.client.client.dns.lookup", "every_ip", "kafka.client.sasl.login.callback.handler.class", "com.example.NoSuchHandler")));
        assertThat(e.problems()).hasSize(3);
        assertThat(e.problems().get(0)).startsWith("setting kafka.client.client.dns.lookup (WIRE_KAFKA_CLIENT_CLIENT_DNS_LOOKUP) = 'every_ip' is invalid");
        assertThat(e.problems().get(1)).startsWith("setting kafka.client.linger.ms (WIRE_KAFKA_CLIENT_LINGER_MS) = 'soon' is invalid");
        assertThat(e.problems().get(2)).contains("com.example.NoSuchHandler");
    }

    @Test
    void configProvidersAreConfiguredFromTheFileOnly() {
        assertThatCode(() -> DECLARED.validate(Settings.ofValues(Map.of("kafka.client.config.providers", "file",
                "kafka.client.config.providers.file.class", "org.apache.kafka.common.config.provider.FileConfigProvider"))))
                .doesNotThrowAnyException();
        InvalidSettingsException e = rejection(Settings.of(Map.of(), Map.of("WIRE_KAFKA_CLIENT_CONFIG_PROVIDERS_FILE_CLASS", "x"), Map.of()));
        assertThat(e.getMessage()).contains("WIRE_KAFKA_CLIENT_CONFIG_PROVIDERS_FILE_CLASS is not read").contains("properties file");
    }
}
