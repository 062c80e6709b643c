package io.wirestream.publish.config;

import io.wirestream.runtime.config.KafkaSettings;
import io.wirestream.runtime.config.Setting;
import io.wirestream.runtime.config.Settings;
import io.wirestream.publish.store.KillMode;
import io.wirestream.newsformats.ninjs.NinjsProfile;
import io.wirestream.contracts.topics.Topics;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * publish-service configuration: every field declared once with its default and meaning, read from the properties
 * file, {@code WIRE_*} environment variables (e.g. {@code WIRE_PUBLISH_STORES}) or explicit overrides, and validated
 * at start-up so a mistake stops the service before it consumes anything.
 */
public final class PublishConfig {

    public static final Setting<String> STORES = Setting.string("publish.stores", "sqlite",
            "Stores to write, comma-separated: sqlite, postgres, files. Each gets its own consumer and progress");
    public static final Setting<String> DATA_DIR = Setting.string("publish.data.dir", "data",
            "Directory for the embedded stores' files");
    public static final Setting<String> SQLITE_PATH = Setting.string("publish.sqlite.path", "",
            "SQLite database file; empty = <publish.data.dir>/publish/articles.sqlite");
    public static final Setting<String> POSTGRES_URL = Setting.string("publish.postgres.url",
            "jdbc:postgresql://127.0.0.1:5432/wirestream", "PostgreSQL JDBC URL");
    public static final Setting<String> POSTGRES_USER = Setting.string("publish.postgres.user", "postgres", "PostgreSQL user");
    public static final Setting<String> POSTGRES_PASSWORD = Setting.secret("publish.postgres.password",
            "PostgreSQL password (secret; also from WIRE_PUBLISH_POSTGRES_PASSWORD_FILE)");
    public static final Setting<String> POSTGRES_SCHEMA = Setting.string("publish.postgres.schema", "public",
            "PostgreSQL schema for the tables; created by the migrations if missing");
    public static final Setting<Integer> POSTGRES_POOL_SIZE = Setting.integer("publish.postgres.pool.size", 4,
            "Connections in the PostgreSQL pool (the consumer uses one, the read API the rest)");
    public static final Setting<Duration> POSTGRES_CONNECT_TIMEOUT = Setting.duration("publish.postgres.connect.timeout", "5s",
            "How long a write waits for a PostgreSQL connection before the store counts as down");
    public static final Setting<String> FILES_DIR = Setting.string("publish.files.dir", "",
            "Public directory of the ninjs file store; empty = <publish.data.dir>/ninjs");
    public static final Setting<String> FILES_STATE_DIR = Setting.string("publish.files.state.dir", "",
            "Index, embargo folder and offsets of the file store; must be outside the public directory; empty = <files.dir>.state");
    public static final Setting<String> FILES_PROFILE = Setting.string("publish.files.profile", "official",
            "official (validates against the IPTC ninjs schema) or extended (adds the 'wirestream' pipeline property)");
    public static final Setting<Boolean> FILES_FSYNC = Setting.bool("publish.files.fsync", true,
            "Force each ninjs file to disk before renaming it into place; false survives a killed process but not power loss");
    public static final Setting<String> KILL_MODE = Setting.string("publish.kill.mode", "withdraw",
            "What a kill does in every store: withdraw (keep a withdrawn marker) or delete (remove the content)");
    public static final Setting<String> TOPIC = Setting.string("publish.topic", Topics.ARTICLES.name(), "Topic to consume");
    public static final Setting<String> GROUP_ID_PREFIX = Setting.string("publish.group.id.prefix", "wirestream-publish",
            "Consumer group per store: <prefix>-<store>");
    public static final Setting<Integer> MAX_POLL_RECORDS = Setting.integer("publish.max.poll.records", 500,
            "Records per batch (one store transaction)");
    public static final Setting<Duration> SESSION_TIMEOUT = Setting.duration("publish.consumer.session.timeout", "45s",
            "Kafka consumer session timeout: how soon a crashed instance's partitions move to a live one (broker minimum 6s)");
    public static final Setting<Duration> RETRY_INITIAL = Setting.duration("publish.retry.initial", "500ms",
            "First wait after a store failure; doubles per failure");
    public static final Setting<Duration> RETRY_MAX = Setting.duration("publish.retry.max", "30s",
            "Longest wait between attempts to reach a failed store");
    public static final Setting<Duration> EMBARGO_CHECK_INTERVAL = Setting.duration("publish.embargo.check.interval", "1s",
            "How often each store releases embargoed versions that have come due");
    public static final Setting<String> HTTP_HOST = Setting.string("publish.http.host", "0.0.0.0", "Read API bind address");
    public static final Setting<Integer> HTTP_PORT = Setting.integer("publish.http.port", 8083,
            "Read API and health port; 0 = any free port, -1 = no HTTP");
    public static final Setting<String> API_STORE = Setting.string("publish.api.store", "",
            "Store the read API serves from: sqlite or postgres; empty = the first of those configured");

    public static final List<Setting<?>> ALL = List.of(STORES, DATA_DIR, SQLITE_PATH, POSTGRES_URL, POSTGRES_USER,
            POSTGRES_PASSWORD, POSTGRES_SCHEMA, POSTGRES_POOL_SIZE, POSTGRES_CONNECT_TIMEOUT, FILES_DIR, FILES_STATE_DIR,
            FILES_PROFILE, FILES_FSYNC, KILL_MODE, TOPIC, GROUP_ID_PREFIX, MAX_POLL_RECORDS, SESSION_TIMEOUT, RETRY_INITIAL, RETRY_MAX,
            EMBARGO_CHECK_INTERVAL, HTTP_HOST, HTTP_PORT, API_STORE);

    /** The kinds of store this service can write. */
    public enum StoreKind {
        SQLITE, POSTGRES, FILES;

        public String configName() {
            return name().toLowerCase(Locale.ROOT);
        }

        static StoreKind parse(String text) {
            String t = text.trim().toLowerCase(Locale.ROOT);
            return switch (t) {
                case "sqlite" -> SQLITE;
                case "postgres", "postgresql" -> POSTGRES;
                case "files", "file", "ninjs" -> FILES;
                default -> throw new IllegalArgumentException("unknown store '" + text + "' in " + STORES.key()
                        + " (known: sqlite, postgres, files)");
            };
        }
    }

    private final Settings settings;
    private final Set<StoreKind> stores;

    public PublishConfig(Settings settings) {
        this.settings = settings;
        this.stores = parseStores(settings.get(STORES));
        validate();
    }

    public Settings settings() {
        return settings;
    }

    private static Set<StoreKind> parseStores(String text) {
        Set<StoreKind> kinds = new LinkedHashSet<>();
        for (String part : text.split(",")) {
            if (!part.isBlank()) {
                kinds.add(StoreKind.parse(part));
            }
        }
        if (kinds.isEmpty()) {
            throw new IllegalArgumentException(STORES.key() + " names no store");
        }
        return kinds;
    }

    private void validate() {
        killMode();
        filesProfile();
        apiStore();
        if (settings.get(MAX_POLL_RECORDS) < 1) {
            throw new IllegalArgumentException(MAX_POLL_RECORDS.key() + " must be at least 1");
        }
        if (retryInitial().isNegative() || retryInitial().isZero() || retryMax().compareTo(retryInitial()) < 0) {
            throw new IllegalArgumentException(RETRY_INITIAL.key() + " must be positive and at most " + RETRY_MAX.key());
        }
    }

    public Set<StoreKind> stores() {
        return stores;
    }

    public Path dataDir() {
        return Path.of(settings.get(DATA_DIR));
    }

    public Path sqlitePath() {
        String path = settings.get(SQLITE_PATH);
        return path == null || path.isBlank() ? dataDir().resolve("publish").resolve("articles.sqlite") : Path.of(path);
    }

    public Path filesDir() {
        String dir = settings.get(FILES_DIR);
        return dir == null || dir.isBlank() ? dataDir().resolve("ninjs") : Path.of(dir);
    }

    public Path filesStateDir() {
        String dir = settings.get(FILES_STATE_DIR);
        return dir == null || dir.isBlank() ? null : Path.of(dir);
    }

    public NinjsProfile filesProfile() {
        return switch (settings.get(FILES_PROFILE).trim().toLowerCase(Locale.ROOT)) {
            case "official" -> NinjsProfile.OFFICIAL;
            case "extended" -> NinjsProfile.WITH_PIPELINE_EXTENSION;
            default -> throw new IllegalArgumentException(FILES_PROFILE.key() + " must be official or extended");
        };
    }

    public boolean filesFsync() {
        return settings.get(FILES_FSYNC);
    }

    public KillMode killMode() {
        return KillMode.parse(settings.get(KILL_MODE));
    }

    public String postgresUrl() {
        return settings.get(POSTGRES_URL);
    }

    public String postgresUser() {
        return settings.get(POSTGRES_USER);
    }

    public String postgresPassword() {
        String password = settings.get(POSTGRES_PASSWORD);
        return password == null ? "" : password;
    }

    public String postgresSchema() {
        return settings.get(POSTGRES_SCHEMA);
    }

    public int postgresPoolSize() {
        return settings.get(POSTGRES_POOL_SIZE);
    }

    public Duration postgresConnectTimeout() {
        return settings.get(POSTGRES_CONNECT_TIMEOUT);
    }

    public String topic() {
        return settings.get(TOPIC);
    }

    public String groupId(StoreKind store) {
        return settings.get(GROUP_ID_PREFIX) + "-" + store.configName();
    }

    public int maxPollRecords() {
        return settings.get(MAX_POLL_RECORDS);
    }

    public Duration sessionTimeout() {
        return settings.get(SESSION_TIMEOUT);
    }

    public Duration retryInitial() {
        return settings.get(RETRY_INITIAL);
    }

    public Duration retryMax() {
        return settings.get(RETRY_MAX);
    }

    public Duration embargoCheckInterval() {
        return settings.get(EMBARGO_CHECK_INTERVAL);
    }

    public String httpHost() {
        return settings.get(HTTP_HOST);
    }

    public int httpPort() {
        return settings.get(HTTP_PORT);
    }

    /** The store behind the read API, or null when only the file store is configured. */
    public StoreKind apiStore() {
        String configured = settings.get(API_STORE);
        if (configured != null && !configured.isBlank()) {
            StoreKind kind = StoreKind.parse(configured);
            if (kind == StoreKind.FILES || !stores.contains(kind)) {
                throw new IllegalArgumentException(API_STORE.key() + " must be one of the configured SQL stores, not " + configured);
            }
            return kind;
        }
        List<StoreKind> sql = new ArrayList<>(stores);
        sql.remove(StoreKind.FILES);
        return sql.isEmpty() ? null : sql.get(0);
    }

    public String bootstrapServers() {
        return settings.get(KafkaSettings.BOOTSTRAP_SERVERS);
    }
}
