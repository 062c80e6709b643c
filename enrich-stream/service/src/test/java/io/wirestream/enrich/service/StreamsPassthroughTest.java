package io.wirestream.enrich.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wirestream.runtime.config.DeclaredSettings;
import io.wirestream.runtime.config.InvalidSettingsException;
import io.wirestream.runtime.config.Passthrough;
import io.wirestream.runtime.config.Settings;
import io.wirestream.runtime.lifecycle.ServiceMain;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.types.Password;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.junit.jupiter.api.Test;
import org.rocksdb.Options;

/**
 * enrich-stream's Kafka Streams configuration: kafka.client.* reaches every inner client, enrich.streams.* any Streams
 * property, in a documented precedence; what exactly-once enrichment rests on cannot be named, and a misspelt name
 * is refused with Kafka's nearest one.
 */
class StreamsPassthroughTest {

    /** What enrich-stream really validates at start: its own settings plus the shared ones ServiceMain adds. */
    static final DeclaredSettings DECLARED = ServiceMain.accepted(EnrichServiceMain.DECLARED);

    /** A RocksDB config setter named in plain configuration, as operators tune the stores. */
    public static final class SmallBlocks implements RocksDBConfigSetter {
        @Override
        public void setConfig(String storeName, Options options, Map<String, Object> configs) {
        }

        @Override
        public void close(String storeName, Options options) {
        }
    }

    static StreamsConfig streams(Settings settings) {
        DECLARED.validate(settings);
        return new StreamsConfig(EnrichService.streamsConfig(settings));
    }

    static InvalidSettingsException rejection(Settings settings) {
        try {
            DECLARED.validate(settings);
        } catch (InvalidSettingsException e) {
            return e;
        }
        throw new AssertionError("the settings were accepted");
    }

    static String text(Object value) {
        return value instanceof Password p ? p.value() : String.valueOf(value);
    }

    @Test
    void aKafkaClientPropertyReachesEveryClientInsideKafkaStreamsThatDeclaresIt() {
        Map<String, String> env = Map.of(
                "WIRE_KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
                "WIRE_KAFKA_SASL_MECHANISM", "OAUTHBEARER",
                "WIRE_KAFKA_CLIENT_SASL_JAAS_CONFIG", "org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginModule required;",
                "WIRE_KAFKA_CLIENT_CLIENT_DNS_LOOKUP", "use_all_dns_ips",
                "WIRE_KAFKA_CLIENT_MAX_POLL_RECORDS", "77");
        StreamsConfig config = streams(Settings.of(Map.of(), env, Map.of()));
        Map<String, Object> mainConsumer = config.getMainConsumerConfigs("wirestream-enrich", "c", 0);
        List<Map<String, Object>> inner = List.of(mainConsumer, config.getRestoreConsumerConfigs("r"),
                config.getGlobalConsumerConfigs("g"), config.getProducerConfigs("p"), config.getAdminConfigs("a"));
        for (Map<String, Object> client : inner) {
            assertThat(client).containsEntry("sasl.mechanism", "OAUTHBEARER").containsEntry("client.dns.lookup", "use_all_dns_ips");
            assertThat(text(client.get("sasl.jaas.config"))).startsWith("org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginModule");
        }
        assertThat(mainConsumer).containsEntry("max.poll.records", "77");
        assertThat(config.getProducerConfigs("p")).doesNotContainKey("max.poll.records");
    }

    @Test
    void enrichStreamsIsMoreSpecificThanKafkaClientAndAPlainNameReplacesWirestreamsPrefixedDefault() {
        StreamsConfig lz4ByDefault = streams(Settings.ofValues(Map.of()));
        assertThat(lz4ByDefault.getProducerConfigs("p")).containsEntry("compression.type", "lz4");

        StreamsConfig kafkaClient = streams(Settings.ofValues(Map.of("kafka.client.compression.type", "zstd")));
        assertThat(kafkaClient.getProducerConfigs("p")).as("Wirestream's producer.compression.type would win in Streams otherwise")
                .containsEntry("compression.type", "zstd");

        StreamsConfig both = streams(Settings.ofValues(Map.of("kafka.client.compression.type", "zstd",
                "enrich.streams.producer.compression.type", "gzip", "kafka.client.max.poll.records", "10",
                "enrich.streams.max.poll.records", "20")));
        assertThat(both.getProducerConfigs("p")).containsEntry("compression.type", "gzip");
        assertThat(both.getMainConsumerConfigs("g", "c", 0)).containsEntry("max.poll.records", "20");
    }

    @Test
    void streamsPropertiesComeFromTheEnvironmentByTheirKafkaNames() {
        Map<String, String> env = new HashMap<>();
        env.put("WIRE_ENRICH_STREAMS_NUM_STANDBY_REPLICAS", "1");
        env.put("WIRE_ENRICH_STREAMS_ROCKSDB_CONFIG_SETTER", SmallBlocks.class.getName());
        env.put("WIRE_ENRICH_STREAMS_MAIN_CONSUMER_FETCH_MAX_WAIT_MS", "50");
        // one of the two Streams names with an underscore of its own: the variable still leads back to it
        env.put("WIRE_ENRICH_STREAMS_RACK_AWARE_ASSIGNMENT_NON_OVERLAP_COST", "5");
        env.put("WIRE_ENRICH_STREAMS_GROUP_INSTANCE_ID", "enrich-a");
        StreamsConfig config = streams(Settings.of(Map.of(), env, Map.of()));
        assertThat(config.getInt(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG)).isEqualTo(1);
        assertThat(config.getClass(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG)).isEqualTo(SmallBlocks.class);
        assertThat(config.getInt("rack.aware.assignment.non_overlap_cost")).isEqualTo(5);
        Map<String, Object> main = config.getMainConsumerConfigs("g", "c", 1);
        assertThat(main).containsEntry("fetch.max.wait.ms", "50");
        assertThat(main.get("group.instance.id")).as("static membership, one id per stream thread").isEqualTo("enrich-a-1");
    }

    @Test
    void aStreamsNameWithAnEnrichSettingIsAcceptedAloneAndRefusedBesideIt() {
        StreamsConfig threads = streams(Settings.ofValues(Map.of("enrich.streams.num.stream.threads", "2",
                "enrich.streams.commit.interval.ms", "40")));
        assertThat(threads.getInt(StreamsConfig.NUM_STREAM_THREADS_CONFIG)).isEqualTo(2);
        assertThat(threads.getLong(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG)).isEqualTo(40L);

        InvalidSettingsException e = rejection(Settings.of(Map.of("enrich.streams.num.stream.threads", "2"),
                Map.of("WIRE_ENRICH_STREAM_THREADS", "3"), Map.of()));
        assertThat(e.problems()).containsExactly("enrich.streams.num.stream.threads and enrich.stream.threads (WIRE_ENRICH_STREAM_THREADS) "
                + "are both given: both are Kafka Streams' num.stream.threads; give only one");
    }

    @Test
    void whatExactlyOnceEnrichmentRestsOnIsRefusedWithTheReasonOrTheWireSetting() {
        Map<String, String> values = new HashMap<>();
        values.put("enrich.streams.processing.guarantee", "at_least_once");
        values.put("enrich.streams.application.id", "other");
        values.put("enrich.streams.state.dir", "/tmp/x");
        values.put("enrich.streams.producer.acks", "1");
        values.put("enrich.streams.consumer.isolation.level", "read_uncommitted");
        values.put("enrich.streams.default.value.serde", "org.apache.kafka.common.serialization.Serdes$StringSerde");
        values.put("enrich.streams.deserialization.exception.handler", "org.apache.kafka.streams.errors.LogAndContinueExceptionHandler");
        values.put("enrich.streams.topic.max.message.bytes", "1");
        values.put("enrich.streams.replication.factor", "1");
        values.put("enrich.streams.sasl.jaas.config", "x required;");
        values.put("enrich.streams.bootstrap.servers", "elsewhere:9092");
        InvalidSettingsException e = rejection(Settings.ofValues(values));
        assertThat(e.problems()).hasSize(values.size()).allSatisfy(p -> assertThat(p).contains("is refused: "));
        String where = "set in code or on the command line: ";
        assertThat(e.problems()).contains(
                where + "'enrich.streams.processing.guarantee' is refused: Wirestream runs enrich-stream exactly_once_v2, so a story reaches "
                        + "wire.articles once, with the state that produced it",
                where + "'enrich.streams.application.id' is refused: it is set by enrich.application.id (WIRE_ENRICH_APPLICATION_ID)",
                where + "'enrich.streams.replication.factor' is refused: it is set by kafka.topic.replication.factor (WIRE_KAFKA_TOPIC_REPLICATION_FACTOR)",
                where + "'enrich.streams.sasl.jaas.config' is refused: every client of enrich-stream logs in alike, the admin client that "
                        + "provisions its topics too: give it as kafka.client.sasl.jaas.config");
        assertThat(e.problems()).anySatisfy(p -> assertThat(p).startsWith(where + "'enrich.streams.producer.acks' is refused: Wirestream sets acks=all"));

        // and the service refuses them too where nothing validated its settings
        assertThatThrownBy(() -> EnrichService.streamsConfig(Settings.ofValues(Map.of("enrich.streams.processing.guarantee", "at_least_once"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("exactly_once_v2");
    }

    @Test
    void anUnknownNameIsRefusedWithTheNearestKafkaNameOrThePrefixItBelongsTo() {
        InvalidSettingsException e = rejection(Settings.of(Map.of("enrich.streams.num.stream.thread", "2",
                "kafka.client.num.stream.threads", "2", "enrich.streams.producer.max.poll.records", "5"),
                Map.of("WIRE_KAFKA_CLIENT_NUM_STANDBY_REPLICAS", "1"), Map.of()));
        assertThat(e.problems()).containsExactly(
                "properties file: unknown Kafka Streams property 'num.stream.thread' in 'enrich.streams.num.stream.thread'; "
                        + "did you mean 'enrich.streams.num.stream.threads'?",
                "properties file: unknown Kafka Streams property 'producer.max.poll.records' in 'enrich.streams.producer.max.poll.records'; "
                        + "did you mean 'enrich.streams.consumer.max.poll.records'?",
                "properties file: unknown Kafka client property 'num.stream.threads' in 'kafka.client.num.stream.threads'; "
                        + "it is a Kafka Streams property: 'enrich.streams.num.stream.threads'",
                "environment: unknown Kafka client property in WIRE_KAFKA_CLIENT_NUM_STANDBY_REPLICAS; it is a Kafka Streams property: "
                        + "WIRE_ENRICH_STREAMS_NUM_STANDBY_REPLICAS (enrich.streams.num.standby.replicas)");
    }

    @Test
    void everyStreamsNameHasAVariableOfItsOwn() {
        Passthrough p = EnrichStreamsPassthrough.STREAMS;
        assertThat(p.names()).contains("num.stream.threads", "rocksdb.config.setter", "producer.linger.ms", "main.consumer.max.poll.records",
                "restore.consumer.max.poll.records", "admin.retries", "topic.segment.bytes", "client.dns.lookup");
        for (String name : p.names()) {
            assertThat(p.nameOfVariable(p.envVar(name))).as(name).contains(name);
        }
        assertThatCode(() -> DECLARED.validate(Settings.ofValues(Map.of("enrich.streams.client.tag.zone", "eu-west-1a"))))
                .doesNotThrowAnyException();
    }
}
