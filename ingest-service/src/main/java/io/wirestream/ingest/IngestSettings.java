package io.wirestream.ingest;

import io.wirestream.runtime.config.Setting;
import java.time.Duration;
import java.util.List;

/**
 * Every setting ingest-service reads besides the shared {@link io.wirestream.runtime.config.KafkaSettings}. Keys go in a properties file; each has
 * an environment variable derived from its key ({@code ingest.http.port} becomes {@code WIRE_INGEST_HTTP_PORT}).
 */
public final class IngestSettings {

    public static final Setting<String> HTTP_HOST = Setting.string("ingest.http.host", "0.0.0.0",
            "Address the push API and health endpoints listen on");
    public static final Setting<Integer> HTTP_PORT = Setting.integer("ingest.http.port", 8080,
            "Port of the push API, /health/* and /metrics (0 picks a free port)");
    public static final Setting<String> CREDENTIALS_FILE = Setting.string("ingest.credentials.file", "ingest-credentials.txt",
            "Agency API key hashes, one '<agency> sha256:<hex>' per line; re-read when it changes, so keys rotate without a restart");
    public static final Setting<Duration> CREDENTIALS_RECHECK = Setting.duration("ingest.credentials.recheck", "1s",
            "How often at most the credentials file is checked for changes");
    public static final Setting<Long> MAX_BODY_BYTES = Setting.longValue("ingest.max.body.bytes", 4L * 1024 * 1024,
            "Largest accepted item in bytes (larger: 413, judged while the body streams in); at most a quarter of kafka.max.record.bytes");
    public static final Setting<Integer> BATCH_MAX_ITEMS = Setting.integer("ingest.batch.max.items", 100,
            "Most items in one batch request (more: 413)");
    public static final Setting<Long> BATCH_MAX_BYTES = Setting.longValue("ingest.batch.max.bytes", 8L * 1024 * 1024,
            "Largest batch request in bytes (larger: 413, judged while the body streams in); bounds one batch's memory");
    public static final Setting<Integer> MAX_ID_BYTES = Setting.integer("ingest.max.id.bytes", 1024,
            "Longest agency item id or version label, in UTF-8 bytes (longer: 422 id_too_long); ids become record keys and store keys");
    public static final Setting<Integer> HTTP_MAX_HEADER_BYTES = Setting.integer("ingest.http.max.header.bytes", 8 * 1024,
            "Largest request line plus headers in bytes (larger: 431)");
    public static final Setting<Duration> HTTP_HEADER_TIMEOUT = Setting.duration("ingest.http.header.timeout", "10s",
            "Longest time from a request's first byte to the end of its headers; a slower client's connection is closed");
    public static final Setting<Duration> HTTP_IDLE_TIMEOUT = Setting.duration("ingest.http.idle.timeout", "30s",
            "Longest silence on a connection, between requests or inside a body, before it is closed");
    public static final Setting<Long> HTTP_MIN_DATA_RATE = Setting.longValue("ingest.http.min.data.rate", 1024L,
            "Slowest average rate in bytes per second a request body may arrive at, after a grace of ingest.http.header.timeout (slower: the connection is closed; 0: none)");
    public static final Setting<Double> RATE_PER_SECOND = new Setting<>("ingest.rate.per.second", "50", Double::valueOf,
            "Items per second one agency may push on average (above: 429 with Retry-After)", false);
    public static final Setting<Integer> RATE_BURST = Setting.integer("ingest.rate.burst", 200,
            "Items one agency may push at once before the per-second rate applies");
    public static final Setting<String> RATE_OVERRIDES = Setting.string("ingest.rate.overrides", "",
            "Per-agency rates, comma-separated 'agency=perSecond[/burst]', e.g. 'reuters=200/1000,small=5'");
    public static final Setting<Double> LOOKUP_RATE_PER_SECOND = new Setting<>("ingest.lookup.rate.per.second", "50", Double::valueOf,
            "Receipt look-ups (GET /v1/items/{receipt}) per second one agency may make on average, apart from its push rate (above: 429 with Retry-After)", false);
    public static final Setting<Integer> LOOKUP_RATE_BURST = Setting.integer("ingest.lookup.rate.burst", 200,
            "Receipt look-ups one agency may make at once before the per-second look-up rate applies");
    public static final Setting<String> LOOKUP_RATE_OVERRIDES = Setting.string("ingest.lookup.rate.overrides", "",
            "Per-agency look-up rates, comma-separated 'agency=perSecond[/burst]'");
    public static final Setting<Integer> LOOKUP_MAX_CONCURRENT = Setting.integer("ingest.lookup.max.concurrent", 8,
            "Receipt look-ups in progress at once, all agencies together (more: 503 with Retry-After at once, so look-ups never hold the threads pushes need)");
    public static final Setting<Duration> KAFKA_TIMEOUT = Setting.duration("ingest.kafka.timeout", "10s",
            "Longest wait for Kafka to acknowledge an item; beyond it the push gets 503 with Retry-After");
    public static final Setting<Duration> STARTUP_TIMEOUT = Setting.duration("ingest.startup.timeout", "60s",
            "How long start-up waits for Kafka to create or check wire.raw before giving up");
    public static final Setting<Duration> RETRY_AFTER = Setting.duration("ingest.retry.after", "5s",
            "Retry-After sent with 503 when Kafka is unavailable");
    public static final Setting<String> STATE_DIR = Setting.string("ingest.state.dir", "ingest-state",
            "Directory for the pull sources' durable state (seen feed entries, ETag/Last-Modified)");
    public static final Setting<String> SOURCES_FILE = Setting.string("ingest.sources.file", "",
            "Pull sources, one per line: 'feed <agency> <url> [every=5m]' or 'folder <agency> <path>'; empty: none");
    public static final Setting<Duration> FEED_DEFAULT_INTERVAL = Setting.duration("ingest.feed.interval", "5m",
            "Poll interval of a feed whose line in the sources file has no 'every='");
    public static final Setting<Duration> FEED_HTTP_TIMEOUT = Setting.duration("ingest.feed.http.timeout", "30s",
            "Deadline of one feed request: connecting, and reading the whole body");
    public static final Setting<Long> FEED_MAX_BYTES = Setting.longValue("ingest.feed.max.bytes", 16L * 1024 * 1024,
            "Largest feed document in bytes; reading stops there and the poll is skipped");
    public static final Setting<Duration> DROP_SCAN_INTERVAL = Setting.duration("ingest.dropfolder.scan.interval", "2s",
            "How often drop folders are scanned; a file is taken once its size and time stayed the same for one interval");
    public static final Setting<String> FATE_URL = Setting.string("ingest.fate.url", "",
            "publish-service's read API (e.g. http://publish-service:8083), asked what became of an item when its agency looks up a receipt; empty: receipts say only that Kafka holds the item");
    public static final Setting<String> FATE_KEY = Setting.secret("ingest.fate.key",
            "A key publish-service's read API takes for item lineage, i.e. one of its operator keys (secret; also from WIRE_INGEST_FATE_KEY_FILE); empty when that API is open");
    public static final Setting<Duration> FATE_TIMEOUT = Setting.duration("ingest.fate.timeout", "2s",
            "Longest wait for publish-service's answer to a fate lookup; beyond it the receipt's fate is 'unknown' (publish-service unreachable)");

    public static final List<Setting<?>> ALL = List.of(HTTP_HOST, HTTP_PORT, CREDENTIALS_FILE, CREDENTIALS_RECHECK,
            MAX_BODY_BYTES, BATCH_MAX_ITEMS, BATCH_MAX_BYTES, MAX_ID_BYTES, HTTP_MAX_HEADER_BYTES, HTTP_HEADER_TIMEOUT, HTTP_IDLE_TIMEOUT,
            HTTP_MIN_DATA_RATE, RATE_PER_SECOND, RATE_BURST, RATE_OVERRIDES,
            LOOKUP_RATE_PER_SECOND, LOOKUP_RATE_BURST, LOOKUP_RATE_OVERRIDES, LOOKUP_MAX_CONCURRENT, KAFKA_TIMEOUT, STARTUP_TIMEOUT, RETRY_AFTER,
            STATE_DIR, SOURCES_FILE, FEED_DEFAULT_INTERVAL, FEED_HTTP_TIMEOUT, FEED_MAX_BYTES, DROP_SCAN_INTERVAL,
            FATE_URL, FATE_KEY, FATE_TIMEOUT);

    private IngestSettings() {}
}
