package io.wirestream.schema.serde;

import io.wirestream.schema.registry.RestSchemaRegistryClient;
import io.wirestream.schema.registry.SchemaRegistryClient;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Serde settings under Confluent's own names, so existing client configurations carry over unchanged.
 * One registry client is shared per (URL, credentials) pair so every serde in a process shares its id caches.
 */
public final class SerdeConfig {

    public static final String SCHEMA_REGISTRY_URL = "schema.registry.url";
    public static final String AUTO_REGISTER_SCHEMAS = "auto.register.schemas";
    public static final String BASIC_AUTH_USER_INFO = "basic.auth.user.info";
    /** Not a Confluent name: lets tests and local mode hand over a ready client instance. */
    public static final String REGISTRY_CLIENT_INSTANCE = "wirestream.schema.registry.client";

    private static final Map<String, SchemaRegistryClient> SHARED = new ConcurrentHashMap<>();

    private SerdeConfig() {}

    static SchemaRegistryClient client(Map<String, ?> configs) {
        Object instance = configs.get(REGISTRY_CLIENT_INSTANCE);
        if (instance instanceof SchemaRegistryClient client) {
            return client;
        }
        Object url = configs.get(SCHEMA_REGISTRY_URL);
        if (url == null || url.toString().isBlank()) {
            throw new IllegalArgumentException("'" + SCHEMA_REGISTRY_URL + "' must be set for Avro serdes");
        }
        Object userInfo = configs.get(BASIC_AUTH_USER_INFO);
        String key = url + "|" + (userInfo == null ? "" : Integer.toHexString(userInfo.hashCode()));
        return SHARED.computeIfAbsent(key, k -> new RestSchemaRegistryClient(url.toString(),
                userInfo == null ? null : userInfo.toString(), null, Duration.ofSeconds(10)));
    }

    static boolean autoRegister(Map<String, ?> configs) {
        Object v = configs.get(AUTO_REGISTER_SCHEMAS);
        return v == null || Boolean.parseBoolean(v.toString());
    }
}
