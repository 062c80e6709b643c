package io.wirestream.enrich.service;

import io.wirestream.runtime.config.KafkaClientPassthrough;
import io.wirestream.runtime.config.KafkaSettings;
import io.wirestream.runtime.config.Passthrough;
import io.wirestream.runtime.config.Setting;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.streams.StreamsConfig;

/**
 * {@code enrich.streams.<property>}: any Kafka Streams property for enrich-stream, as Kafka Streams itself reads it.
 * The names are those of {@link StreamsConfig#configDef()}, the client properties Streams hands to its inner clients
 * (plain, or for one kind with Streams' own prefixes {@code producer.}, {@code consumer.}, {@code main.consumer.},
 * {@code restore.consumer.}, {@code global.consumer.}, {@code admin.}), {@code topic.} with a topic property for the
 * internal topics, and the free-form families {@code client.tag.} and {@code config.providers.}.
 *
 * <p>Refused, with the reason or the wire setting that controls it: everything {@code kafka.client.*} refuses (under
 * any prefix: {@code producer.acks} is {@code acks}), except {@code group.instance.id}, which is how enrich-stream
 * takes static membership; and what exactly-once enrichment rests on (processing guarantee, application id, state
 * directory, the guards' exception handlers, the serdes, the size budget on internal topics and producers). Four
 * names mean exactly what an {@code enrich.*} setting means and are accepted unless that setting is given too.
 */
public final class EnrichStreamsPassthrough {

    public static final String PREFIX = "enrich.streams.";

    /** Streams' prefixes that direct a client property to one kind of inner client, longest first. */
    public static final List<String> CLIENT_PREFIXES = List.of(StreamsConfig.MAIN_CONSUMER_PREFIX, StreamsConfig.RESTORE_CONSUMER_PREFIX,
            StreamsConfig.GLOBAL_CONSUMER_PREFIX, StreamsConfig.CONSUMER_PREFIX, StreamsConfig.PRODUCER_PREFIX, StreamsConfig.ADMIN_CLIENT_PREFIX);

    /** What Wirestream owns in Kafka Streams beyond what it owns in every client. */
    public static final Map<String, String> OWNED = owned();

    public static final Passthrough STREAMS = build();

    private EnrichStreamsPassthrough() {}

    /** The property a name sets: {@code producer.compression.type} sets the producers' {@code compression.type}. */
    public static String propertyOf(String name) {
        for (String prefix : CLIENT_PREFIXES) {
            if (name.startsWith(prefix)) {
                return name.substring(prefix.length());
            }
        }
        return name;
    }

    private static Passthrough build() {
        Map<String, Passthrough.Property> names = new TreeMap<>();
        StreamsConfig.configDef().configKeys().forEach((name, key) -> {
            if (!key.internalConfig) {
                names.put(name, KafkaClientPassthrough.property(key));
            }
        });
        KafkaClientPassthrough.clientKeys().forEach((name, key) -> names.putIfAbsent(name, KafkaClientPassthrough.property(key)));
        addPrefixed(names, ProducerConfig.configDef(), StreamsConfig.PRODUCER_PREFIX);
        for (String prefix : List.of(StreamsConfig.CONSUMER_PREFIX, StreamsConfig.MAIN_CONSUMER_PREFIX,
                StreamsConfig.RESTORE_CONSUMER_PREFIX, StreamsConfig.GLOBAL_CONSUMER_PREFIX)) {
            addPrefixed(names, ConsumerConfig.configDef(), prefix);
        }
        addPrefixed(names, AdminClientConfig.configDef(), StreamsConfig.ADMIN_CLIENT_PREFIX);
        for (String topicProperty : topicProperties()) {
            names.put(StreamsConfig.topicPrefix(topicProperty), new Passthrough.Property(false, Passthrough.ValueCheck.ANY));
        }

        Map<String, String> refused = new LinkedHashMap<>(KafkaClientPassthrough.OWNED);
        refused.remove("group.instance.id"); // Kafka Streams gives each stream thread its own: instance id + "-" + thread
        refused.putAll(OWNED);
        Passthrough p = Passthrough.of(PREFIX, "Kafka Streams", names)
                .withOpenFamilies(StreamsConfig.CLIENT_TAG_PREFIX, "config.providers.")
                .withPropertyOf(EnrichStreamsPassthrough::propertyOf)
                .refusing(refused);
        Map<String, Setting<?>> setBy = new LinkedHashMap<>(KafkaClientPassthrough.SET_BY_WIRE_SETTINGS);
        setBy.put(StreamsConfig.APPLICATION_ID_CONFIG, EnrichSettings.APPLICATION_ID);
        setBy.put(StreamsConfig.STATE_DIR_CONFIG, EnrichSettings.STATE_DIR);
        setBy.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, KafkaSettings.REPLICATION_FACTOR);
        setBy.put(StreamsConfig.topicPrefix(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG), KafkaSettings.MIN_INSYNC_REPLICAS);
        setBy.put(StreamsConfig.topicPrefix(TopicConfig.MAX_MESSAGE_BYTES_CONFIG), KafkaSettings.MAX_RECORD_BYTES);
        for (Map.Entry<String, Setting<?>> e : setBy.entrySet()) {
            p = p.setBy(e.getKey(), e.getValue());
        }
        return p.conflicting(StreamsConfig.NUM_STREAM_THREADS_CONFIG, "both are Kafka Streams' num.stream.threads", EnrichSettings.STREAM_THREADS)
                .conflicting(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, "both are Kafka Streams' commit.interval.ms", EnrichSettings.COMMIT_INTERVAL)
                .conflicting(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, "both are Kafka Streams' statestore.cache.max.bytes", EnrichSettings.CACHE_MAX_BYTES)
                .conflicting(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, "both are Kafka Streams' num.standby.replicas", EnrichSettings.STANDBY_REPLICAS);
    }

    private static Map<String, String> owned() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, "Wirestream runs enrich-stream exactly_once_v2, so a story reaches wire.articles once, "
                + "with the state that produced it");
        String guards = "Wirestream's guards send a record that cannot be read, processed or written to wire.rejected with its stage and cause "
                + "(docs/reliability.md)";
        for (String handler : List.of(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, "default.deserialization.exception.handler",
                StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG,
                "default.production.exception.handler", "errors.dead.letter.queue.topic.name")) {
            m.put(handler, guards);
        }
        String serdes = "the topology names the serde of every topic and store (contracts' Avro serdes, enrich's state codec); "
                + "a default serde would reach no record, or the wrong ones";
        m.put(StreamsConfig.DEFAULT_KEY_SERDE_CLASS_CONFIG, serdes);
        m.put(StreamsConfig.DEFAULT_VALUE_SERDE_CLASS_CONFIG, serdes);
        m.put("cache.max.bytes.buffering", "it is the deprecated name of statestore.cache.max.bytes, which Kafka Streams reads first: set "
                + EnrichSettings.CACHE_MAX_BYTES.key() + " or " + PREFIX + StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG);
        m.put("sasl.jaas.config", "every client of enrich-stream logs in alike, the admin client that provisions its topics too: give it as "
                + KafkaClientPassthrough.PREFIX + "sasl.jaas.config");
        return Map.copyOf(m);
    }

    private static void addPrefixed(Map<String, Passthrough.Property> names, ConfigDef def, String prefix) {
        def.configKeys().forEach((name, key) -> {
            if (!key.internalConfig) {
                names.put(prefix + name, KafkaClientPassthrough.property(key));
            }
        });
    }

    /** The topic properties Kafka names in {@link TopicConfig} (its {@code *_CONFIG} constants). */
    static List<String> topicProperties() {
        List<String> out = new java.util.ArrayList<>();
        for (Field f : TopicConfig.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getName().endsWith("_CONFIG") && f.getType() == String.class) {
                try {
                    out.add((String) f.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return out;
    }

    /**
     * Puts passthrough values over Wirestream's own Streams configuration. A plain name also takes the place of what
     * Wirestream set for the same property under a client prefix ({@code compression.type} replaces Wirestream's
     * {@code producer.compression.type}), since Kafka Streams would otherwise let the prefixed value win in silence.
     */
    static void overlay(Properties config, Map<String, Object> own, Map<String, String> values) {
        values.forEach((name, value) -> {
            if (propertyOf(name).equals(name)) {
                for (String prefix : CLIENT_PREFIXES) {
                    if (own.containsKey(prefix + name)) {
                        config.remove(prefix + name);
                    }
                }
            }
            config.put(name, value);
        });
    }
}
