package io.wirestream.runtime.config;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.ConfigDef;

/**
 * {@code kafka.client.<property>}: any Kafka client property, for every Kafka client of the service (producers,
 * consumers, admin clients and the clients inside Kafka Streams), each client taking the properties its kind
 * declares. The names are Kafka's own ({@link ProducerConfig#configDef()}, {@link ConsumerConfig#configDef()},
 * {@link AdminClientConfig#configDef()}), so they follow the Kafka version on the classpath; values are checked
 * with Kafka's own parsers and validators before anything starts.
 *
 * <p>What Wirestream must own is refused ({@link #OWNED}, {@link #SET_BY_WIRE_SETTINGS}): the properties its
 * guarantees rest on, and those a wire setting already sets for every client. {@code sasl.jaas.config} is accepted
 * (it is how OAUTHBEARER, AWS_MSK_IAM or GSSAPI log in) but not together with {@code kafka.sasl.username} or
 * {@code kafka.sasl.password}, from which Wirestream builds the PLAIN and SCRAM login.
 */
public final class KafkaClientPassthrough {

    public static final String PREFIX = "kafka.client.";

    /** Every producer, consumer and admin property name of this Kafka version (internal ones included). */
    public static final Set<String> PRODUCER_NAMES = ProducerConfig.configNames();
    public static final Set<String> CONSUMER_NAMES = ConsumerConfig.configNames();
    public static final Set<String> ADMIN_NAMES = AdminClientConfig.configNames();

    /** Properties whose value Wirestream's guarantees rest on, with the reason, in every client of every service. */
    public static final Map<String, String> OWNED = owned();

    /** Properties a shared wire setting sets for every client, with that setting. */
    public static final Map<String, Setting<?>> SET_BY_WIRE_SETTINGS = setByWireSettings();

    /** The passthrough every service accepts (each service may refuse more, see the services' DECLARED). */
    public static final Passthrough CLIENTS = clients();

    private KafkaClientPassthrough() {}

    /** Every non-internal property of the three client kinds, with Kafka's own definition for value checks. */
    public static Map<String, ConfigDef.ConfigKey> clientKeys() {
        Map<String, ConfigDef.ConfigKey> keys = new TreeMap<>();
        for (ConfigDef def : new ConfigDef[] {ProducerConfig.configDef(), ConsumerConfig.configDef(), AdminClientConfig.configDef()}) {
            def.configKeys().forEach((name, key) -> {
                if (!key.internalConfig) {
                    keys.putIfAbsent(name, key);
                }
            });
        }
        return keys;
    }

    /** What the passthrough knows of a Kafka property: whether it is a password, and Kafka's own check of a value. */
    public static Passthrough.Property property(ConfigDef.ConfigKey key) {
        return new Passthrough.Property(key.type == ConfigDef.Type.PASSWORD, value -> {
            Object parsed = ConfigDef.parseType(key.name, value, key.type);
            if (key.validator != null) {
                key.validator.ensureValid(key.name, parsed);
            }
            return null;
        });
    }

    private static Passthrough clients() {
        Map<String, Passthrough.Property> names = new TreeMap<>();
        clientKeys().forEach((name, key) -> names.put(name, property(key)));
        Passthrough p = Passthrough.of(PREFIX, "Kafka client", names)
                // Kafka's config providers (${file:...} in any value) are configured by alias: config.providers.<alias>.class
                .withOpenFamilies("config.providers.", "metrics.context.")
                .refusing(OWNED);
        for (Map.Entry<String, Setting<?>> e : SET_BY_WIRE_SETTINGS.entrySet()) {
            p = p.setBy(e.getKey(), e.getValue());
        }
        return p.conflicting("sasl.jaas.config", "Wirestream builds the PLAIN or SCRAM login from the user name and password, "
                + "kafka.client.sasl.jaas.config replaces it (for OAUTHBEARER, AWS_MSK_IAM, GSSAPI)", KafkaSettings.SASL_USERNAME, KafkaSettings.SASL_PASSWORD);
    }

    private static Map<String, String> owned() {
        Map<String, String> m = new LinkedHashMap<>();
        String serdes = "Wirestream sets the serdes: every record is Avro in the Confluent wire format, written and read with its topic's serdes (contracts' Topics)";
        m.put("key.serializer", serdes);
        m.put("value.serializer", serdes);
        m.put("key.deserializer", serdes);
        m.put("value.deserializer", serdes);
        m.put("acks", "Wirestream sets acks=all on every producer, so what Kafka acknowledged survives the loss of a broker");
        m.put("enable.idempotence", "Wirestream makes every producer idempotent, so a retried send is written once");
        m.put("transactional.id", "Wirestream leaves transactions to Kafka Streams (enrich-stream under exactly_once_v2, ids from enrich.application.id); no other producer is transactional");
        m.put("isolation.level", "Wirestream reads committed records only (read_committed) in every consumer, so an aborted enrich-stream transaction reaches no store, page or lag figure");
        m.put("enable.auto.commit", "Wirestream commits a position with what it belongs to (each publish store with its data, Kafka Streams with its transaction), never on a timer");
        m.put("auto.offset.reset", "Wirestream starts a consumer without a position at the log start (earliest), so no accepted item is skipped");
        m.put("group.id", "Wirestream names each consumer group from a wire setting (enrich.application.id, publish.group.id.prefix); the other consumers read without a group");
        m.put("group.instance.id", "it would give every consumer of the process the same static member id; enrich-stream's static membership is enrich.streams.group.instance.id (Kafka Streams adds the thread to it)");
        return Map.copyOf(m);
    }

    private static Map<String, Setting<?>> setByWireSettings() {
        Map<String, Setting<?>> m = new LinkedHashMap<>();
        m.put("bootstrap.servers", KafkaSettings.BOOTSTRAP_SERVERS);
        m.put("security.protocol", KafkaSettings.SECURITY_PROTOCOL);
        m.put("sasl.mechanism", KafkaSettings.SASL_MECHANISM);
        m.put("ssl.truststore.location", KafkaSettings.SSL_TRUSTSTORE_LOCATION);
        m.put("ssl.truststore.password", KafkaSettings.SSL_TRUSTSTORE_PASSWORD);
        m.put("ssl.keystore.location", KafkaSettings.SSL_KEYSTORE_LOCATION);
        m.put("ssl.keystore.password", KafkaSettings.SSL_KEYSTORE_PASSWORD);
        m.put("max.request.size", KafkaSettings.MAX_RECORD_BYTES);
        return Map.copyOf(m);
    }
}
