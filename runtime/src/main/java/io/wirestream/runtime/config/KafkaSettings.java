package io.wirestream.runtime.config;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Connection settings shared by every Kafka client of every service (producers, consumers, Streams, admin, registry
 * storage): bootstrap servers, TLS and SASL (PLAIN, SCRAM-SHA-256/512), and the schema registry's URL and credentials.
 */
public final class KafkaSettings {

    public static final Setting<String> BOOTSTRAP_SERVERS = Setting.string("kafka.bootstrap.servers", "127.0.0.1:9092",
            "Kafka bootstrap servers, comma-separated host:port");
    public static final Setting<String> SECURITY_PROTOCOL = Setting.string("kafka.security.protocol", "PLAINTEXT",
            "PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL");
    public static final Setting<String> SASL_MECHANISM = Setting.string("kafka.sasl.mechanism", "",
            "PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512 (with a SASL security protocol), logged in with kafka.sasl.username and kafka.sasl.password; "
                    + "any other mechanism (OAUTHBEARER, AWS_MSK_IAM, GSSAPI) with its login in kafka.client.sasl.jaas.config and its handlers in kafka.client.sasl.*");
    public static final Setting<String> SASL_USERNAME = Setting.string("kafka.sasl.username", "", "SASL user name");
    public static final Setting<String> SASL_PASSWORD = Setting.secret("kafka.sasl.password", "SASL password (secret; also from WIRE_KAFKA_SASL_PASSWORD_FILE)");
    public static final Setting<String> SSL_TRUSTSTORE_LOCATION = Setting.string("kafka.ssl.truststore.location", "",
            "Trust store (PKCS12/JKS) for the brokers' certificates");
    public static final Setting<String> SSL_TRUSTSTORE_PASSWORD = Setting.secret("kafka.ssl.truststore.password", "Trust store password (secret)");
    public static final Setting<String> SSL_KEYSTORE_LOCATION = Setting.string("kafka.ssl.keystore.location", "",
            "Key store with the client certificate for mutual TLS");
    public static final Setting<String> SSL_KEYSTORE_PASSWORD = Setting.secret("kafka.ssl.keystore.password", "Key store password (secret)");
    public static final Setting<Integer> REPLICATION_FACTOR = Setting.integer("kafka.topic.replication.factor", 1,
            "Replication factor for topics this service creates (3 in production)");
    public static final Setting<Integer> MIN_INSYNC_REPLICAS = Setting.integer("kafka.topic.min.insync.replicas", 1,
            "min.insync.replicas for topics this service creates (2 in production)");
    public static final Setting<Integer> PARTITIONS = Setting.integer("kafka.topic.partitions", 0,
            "Partitions for topics this service creates; 0 takes each topic's declared default. Each partition costs every instance CPU per item (one partition instead of three: about a quarter less on one instance, docs/performance.md round five), so size it to the instances a deployment is expected to run, not more");
    public static final Setting<Boolean> FAIL_ON_TOPIC_MISMATCH = Setting.bool("kafka.topic.fail.on.mismatch", false,
            "Refuse to start when an existing topic differs from its declaration (otherwise a warning)");
    public static final Setting<String> REGISTRY_URL = Setting.string("registry.url", "http://127.0.0.1:8081",
            "Schema registry base URL(s), comma-separated (Confluent REST API)");
    public static final Setting<String> REGISTRY_USER_INFO = Setting.secret("registry.basic.auth.user.info",
            "user:password for the registry's HTTP basic auth (secret)");
    public static final Setting<String> REGISTRY_SSL_TRUSTSTORE_LOCATION = Setting.string("registry.ssl.truststore.location", "",
            "Trust store (PKCS12/JKS) for an https registry whose certificate a private CA signed; empty uses the JVM's trust");
    public static final Setting<String> REGISTRY_SSL_TRUSTSTORE_PASSWORD = Setting.secret("registry.ssl.truststore.password",
            "Registry trust store password (secret)");
    public static final Setting<String> REGISTRY_SSL_KEYSTORE_LOCATION = Setting.string("registry.ssl.keystore.location", "",
            "Key store with a client certificate, for a registry that requires mutual TLS");
    public static final Setting<String> REGISTRY_SSL_KEYSTORE_PASSWORD = Setting.secret("registry.ssl.keystore.password",
            "Registry key store password (secret)");
    public static final Setting<Boolean> REGISTRY_AUTO_REGISTER = Setting.bool("registry.auto.register", true,
            "Register schemas on first use; turn off where schemas are registered by a release pipeline");

    public static final Setting<java.time.Duration> REGISTRY_OUTAGE_WAIT = Setting.duration("registry.outage.wait", "30s",
            "How long a reader waits out a schema registry outage (unreachable, 5xx, timeout), asking again with backoff, "
                    + "before it fails the task so the same record is read again later; never skipped. Keep well under max.poll.interval.ms");

    /** The default size budget: four times ingest's 4 MB push limit, so every record an accepted item becomes fits. */
    public static final int DEFAULT_MAX_RECORD_BYTES = 16 * 1024 * 1024;
    public static final Setting<Integer> MAX_RECORD_BYTES = Setting.integer("kafka.max.record.bytes", DEFAULT_MAX_RECORD_BYTES,
            "The one size budget for every record of the pipeline: max.message.bytes of every topic enrich-stream provisions (Streams' "
                    + "internal topics too), max.request.size of its producers (KafkaSettings.producerSizeProperties for other services); an article over a quarter of it is rejected (too-large)");

    public static final List<Setting<?>> ALL = List.of(BOOTSTRAP_SERVERS, SECURITY_PROTOCOL, SASL_MECHANISM, SASL_USERNAME,
            SASL_PASSWORD, SSL_TRUSTSTORE_LOCATION, SSL_TRUSTSTORE_PASSWORD, SSL_KEYSTORE_LOCATION, SSL_KEYSTORE_PASSWORD,
            REPLICATION_FACTOR, MIN_INSYNC_REPLICAS, PARTITIONS, FAIL_ON_TOPIC_MISMATCH, REGISTRY_URL, REGISTRY_USER_INFO,
            REGISTRY_SSL_TRUSTSTORE_LOCATION, REGISTRY_SSL_TRUSTSTORE_PASSWORD, REGISTRY_SSL_KEYSTORE_LOCATION,
            REGISTRY_SSL_KEYSTORE_PASSWORD, REGISTRY_AUTO_REGISTER, MAX_RECORD_BYTES, REGISTRY_OUTAGE_WAIT);

    private KafkaSettings() {}

    /**
     * The connection properties every client kind shares, from the wire settings: bootstrap, TLS and SASL. Services
     * build their clients through {@code io.wirestream.runtime.kafka.KafkaClientConfigs}, which adds each client's own
     * values and the {@code kafka.client.*} passthrough on top; when that passthrough gives {@code sasl.jaas.config},
     * no login is built here.
     */
    public static Map<String, Object> clientProperties(Settings s) {
        Map<String, Object> p = new HashMap<>();
        p.put("bootstrap.servers", s.get(BOOTSTRAP_SERVERS));
        String protocol = s.get(SECURITY_PROTOCOL);
        p.put("security.protocol", protocol);
        if (protocol.startsWith("SASL")) {
            String mechanism = s.get(SASL_MECHANISM);
            if (mechanism == null || mechanism.isBlank()) {
                throw new IllegalArgumentException(SASL_MECHANISM.key() + " must be set when " + SECURITY_PROTOCOL.key() + "=" + protocol);
            }
            p.put("sasl.mechanism", mechanism);
            if (!s.passthrough(KafkaClientPassthrough.CLIENTS).containsKey("sasl.jaas.config")) {
                String module = mechanism.startsWith("SCRAM-") ? "org.apache.kafka.common.security.scram.ScramLoginModule"
                        : mechanism.equals("PLAIN") ? "org.apache.kafka.common.security.plain.PlainLoginModule" : null;
                if (module == null) {
                    throw new IllegalArgumentException(SASL_MECHANISM.key() + "=" + mechanism + " needs its login in "
                            + KafkaClientPassthrough.PREFIX + "sasl.jaas.config: Wirestream builds one from " + SASL_USERNAME.key()
                            + " and " + SASL_PASSWORD.key() + " for PLAIN and SCRAM only");
                }
                p.put("sasl.jaas.config", module + " required username=\"" + escape(s.get(SASL_USERNAME))
                        + "\" password=\"" + escape(s.get(SASL_PASSWORD)) + "\";");
            }
        }
        if (protocol.endsWith("SSL")) {
            putIfSet(p, "ssl.truststore.location", s.get(SSL_TRUSTSTORE_LOCATION));
            putIfSet(p, "ssl.truststore.password", s.get(SSL_TRUSTSTORE_PASSWORD));
            putIfSet(p, "ssl.keystore.location", s.get(SSL_KEYSTORE_LOCATION));
            putIfSet(p, "ssl.keystore.password", s.get(SSL_KEYSTORE_PASSWORD));
        }
        return p;
    }

    /**
     * What a producer needs to send any record within the size budget. Consumers need nothing: since KIP-74 a fetch
     * returns the first record batch of a partition even when it is larger than max.partition.fetch.bytes.
     */
    public static Map<String, Object> producerSizeProperties(Settings s) {
        Map<String, Object> p = new HashMap<>();
        p.put("max.request.size", s.get(MAX_RECORD_BYTES));
        // the producer's buffer must hold at least one whole record of the budget
        p.put("buffer.memory", Math.max(32L * 1024 * 1024, 2L * s.get(MAX_RECORD_BYTES)));
        return p;
    }

    /** Serde properties (Confluent names) for the registry: URL, basic auth and TLS stores. */
    public static Map<String, Object> serdeProperties(Settings s) {
        Map<String, Object> p = new HashMap<>();
        p.put("schema.registry.url", s.get(REGISTRY_URL));
        p.put("auto.register.schemas", String.valueOf(s.get(REGISTRY_AUTO_REGISTER)));
        p.put("wirestream.registry.outage.wait.ms", String.valueOf(s.get(REGISTRY_OUTAGE_WAIT).toMillis()));
        String userInfo = s.get(REGISTRY_USER_INFO);
        if (userInfo != null && !userInfo.isBlank()) {
            // Confluent's serdes read basic.auth.user.info only with this source (their default is the URL's user info)
            p.put("basic.auth.credentials.source", "USER_INFO");
            p.put("basic.auth.user.info", userInfo);
        }
        putIfSet(p, "schema.registry.ssl.truststore.location", s.get(REGISTRY_SSL_TRUSTSTORE_LOCATION));
        putIfSet(p, "schema.registry.ssl.truststore.password", s.get(REGISTRY_SSL_TRUSTSTORE_PASSWORD));
        putIfSet(p, "schema.registry.ssl.keystore.location", s.get(REGISTRY_SSL_KEYSTORE_LOCATION));
        putIfSet(p, "schema.registry.ssl.keystore.password", s.get(REGISTRY_SSL_KEYSTORE_PASSWORD));
        return p;
    }

    private static void putIfSet(Map<String, Object> p, String key, String value) {
        if (value != null && !value.isBlank()) {
            p.put(key, value);
        }
    }

    private static String escape(String v) {
        return v == null ? "" : v.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
