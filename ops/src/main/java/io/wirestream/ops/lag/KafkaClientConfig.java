package io.wirestream.ops.lag;

import io.wirestream.runtime.kafka.KafkaClientConfigs;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;

/**
 * Client configuration for the monitor's own admin and probe clients, through runtime's {@link KafkaClientConfigs}:
 * the monitor's values (client id, timeouts, what the probe reads), then the cluster's properties
 * ({@code kafka.client.*} and the wire connection settings, or a {@code --command-config} file) that this kind of
 * client declares. The bootstrap servers the monitor was given come last.
 */
final class KafkaClientConfig {

    private KafkaClientConfig() {
    }

    static Map<String, Object> admin(LagMonitorSettings settings, String clientId) {
        Map<String, Object> config = KafkaClientConfigs.ofProperties(settings.clientProperties()).admin(own(settings, clientId, Map.of()));
        config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        return config;
    }

    static Map<String, Object> consumer(LagMonitorSettings settings, String clientId, Map<String, Object> consumerValues) {
        Map<String, Object> config = KafkaClientConfigs.ofProperties(settings.clientProperties()).consumer(own(settings, clientId, consumerValues));
        config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        return config;
    }

    private static Map<String, Object> own(LagMonitorSettings settings, String clientId, Map<String, Object> more) {
        Map<String, Object> config = new HashMap<>(more);
        config.put(CommonClientConfigs.CLIENT_ID_CONFIG, clientId);
        int timeoutMs = (int) settings.requestTimeout().toMillis();
        config.put(CommonClientConfigs.REQUEST_TIMEOUT_MS_CONFIG, timeoutMs);
        config.put(CommonClientConfigs.DEFAULT_API_TIMEOUT_MS_CONFIG, Math.max(timeoutMs, 1000));
        return config;
    }
}
