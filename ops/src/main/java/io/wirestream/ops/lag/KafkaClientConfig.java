package io.wirestream.ops.lag;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;

/** Client configuration for the monitor's own admin and probe clients: the cluster's address and security first. */
final class KafkaClientConfig {

    private KafkaClientConfig() {
    }

    static Map<String, Object> of(LagMonitorSettings settings, String clientId) {
        Map<String, Object> config = new HashMap<>(settings.clientProperties());
        config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        config.put(CommonClientConfigs.CLIENT_ID_CONFIG, clientId);
        int timeoutMs = (int) settings.requestTimeout().toMillis();
        config.putIfAbsent(CommonClientConfigs.REQUEST_TIMEOUT_MS_CONFIG, timeoutMs);
        config.putIfAbsent(CommonClientConfigs.DEFAULT_API_TIMEOUT_MS_CONFIG, Math.max(timeoutMs, 1000));
        return config;
    }
}
