package io.wirestream.enrich.service;

import io.wirestream.contracts.topics.Topics;
import io.wirestream.runtime.config.KafkaSettings;
import io.wirestream.runtime.config.Setting;
import io.wirestream.runtime.config.Settings;
import java.time.Duration;
import java.util.List;

/** Settings of enrich-stream (plus the shared {@link io.wirestream.runtime.config.KafkaSettings}). */
public final class EnrichSettings {

    public static final Setting<String> APPLICATION_ID = Setting.string("enrich.application.id", "wirestream-enrich",
            "Kafka Streams application id; also the consumer group operators see in the lag monitor");
    public static final Setting<String> STATE_DIR = Setting.string("enrich.state.dir", "./wire-data/enrich-state",
            "Where Kafka Streams keeps its RocksDB state");
    public static final Setting<Integer> STREAM_THREADS = Setting.integer("enrich.stream.threads", 1,
            "Stream threads per instance");
    public static final Setting<Duration> COMMIT_INTERVAL = Setting.duration("enrich.commit.interval", "100ms",
            "How often Kafka Streams commits (commit.interval.ms). Under exactly-once a record reaches the next stage, and wire.articles, only when its transaction commits, so each internal hop waits up to this long: lower cuts latency, higher cuts transaction markers per item");
    public static final Setting<Long> CACHE_MAX_BYTES = Setting.longValue("enrich.cache.max.bytes", 10L * 1024 * 1024,
            "Record cache shared by the stream threads (statestore.cache.max.bytes): state written several times between commits reaches its changelog once");
    public static final Setting<Integer> STANDBY_REPLICAS = Setting.integer("enrich.standby.replicas", 0,
            "Warm copies of each task's state kept on other instances (num.standby.replicas), so a failed instance's tasks resume without restoring from the changelogs");
    public static final Setting<Duration> KILL_TOMBSTONE_GRACE = Setting.duration("enrich.kill.tombstone.grace", "7d",
            "How long a killed story stays on wire.articles as a withdrawn record before a tombstone removes it");
    public static final Setting<Duration> EMBARGO_CHECK_INTERVAL = Setting.duration("enrich.embargo.check.interval", "1s",
            "How often held embargoed stories are checked for release");
    public static final Setting<Duration> EMBARGO_MAX_AHEAD = Setting.duration("enrich.embargo.max.ahead", "30d",
            "Furthest ahead an embargo is held for timed release; a story embargoed beyond it goes out as withheld (signal embargo-beyond-horizon) for a person or a later version to settle");
    public static final Setting<Integer> HTTP_PORT = Setting.integer("enrich.http.port", 8082,
            "Port of /health and /metrics (0 for any free port)");
    public static final Setting<String> HTTP_HOST = Setting.string("enrich.http.host", "0.0.0.0", "Address the HTTP server binds to");

    public static final Setting<Duration> DEDUPE_WINDOW = Setting.duration("enrich.dedupe.window", "7d",
            "How far back exact and near duplicates are looked for");
    public static final Setting<Duration> DEDUPE_HOLD_BACK = Setting.duration("enrich.dedupe.hold.back", "0s",
            "How long a new story waits, once its index answers are in, for an earlier-wired copy that reached the index out of order. 0 (the default) publishes at once: a copy found later joins the published story's cluster (the story is republished with the copy listed) and nothing is published twice. A hold-back only lets the earlier-wired copy head the cluster instead, and adds itself to every story's latency");
    public static final Setting<Duration> LINKS_WINDOW = Setting.duration("enrich.links.window", "7d",
            "How far back related stories are looked for");
    public static final Setting<Integer> LINKS_MAX = Setting.integer("enrich.links.max", 5, "Most related links per story");
    public static final Setting<Integer> LINKS_CACHE_POSTINGS = Setting.integer("enrich.links.cache.postings", 20_000,
            "Decoded postings each related-links index task keeps in memory in front of its store (about 250 bytes each), so a hot key is not read and decoded from RocksDB for every story; 0 reads the store every time");

    public static final Setting<Integer> HEALTH_MAX_THREAD_FAILURES = Setting.integer("enrich.health.max.thread.failures", 3,
            "Readiness fails (FAILING, with the last exception's reason) once this many stream threads failed within enrich.health.failure.window");
    public static final Setting<Duration> HEALTH_FAILURE_WINDOW = Setting.duration("enrich.health.failure.window", "5m",
            "The window in which stream thread failures are counted for readiness");
    public static final Setting<Duration> CLOSE_TIMEOUT = Setting.duration("enrich.close.timeout", "10s",
            "How long stop (SIGTERM) waits for the stream threads before giving up on them, even when a thread is failing");

    public static final List<Setting<?>> ALL = List.of(APPLICATION_ID, STATE_DIR, STREAM_THREADS, COMMIT_INTERVAL,
            CACHE_MAX_BYTES, STANDBY_REPLICAS, KILL_TOMBSTONE_GRACE,
            EMBARGO_CHECK_INTERVAL, EMBARGO_MAX_AHEAD, HTTP_PORT, HTTP_HOST, DEDUPE_WINDOW, DEDUPE_HOLD_BACK, LINKS_WINDOW,
            LINKS_MAX, LINKS_CACHE_POSTINGS, HEALTH_MAX_THREAD_FAILURES, HEALTH_FAILURE_WINDOW, CLOSE_TIMEOUT);

    /**
     * Partitions of the two index topics whose senders group keys by partition (dedupe's by-index-key, links'
     * by-key): as many as the topics the service provisions, which is what Kafka Streams gave those topics before
     * their count was fixed (issue 16), so existing ones still match.
     */
    public static int indexPartitions(Settings settings) {
        int partitions = settings.get(KafkaSettings.PARTITIONS);
        return partitions > 0 ? partitions : Topics.RAW.defaultPartitions();
    }

    private EnrichSettings() {}
}
