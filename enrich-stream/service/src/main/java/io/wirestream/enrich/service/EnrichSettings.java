package io.wirestream.enrich.service;

import io.wirestream.contracts.topics.Topics;
import io.wirestream.enrich.normalise.NormaliserLimits;
import io.wirestream.enrich.normalise.RightsDefaults;
import io.wirestream.enrich.normalise.SourceDefaults;
import io.wirestream.newsformats.format.WireFormat;
import io.wirestream.runtime.config.KafkaSettings;
import io.wirestream.runtime.config.Setting;
import io.wirestream.runtime.config.Settings;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Properties;

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
    public static final Setting<Long> ROCKSDB_MEMORY_BYTES = Setting.longValue("enrich.rocksdb.memory.bytes", 192L * 1024 * 1024,
            "Memory outside the heap that all RocksDB stores of the process share: one block cache, with memtables (at most half) and index and filter blocks charged to it. Without a bound each store, task and window segment takes its own (57 RocksDB instances at 3 partitions), which grows past a container's limit. 0: RocksDB's own defaults, unbounded");
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

    public static final Setting<String> TAGGING_NER_MODEL = new Setting<>("enrich.tagging.ner.model", "",
            EnrichSettings::nerModelFile,
            "A trained English name-finder model file (made with 'wire quality tagging --train-model' from your own licensed copy of CoNLL-2003; none ships with Wirestream) that finds people, organisations and places in English copy instead of the rules; the curated knowledge still links the names to ids and applies titles, legal forms and demonyms. Copy in other languages never uses it. Checked at start: an unreadable file or a model trained with other features is refused. Empty (the default): a model on the classpath at /io/wirestream/enrich/tagging/ner/en-ner.bin if a deployment put one there, else the rules", false);

    public static final Setting<Integer> HEALTH_MAX_THREAD_FAILURES = Setting.integer("enrich.health.max.thread.failures", 3,
            "Readiness fails (FAILING, with the last exception's reason) once this many stream threads failed within enrich.health.failure.window");
    public static final Setting<Duration> HEALTH_FAILURE_WINDOW = Setting.duration("enrich.health.failure.window", "5m",
            "The window in which stream thread failures are counted for readiness");
    public static final Setting<Duration> CLOSE_TIMEOUT = Setting.duration("enrich.close.timeout", "10s",
            "How long stop (SIGTERM) waits for the stream threads before giving up on them, even when a thread is failing");

    // What the normaliser assumes when an item does not say (SourceDefaults). Each is one setting holding a map,
    // "name=value,name=value", rather than a family of keys such as enrich.normalise.zone.agency.<name>: a family
    // would need a passthrough prefix, which refuses nothing misspelt under it and cannot come from environment
    // variables (WIRE_..._AGENCY_NTB_NO loses the name's case and dots), while a map is one declared key, set the same
    // way in the properties file and in the environment, and checked entry by entry at start.
    public static final Setting<Map<String, ZoneId>> NORMALISE_PROVIDER_ZONES = new Setting<>(
            "enrich.normalise.provider.zones", SourceDefaults.BUILT_IN_PROVIDER_ZONES, SourceDefaults::zones,
            "Time zone of times written without one, by the provider the item names (G2 provider, NewsML 1 ProviderId, NITF doc-id regsrc, distributor or copyright holder, ninjs provider, infosources, source or copyrightholder, a known agency in a ninjs byline or uri, a known agency in the IPTC 7901 header, AP JSON provider, Ritzau XML; any case, a code such as nprov:STT or a domain such as stt.fi matches by its name, and a known agency's full name by its key: Norsk Telegrambyrå is ntb): provider=Region/City,... Looked up first. Setting it replaces the default list, so restate the entries you keep", false);
    public static final Setting<Map<String, ZoneId>> NORMALISE_AGENCY_ZONES = new Setting<>(
            "enrich.normalise.agency.zones", "", SourceDefaults::zones,
            "Time zone of times written without one, by the agency that pushed the item (its RawItem agency), for items whose provider has none in enrich.normalise.provider.zones: agency=Region/City,...", false);
    public static final Setting<Map<WireFormat, ZoneId>> NORMALISE_FORMAT_ZONES = new Setting<>(
            "enrich.normalise.format.zones", "", SourceDefaults::formatZones,
            "Time zone of times written without one, by wire format (nitf, newsml-g2, newsml-1, ninjs, ...), when neither the provider nor the agency has one. With none at all such times are read as UTC and reported as zone-less", false);
    public static final Setting<Map<String, String>> NORMALISE_PROVIDER_LANGUAGES = new Setting<>(
            "enrich.normalise.provider.languages", SourceDefaults.BUILT_IN_PROVIDER_LANGUAGES, SourceDefaults::languages,
            "Language (BCP-47) of stories that declare none, by the provider the item names (matched as in enrich.normalise.provider.zones): provider=en,... Comes before detection, which needs more text than short copy has. The default lists the agencies whose wire runs in one language; agencies with services in several (AP, AFP, dpa, Reuters, STT) are left to detection. Setting it replaces the default list, so restate the entries you keep", false);
    public static final Setting<Map<String, String>> NORMALISE_AGENCY_LANGUAGES = new Setting<>(
            "enrich.normalise.agency.languages", "", SourceDefaults::languages,
            "Language (BCP-47) of stories that declare none, by the agency that pushed the item, for items whose provider has none in enrich.normalise.provider.languages: agency=fi,...", false);

    // Usage terms are sentences with commas of their own, so rights are not a name=value,... map but a file of
    // Java properties (one entry a line, any character, read once at start and checked entry by entry).
    public static final Setting<RightsDefaults> NORMALISE_RIGHTS_FILE = new Setting<>(
            "enrich.normalise.rights.file", "", EnrichSettings::rightsFile,
            "A Java properties file of the rights assumed for copy that carries none: provider.<name>.<field> or agency.<name>.<field> = value, where the field is copyrightholder, copyrightnotice or usageterms and the name is matched as in enrich.normalise.provider.zones (provider) or is the pushing agency. Looked up field by field, provider first; what an item says always wins. Empty (the default): nothing is assumed, and copy without rights carries none", false);

    public static final Setting<Integer> NORMALISE_INLINE_MAX_BYTES = new Setting<>(
            "enrich.normalise.inline.max.bytes", String.valueOf(NormaliserLimits.DEFAULT_INLINE_MAX_BYTES),
            EnrichSettings::nonNegativeInt,
            "Raw items up to this many bytes are normalised on the stream thread, within the per-item time budget that the parsers check as they go; larger ones on the normaliser's worker pool, whose budget also cuts off a parser that stops checking. Handing a small item to a worker and waiting for it cost more than its parse on a busy machine. 0 sends every item to the pool", false);

    public static final List<Setting<?>> ALL = List.of(APPLICATION_ID, STATE_DIR, STREAM_THREADS, COMMIT_INTERVAL,
            CACHE_MAX_BYTES, ROCKSDB_MEMORY_BYTES, STANDBY_REPLICAS, KILL_TOMBSTONE_GRACE,
            EMBARGO_CHECK_INTERVAL, EMBARGO_MAX_AHEAD, HTTP_PORT, HTTP_HOST, DEDUPE_WINDOW, DEDUPE_HOLD_BACK, LINKS_WINDOW,
            LINKS_MAX, LINKS_CACHE_POSTINGS, HEALTH_MAX_THREAD_FAILURES, HEALTH_FAILURE_WINDOW, CLOSE_TIMEOUT,
            NORMALISE_PROVIDER_ZONES, NORMALISE_AGENCY_ZONES, NORMALISE_FORMAT_ZONES, NORMALISE_PROVIDER_LANGUAGES,
            NORMALISE_AGENCY_LANGUAGES, NORMALISE_RIGHTS_FILE, NORMALISE_INLINE_MAX_BYTES, TAGGING_NER_MODEL);

    /** The normaliser's limits (its defaults) with what these settings assume about sources. */
    public static NormaliserLimits normaliserLimits(Settings settings) {
        return NormaliserLimits.defaults().withSources(SourceDefaults.none()
                .withProviderZones(settings.get(NORMALISE_PROVIDER_ZONES))
                .withAgencyZones(settings.get(NORMALISE_AGENCY_ZONES))
                .withFormatZones(settings.get(NORMALISE_FORMAT_ZONES))
                .withProviderLanguages(settings.get(NORMALISE_PROVIDER_LANGUAGES))
                .withAgencyLanguages(settings.get(NORMALISE_AGENCY_LANGUAGES))
                .withRights(settings.get(NORMALISE_RIGHTS_FILE)))
                .withInlineMaxBytes(settings.get(NORMALISE_INLINE_MAX_BYTES));
    }

    /** The rights file named by {@link #NORMALISE_RIGHTS_FILE}, read as UTF-8 properties; blank is none. */
    static RightsDefaults rightsFile(String path) {
        if (path == null || path.isBlank()) {
            return RightsDefaults.none();
        }
        Properties entries = new Properties();
        try (Reader in = Files.newBufferedReader(Path.of(path.trim()), StandardCharsets.UTF_8)) {
            entries.load(in);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("cannot read the rights file " + path.trim() + ": " + e);
        }
        try {
            return RightsDefaults.fromProperties(entries);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("in " + path.trim() + ": " + e.getMessage());
        }
    }

    /** The model path, trimmed; a named file must be readable (its features are checked when the tagger loads it). */
    static String nerModelFile(String path) {
        String trimmed = path == null ? "" : path.trim();
        if (!trimmed.isEmpty() && !Files.isReadable(Path.of(trimmed))) {
            throw new IllegalArgumentException("the NER model " + trimmed + " is not a readable file");
        }
        return trimmed;
    }

    private static int nonNegativeInt(String text) {
        int value = Integer.parseInt(text.trim());
        if (value < 0) {
            throw new IllegalArgumentException("must be 0 or more, not " + value);
        }
        return value;
    }

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
