package io.wirestream.contracts.serde;

import io.wirestream.contracts.registry.RestSchemaRegistryClient;
import io.wirestream.contracts.registry.SchemaRegistryClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Serde settings under Confluent's own names, so existing client configurations carry over unchanged.
 * One registry client is shared per (URL, credentials, TLS stores) so every serde in a process shares its id caches.
 */
public final class SerdeConfig {

    public static final String SCHEMA_REGISTRY_URL = "schema.registry.url";
    public static final String AUTO_REGISTER_SCHEMAS = "auto.register.schemas";
    public static final String BASIC_AUTH_USER_INFO = "basic.auth.user.info";
    /** Trust store for an https registry whose certificate a private CA signed (Confluent's name). */
    public static final String SSL_TRUSTSTORE_LOCATION = "schema.registry.ssl.truststore.location";
    public static final String SSL_TRUSTSTORE_PASSWORD = "schema.registry.ssl.truststore.password";
    /** Key store with a client certificate, for a registry that asks for one (Confluent's name). */
    public static final String SSL_KEYSTORE_LOCATION = "schema.registry.ssl.keystore.location";
    public static final String SSL_KEYSTORE_PASSWORD = "schema.registry.ssl.keystore.password";
    /** Not a Confluent name: lets tests and local mode hand over a ready client instance. */
    public static final String REGISTRY_CLIENT_INSTANCE = "wirestream.schema.registry.client";

    /**
     * Not a Confluent name: how long a deserializer waits out a registry outage (retrying with backoff) before it
     * gives up and throws; keep it well under the consumer's max.poll.interval.ms. Default 30 s.
     */
    public static final String OUTAGE_WAIT_MS = "wirestream.registry.outage.wait.ms";
    static final long DEFAULT_OUTAGE_WAIT_MS = 30_000;

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
        String userInfo = text(configs, BASIC_AUTH_USER_INFO);
        String trustStore = text(configs, SSL_TRUSTSTORE_LOCATION);
        String trustPassword = text(configs, SSL_TRUSTSTORE_PASSWORD);
        String keyStore = text(configs, SSL_KEYSTORE_LOCATION);
        String keyPassword = text(configs, SSL_KEYSTORE_PASSWORD);
        // secrets enter the cache key only as a hash
        String key = String.join("|", url.toString(), hash(userInfo), Objects.toString(trustStore, ""), hash(trustPassword),
                Objects.toString(keyStore, ""), hash(keyPassword));
        return SHARED.computeIfAbsent(key, k -> new RestSchemaRegistryClient(url.toString(), userInfo,
                sslContext(trustStore, trustPassword, keyStore, keyPassword), Duration.ofSeconds(10)));
    }

    /**
     * The TLS context for the registry's https URL: the given trust store and key store, each PKCS12 or JKS (told by
     * its content). Null when neither is set, so the JVM's default trust applies.
     */
    static SSLContext sslContext(String trustStore, String trustPassword, String keyStore, String keyPassword) {
        if (trustStore == null && keyStore == null) {
            return null;
        }
        try {
            TrustManagerFactory trust = null;
            if (trustStore != null) {
                trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                trust.init(load(trustStore, trustPassword, SSL_TRUSTSTORE_LOCATION));
            }
            KeyManagerFactory keys = null;
            if (keyStore != null) {
                keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                keys.init(load(keyStore, keyPassword, SSL_KEYSTORE_LOCATION), chars(keyPassword));
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys == null ? null : keys.getKeyManagers(), trust == null ? null : trust.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException e) {
            // the message names the setting, never the password
            throw new IllegalArgumentException("registry TLS stores could not be used: " + e.getClass().getSimpleName(), e);
        }
    }

    private static KeyStore load(String location, String password, String setting) throws GeneralSecurityException {
        Path path = Path.of(location);
        if (!Files.isReadable(path)) {
            throw new IllegalArgumentException("'" + setting + "' names " + location + ", which is not a readable file");
        }
        try {
            // tells PKCS12 from JKS by the content
            return KeyStore.getInstance(path.toFile(), chars(password));
        } catch (IOException e) {
            throw new IllegalArgumentException("'" + setting + "' (" + location + ") could not be read as a PKCS12 or JKS "
                    + "store with the given password: " + e.getClass().getSimpleName(), e);
        }
    }

    private static char[] chars(String password) {
        return password == null ? new char[0] : password.toCharArray();
    }

    private static String text(Map<String, ?> configs, String name) {
        Object v = configs.get(name);
        return v == null || v.toString().isBlank() ? null : v.toString();
    }

    private static String hash(String secret) {
        return secret == null ? "" : Integer.toHexString(secret.hashCode()).toLowerCase(Locale.ROOT);
    }

    static long outageWaitMs(Map<String, ?> configs) {
        Object v = configs.get(OUTAGE_WAIT_MS);
        return v == null ? DEFAULT_OUTAGE_WAIT_MS : Long.parseLong(v.toString().trim());
    }

    static boolean autoRegister(Map<String, ?> configs) {
        Object v = configs.get(AUTO_REGISTER_SCHEMAS);
        return v == null || Boolean.parseBoolean(v.toString());
    }
}
