package io.wirestream.contracts.serde;

import io.wirestream.contracts.registry.RestSchemaRegistryClient;
import io.wirestream.contracts.registry.SchemaRegistryClient;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;

/**
 * Serde settings under Confluent's own names and with Confluent's meaning, so a client configuration written for
 * Confluent's Avro serdes works unchanged with {@link WireAvroSerializer} and {@link WireAvroDeserializer}. Values may
 * be strings (a {@code Properties} file) or typed objects; a missing registry URL, an unknown subject name strategy or
 * a value that does not parse is a {@link ConfigException} naming the setting.
 *
 * <p>One registry client is shared per (URLs, credentials, TLS stores), so every serde in a process shares its caches.
 */
public final class SerdeConfig {

    /** Base URL of the registry; several, comma-separated, are tried in order. Required (unless a client instance is given). */
    public static final String SCHEMA_REGISTRY_URL = "schema.registry.url";
    /** Serializer: register a record's schema under its subject when it is not there yet (default true). */
    public static final String AUTO_REGISTER_SCHEMAS = "auto.register.schemas";
    /**
     * Serializer, with auto-registration off: write with the subject's latest registered schema instead of looking up
     * the record's own. Deserializer: read generic records with the subject's latest schema as the reader's schema.
     */
    public static final String USE_LATEST_VERSION = "use.latest.version";
    /** With {@link #USE_LATEST_VERSION}: refuse when the latest schema cannot read what the record's schema writes (default true). */
    public static final String LATEST_COMPATIBILITY_STRICT = "latest.compatibility.strict";
    /** Deserializer built by name: true gives the generated SpecificRecord classes, false (default) GenericRecord. */
    public static final String SPECIFIC_AVRO_READER = "specific.avro.reader";
    /** Subject name strategy for keys: one of Confluent's three class names (see {@link SubjectNameStrategy}). */
    public static final String KEY_SUBJECT_NAME_STRATEGY = "key.subject.name.strategy";
    /** Subject name strategy for values. */
    public static final String VALUE_SUBJECT_NAME_STRATEGY = "value.subject.name.strategy";
    /** Generic reader: logical types as Java types (Instant for timestamp-millis, ...) instead of their Avro primitives (default false). */
    public static final String AVRO_USE_LOGICAL_TYPE_CONVERTERS = "avro.use.logical.type.converters";
    /** Where the registry's basic-auth credentials come from: {@code USER_INFO} or {@code URL}. */
    public static final String BASIC_AUTH_CREDENTIALS_SOURCE = "basic.auth.credentials.source";
    /** {@code user:password} for the registry's HTTP basic auth, with {@code basic.auth.credentials.source=USER_INFO}. */
    public static final String BASIC_AUTH_USER_INFO = "basic.auth.user.info";
    /** Confluent's older name for {@link #BASIC_AUTH_USER_INFO}. */
    public static final String SCHEMA_REGISTRY_USER_INFO = "schema.registry.basic.auth.user.info";
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

    /** The credential sources Confluent's serdes know; SASL_INHERIT is refused with a pointer to USER_INFO. */
    static final List<String> CREDENTIAL_SOURCES = List.of("USER_INFO", "URL");

    private static final ConfigDef DEFINITION = new ConfigDef()
            .define(SCHEMA_REGISTRY_URL, Type.LIST, "", Importance.HIGH,
                    "Base URL of the schema registry; several, comma-separated, are tried in order")
            .define(AUTO_REGISTER_SCHEMAS, Type.BOOLEAN, true, Importance.MEDIUM,
                    "Serializer: register a record's schema under its subject when it is not there yet")
            .define(USE_LATEST_VERSION, Type.BOOLEAN, false, Importance.LOW,
                    "Serializer (auto-registration off): write with the subject's latest schema; deserializer: read generic records with it")
            .define(LATEST_COMPATIBILITY_STRICT, Type.BOOLEAN, true, Importance.LOW,
                    "With use.latest.version: refuse when the latest schema cannot read what the record's own schema writes")
            .define(SPECIFIC_AVRO_READER, Type.BOOLEAN, false, Importance.MEDIUM,
                    "Deserializer built by name: generated SpecificRecord classes (true) or GenericRecord (false)")
            .define(KEY_SUBJECT_NAME_STRATEGY, Type.STRING, SubjectNameStrategy.TOPIC_NAME.confluentClassName(),
                    SerdeConfig::validStrategy, Importance.MEDIUM, "Subject name strategy for keys")
            .define(VALUE_SUBJECT_NAME_STRATEGY, Type.STRING, SubjectNameStrategy.TOPIC_NAME.confluentClassName(),
                    SerdeConfig::validStrategy, Importance.MEDIUM, "Subject name strategy for values")
            .define(AVRO_USE_LOGICAL_TYPE_CONVERTERS, Type.BOOLEAN, false, Importance.LOW,
                    "Generic reader: logical types as Java types instead of their Avro primitives")
            .define(BASIC_AUTH_CREDENTIALS_SOURCE, Type.STRING, null, SerdeConfig::validCredentialSource, Importance.MEDIUM,
                    "Where the registry's basic-auth credentials come from: USER_INFO or URL")
            .define(BASIC_AUTH_USER_INFO, Type.PASSWORD, null, Importance.MEDIUM, "user:password for the registry's basic auth")
            .define(SCHEMA_REGISTRY_USER_INFO, Type.PASSWORD, null, Importance.LOW, "Older name of basic.auth.user.info")
            .define(SSL_TRUSTSTORE_LOCATION, Type.STRING, null, Importance.LOW, "Trust store for an https registry")
            .define(SSL_TRUSTSTORE_PASSWORD, Type.PASSWORD, null, Importance.LOW, "Password of the registry trust store")
            .define(SSL_KEYSTORE_LOCATION, Type.STRING, null, Importance.LOW, "Key store with a client certificate for the registry")
            .define(SSL_KEYSTORE_PASSWORD, Type.PASSWORD, null, Importance.LOW, "Password of the registry key store")
            .define(OUTAGE_WAIT_MS, Type.LONG, DEFAULT_OUTAGE_WAIT_MS, ConfigDef.Range.atLeast(0), Importance.LOW,
                    "How long a deserializer waits out a registry outage before it throws");

    private static final Map<String, SchemaRegistryClient> SHARED = new ConcurrentHashMap<>();

    private SerdeConfig() {}

    /** The settings a serde reads in {@code configure}. */
    record Settings(SchemaRegistryClient client, boolean autoRegister, boolean useLatestVersion, boolean latestCompatibilityStrict,
                    boolean specificReader, SubjectNameStrategy keyStrategy, SubjectNameStrategy valueStrategy,
                    boolean logicalTypeConverters, long outageWaitMs) {

        SubjectNameStrategy strategy(boolean isKey) {
            return isKey ? keyStrategy : valueStrategy;
        }
    }

    /**
     * Reads a serde's settings; keys it does not know (a consumer hands over all of its own) are ignored.
     *
     * @throws ConfigException for a missing registry URL, an unknown strategy, or a value that does not parse
     */
    static Settings read(Map<String, ?> configs) {
        Map<String, Object> v = DEFINITION.parse(configs);
        return new Settings(client(configs, v),
                (Boolean) v.get(AUTO_REGISTER_SCHEMAS),
                (Boolean) v.get(USE_LATEST_VERSION),
                (Boolean) v.get(LATEST_COMPATIBILITY_STRICT),
                (Boolean) v.get(SPECIFIC_AVRO_READER),
                SubjectNameStrategy.named((String) v.get(KEY_SUBJECT_NAME_STRATEGY)),
                SubjectNameStrategy.named((String) v.get(VALUE_SUBJECT_NAME_STRATEGY)),
                (Boolean) v.get(AVRO_USE_LOGICAL_TYPE_CONVERTERS),
                (Long) v.get(OUTAGE_WAIT_MS));
    }

    /** The registry client the settings name (shared per URLs, credentials and TLS stores). */
    static SchemaRegistryClient client(Map<String, ?> configs) {
        return client(configs, DEFINITION.parse(configs));
    }

    @SuppressWarnings("unchecked")
    private static SchemaRegistryClient client(Map<String, ?> configs, Map<String, Object> v) {
        Object instance = configs.get(REGISTRY_CLIENT_INSTANCE);
        if (instance instanceof SchemaRegistryClient client) {
            return client;
        }
        List<String> given = (List<String>) v.get(SCHEMA_REGISTRY_URL);
        if (given.isEmpty()) {
            throw new ConfigException("Missing required configuration \"" + SCHEMA_REGISTRY_URL + "\" for the Avro serdes: "
                    + "the schema registry's base URL, e.g. http://registry:8081 (several, comma-separated, are tried in order)");
        }
        List<String> urls = new ArrayList<>();
        String urlUserInfo = null;
        for (String url : given) {
            URI uri = httpUri(url);
            if (uri.getRawUserInfo() != null) {
                if (urlUserInfo != null && !urlUserInfo.equals(uri.getUserInfo())) {
                    throw new ConfigException(SCHEMA_REGISTRY_URL, redacted(given), "the URLs carry different credentials");
                }
                urlUserInfo = uri.getUserInfo();
            }
            urls.add(withoutUserInfo(uri));
        }
        String userInfo = userInfo(v, urlUserInfo);
        String trustStore = text(v, SSL_TRUSTSTORE_LOCATION);
        String trustPassword = text(v, SSL_TRUSTSTORE_PASSWORD);
        String keyStore = text(v, SSL_KEYSTORE_LOCATION);
        String keyPassword = text(v, SSL_KEYSTORE_PASSWORD);
        String joined = String.join(",", urls);
        // secrets enter the cache key only as a digest
        String key = String.join("|", joined, digest(userInfo), Objects.toString(trustStore, ""), digest(trustPassword),
                Objects.toString(keyStore, ""), digest(keyPassword));
        return SHARED.computeIfAbsent(key, k -> new RestSchemaRegistryClient(joined, userInfo,
                sslContext(trustStore, trustPassword, keyStore, keyPassword), Duration.ofSeconds(10)));
    }

    /**
     * The basic-auth credentials, as Confluent reads them: from {@code basic.auth.user.info} with source USER_INFO, from
     * the URL's user info with source URL. With no source set, a given user info is used (Confluent would ignore it and
     * look in the URL), else the URL's.
     */
    private static String userInfo(Map<String, Object> v, String urlUserInfo) {
        String given = text(v, BASIC_AUTH_USER_INFO);
        if (given == null) {
            given = text(v, SCHEMA_REGISTRY_USER_INFO);
        }
        String source = (String) v.get(BASIC_AUTH_CREDENTIALS_SOURCE);
        boolean fromUrl;
        if (source == null) {
            fromUrl = given == null;
        } else if (source.trim().equalsIgnoreCase("USER_INFO")) {
            if (given == null) {
                throw new ConfigException(BASIC_AUTH_USER_INFO + " must be set (user:password) when "
                        + BASIC_AUTH_CREDENTIALS_SOURCE + "=USER_INFO");
            }
            fromUrl = false;
        } else {
            fromUrl = true; // URL: credentials only from the URL, as Confluent reads them
        }
        String chosen = fromUrl ? urlUserInfo : given;
        if (chosen != null && chosen.indexOf(':') < 0) {
            throw new ConfigException(fromUrl ? SCHEMA_REGISTRY_URL : BASIC_AUTH_USER_INFO, Password.HIDDEN,
                    "registry credentials must have the form user:password");
        }
        return chosen;
    }

    private static URI httpUri(String url) {
        try {
            URI uri = new URI(url.trim());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // reported below, without the text that did not parse (it may hold a password)
        }
        throw new ConfigException(SCHEMA_REGISTRY_URL, redacted(List.of(url)), "not an http or https URL with a host");
    }

    private static String withoutUserInfo(URI uri) {
        if (uri.getRawUserInfo() == null) {
            return uri.toString();
        }
        try {
            return new URI(uri.getScheme(), null, uri.getHost(), uri.getPort(), uri.getPath(), uri.getQuery(), uri.getFragment()).toString();
        } catch (URISyntaxException e) {
            throw new ConfigException(SCHEMA_REGISTRY_URL, redacted(List.of(uri.toString())), e.getReason());
        }
    }

    /** URLs for an error message, with anything before an '@' hidden. */
    private static String redacted(List<String> urls) {
        List<String> out = new ArrayList<>();
        for (String u : urls) {
            int at = u.lastIndexOf('@');
            int scheme = u.indexOf("://");
            out.add(at < 0 ? u : (scheme < 0 ? "" : u.substring(0, scheme + 3)) + Password.HIDDEN + u.substring(at));
        }
        return String.join(",", out);
    }

    private static void validStrategy(String name, Object value) {
        try {
            SubjectNameStrategy.named((String) value);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(name, value, e.getMessage());
        }
    }

    private static void validCredentialSource(String name, Object value) {
        if (value == null) {
            return;
        }
        String source = value.toString().trim().toUpperCase(Locale.ROOT);
        if (source.equals("SASL_INHERIT")) {
            throw new ConfigException(name, value, "not supported by these serdes; give the registry's credentials with "
                    + BASIC_AUTH_CREDENTIALS_SOURCE + "=USER_INFO and " + BASIC_AUTH_USER_INFO + "=user:password");
        }
        if (!CREDENTIAL_SOURCES.contains(source)) {
            throw new ConfigException(name, value, "expected one of " + CREDENTIAL_SOURCES);
        }
    }

    /**
     * The TLS context for the registry's https URL: the given trust store and key store, each PKCS12 or JKS (told by
     * its content). Null when neither is set, so the JVM's default trust applies.
     *
     * @throws ConfigException naming the setting (never the password) when a store cannot be used
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
            ConfigException error = new ConfigException("registry TLS stores (" + SSL_TRUSTSTORE_LOCATION + ", " + SSL_KEYSTORE_LOCATION
                    + ") could not be used: " + e.getClass().getSimpleName());
            error.initCause(e);
            throw error;
        }
    }

    private static KeyStore load(String location, String password, String setting) throws GeneralSecurityException {
        Path path = Path.of(location);
        if (!Files.isReadable(path)) {
            throw new ConfigException(setting, location, "not a readable file");
        }
        try {
            // tells PKCS12 from JKS by the content
            return KeyStore.getInstance(path.toFile(), chars(password));
        } catch (IOException e) {
            ConfigException error = new ConfigException(setting, location, "could not be read as a PKCS12 or JKS store with the given password: "
                    + e.getClass().getSimpleName());
            error.initCause(e);
            throw error;
        }
    }

    private static char[] chars(String password) {
        return password == null ? new char[0] : password.toCharArray();
    }

    /** A text or password setting's value, null when unset or blank. */
    private static String text(Map<String, Object> v, String name) {
        Object value = v.get(name);
        String text = value instanceof Password p ? p.value() : (String) value;
        return text == null || text.isBlank() ? null : text;
    }

    private static String digest(String secret) {
        if (secret == null) {
            return "";
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
