package io.wirestream.runtime.kafka;

import io.wirestream.runtime.config.KafkaClientPassthrough;
import io.wirestream.runtime.config.KafkaSettings;
import io.wirestream.runtime.config.Settings;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The one place a service's Kafka client configuration is assembled, so {@code kafka.client.*} reaches every client
 * the same way. In rising precedence:
 * <ol>
 *   <li>the connection from the wire settings: bootstrap, TLS, SASL ({@link KafkaSettings#clientProperties});</li>
 *   <li>what Wirestream sets for this client: what its guarantees rest on (acks, isolation, serdes, groups; the
 *   passthrough cannot name those, see {@link KafkaClientPassthrough#OWNED}) and its tuning defaults (linger,
 *   compression, client ids, timeouts);</li>
 *   <li>the {@code kafka.client.*} values this kind of client declares: a producer takes {@code linger.ms}, not
 *   {@code max.poll.records}, and no client is handed a property it would only warn about.</li>
 * </ol>
 * Kafka Streams takes the passthrough as a whole ({@link #passthrough()}): it hands each property to the inner
 * clients that declare it.
 */
public final class KafkaClientConfigs {

    /** A kind of Kafka client, with the property names it declares. */
    public enum Kind {
        PRODUCER(KafkaClientPassthrough.PRODUCER_NAMES),
        CONSUMER(KafkaClientPassthrough.CONSUMER_NAMES),
        ADMIN(KafkaClientPassthrough.ADMIN_NAMES);

        private final Set<String> names;

        Kind(Set<String> names) {
            this.names = names;
        }

        /** Whether this kind of client declares the property (or it is in a family every client reads). */
        public boolean takes(String name) {
            return names.contains(name) || KafkaClientPassthrough.CLIENTS.openFamilies().stream().anyMatch(name::startsWith);
        }
    }

    private final Map<String, Object> connection;
    private final Map<String, String> passthrough;

    private KafkaClientConfigs(Map<String, Object> connection, Map<String, String> passthrough) {
        this.connection = Map.copyOf(connection);
        this.passthrough = Map.copyOf(passthrough);
    }

    /**
     * The connection and {@code kafka.client.*} of these settings.
     *
     * @throws IllegalArgumentException when the passthrough names a property Wirestream owns (settings that went
     *                                  through {@code DeclaredSettings.validate} never do)
     */
    public static KafkaClientConfigs from(Settings settings) {
        Map<String, String> pass = settings.passthrough(KafkaClientPassthrough.CLIENTS);
        List<String> refused = pass.keySet().stream().filter(n -> KafkaClientPassthrough.CLIENTS.refusal(n).isPresent())
                .map(n -> "'" + KafkaClientPassthrough.PREFIX + n + "' is refused: " + KafkaClientPassthrough.CLIENTS.refusal(n).orElseThrow())
                .toList();
        if (!refused.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", refused));
        }
        return new KafkaClientConfigs(KafkaSettings.clientProperties(settings), pass);
    }

    /**
     * A cluster described by Kafka client properties rather than wire settings (a tool's {@code --command-config}):
     * every entry is taken as a passthrough value, so each client gets the ones its kind declares.
     */
    public static KafkaClientConfigs ofProperties(Map<String, ?> properties) {
        Map<String, String> pass = new TreeMap<>();
        properties.forEach((k, v) -> pass.put(k, String.valueOf(v)));
        return new KafkaClientConfigs(Map.of(), pass);
    }

    /** A producer's configuration: connection, then Wirestream's own values for it, then the passthrough. */
    public Map<String, Object> producer(Map<String, ?> own) {
        return assemble(Kind.PRODUCER, own);
    }

    /** A consumer's configuration: connection, then Wirestream's own values for it, then the passthrough. */
    public Map<String, Object> consumer(Map<String, ?> own) {
        return assemble(Kind.CONSUMER, own);
    }

    /** An admin client's configuration: connection, then Wirestream's own values for it, then the passthrough. */
    public Map<String, Object> admin(Map<String, ?> own) {
        return assemble(Kind.ADMIN, own);
    }

    /** The connection properties of the wire settings alone. */
    public Map<String, Object> connection() {
        return connection;
    }

    /** The {@code kafka.client.*} values by Kafka name, for Kafka Streams, which distributes them itself. */
    public Map<String, String> passthrough() {
        return passthrough;
    }

    /** Connection and passthrough as one map of strings (the lag monitor's description of its cluster). */
    public Map<String, String> asProperties() {
        Map<String, String> all = new TreeMap<>();
        connection.forEach((k, v) -> all.put(k, String.valueOf(v)));
        all.putAll(passthrough);
        return all;
    }

    private Map<String, Object> assemble(Kind kind, Map<String, ?> own) {
        Map<String, Object> config = new HashMap<>(connection);
        config.putAll(own);
        passthrough.forEach((name, value) -> {
            if (kind.takes(name)) {
                config.put(name, value);
            }
        });
        return config;
    }
}
