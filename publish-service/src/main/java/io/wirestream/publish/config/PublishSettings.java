package io.wirestream.publish.config;

import io.wirestream.contracts.topics.Topics;
import io.wirestream.newsformats.ninjs.NinjsProfile;
import io.wirestream.publish.store.KillMode;
import io.wirestream.runtime.config.Setting;
import io.wirestream.runtime.config.Settings;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Every setting publish-service reads besides the shared {@link io.wirestream.runtime.config.KafkaSettings}, each
 * declared once with its default and meaning. Keys go in a properties file; each has an environment variable derived
 * from its key ({@code publish.stores} becomes {@code WIRE_PUBLISH_STORES}). A setting whose text has a fixed form
 * parses to its type here, so reading it is also checking it; {@link #validate} reads them all at start-up so a
 * mistake stops the service before it consumes anything.
 */
public final class PublishSettings {

    public static final Setting<Set<StoreKind>> STORES = new Setting<>("publish.stores", "sqlite", StoreKind::parseList,
            "Stores to write, comma-separated: sqlite, postgres, files. Each gets its own consumer and progress", false);
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
    public static final Setting<NinjsProfile> FILES_PROFILE = new Setting<>("publish.files.profile", "official",
            PublishSettings::parseProfile,
            "official (validates against the IPTC ninjs schema) or extended (adds the 'wirestream' pipeline property)", false);
    public static final Setting<Boolean> FILES_FSYNC = Setting.bool("publish.files.fsync", true,
            "Force each ninjs file to disk before renaming it into place; false survives a killed process but not power loss");
    public static final Setting<KillMode> KILL_MODE = new Setting<>("publish.kill.mode", "withdraw", KillMode::parse,
            "What a kill does in every store: withdraw (keep a withdrawn marker) or delete (remove the content)", false);
    public static final Setting<String> TOPIC = Setting.string("publish.topic", Topics.ARTICLES.name(), "Topic to consume");
    public static final Setting<String> GROUP_ID_PREFIX = Setting.string("publish.group.id.prefix", "wirestream-publish",
            "Consumer group per store: <prefix>-<store>");
    public static final Setting<Integer> MAX_POLL_RECORDS = new Setting<>("publish.max.poll.records", "500",
            PublishSettings::parseAtLeastOne, "Records per batch (one store transaction)", false);
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

    public static final Setting<String> SUBSCRIBERS_FILE = Setting.string("publish.subscribers.file", "",
            "The subscribers file, the same one subscriber-service's subscribers.file names: with it the read API answers per subscriber key "
            + "(Authorization: Bearer), only with the copy each is entitled to; empty = the read API is open to anyone (a WARN at start)");
    public static final Setting<Duration> SUBSCRIBERS_RELOAD_INTERVAL = Setting.duration("publish.subscribers.reload.interval", "2s",
            "How often the subscribers file is checked for a change (by content); new keys and products apply without a restart");
    public static final Setting<List<String>> API_OPERATOR_KEYS = new Setting<>("publish.api.operator.keys", "",
            PublishSettings::parseKeyHashes,
            "Comma list of sha256:<hex> hashes of operator keys that read everything through the read API (ops, bench, demo); "
            + "only used with publish.subscribers.file", false);

    public static final List<Setting<?>> ALL = List.of(STORES, DATA_DIR, SQLITE_PATH, POSTGRES_URL, POSTGRES_USER,
            POSTGRES_PASSWORD, POSTGRES_SCHEMA, POSTGRES_POOL_SIZE, POSTGRES_CONNECT_TIMEOUT, FILES_DIR, FILES_STATE_DIR,
            FILES_PROFILE, FILES_FSYNC, KILL_MODE, TOPIC, GROUP_ID_PREFIX, MAX_POLL_RECORDS, SESSION_TIMEOUT, RETRY_INITIAL, RETRY_MAX,
            EMBARGO_CHECK_INTERVAL, HTTP_HOST, HTTP_PORT, API_STORE, SUBSCRIBERS_FILE, SUBSCRIBERS_RELOAD_INTERVAL, API_OPERATOR_KEYS);

    private PublishSettings() {}

    /**
     * Reads every setting and the views that check settings against each other, so a mistake stops the service at
     * start-up, with the setting named, whether or not the configured stores would ever read it.
     */
    public static void validate(Settings settings) {
        ALL.forEach(settings::get);
        StoreSelection.of(settings);
        StoreConsumerSettings.of(settings);
    }

    private static NinjsProfile parseProfile(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "official" -> NinjsProfile.OFFICIAL;
            case "extended" -> NinjsProfile.WITH_PIPELINE_EXTENSION;
            default -> throw new IllegalArgumentException("must be official or extended");
        };
    }

    private static final java.util.regex.Pattern KEY_HASH = java.util.regex.Pattern.compile("sha256:[0-9a-f]{64}");

    private static List<String> parseKeyHashes(String text) {
        List<String> hashes = new java.util.ArrayList<>();
        for (String part : text.split(",")) {
            String hash = part.strip();
            if (hash.isEmpty()) {
                continue;
            }
            if (!KEY_HASH.matcher(hash).matches()) {
                throw new IllegalArgumentException("must be sha256:<64 lower-case hex> hashes of the keys (never a key itself), comma-separated");
            }
            hashes.add(hash);
        }
        return List.copyOf(hashes);
    }

    private static Integer parseAtLeastOne(String text) {
        int value = Integer.parseInt(text.trim());
        if (value < 1) {
            throw new IllegalArgumentException("must be at least 1");
        }
        return value;
    }
}
