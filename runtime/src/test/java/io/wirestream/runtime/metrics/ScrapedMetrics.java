package io.wirestream.runtime.metrics;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one {@code /metrics} answer (Prometheus text format) holds: each family with its type, each sample name, and
 * the naming rules Wirestream holds its own families to. Test code only; every module's tests may use it through
 * runtime's test jar.
 */
public final class ScrapedMetrics {

    /** Families named by the libraries (Micrometer's JVM, process and system binders; the Kafka clients'), not by us. */
    public static final List<String> FOREIGN_PREFIXES = List.of("jvm_", "process_", "system_", "kafka_");
    public static final String OURS = "wirestream_";

    /**
     * Our gauges: values that go up and down. A gauge of ours not listed here fails the rules, so a new one is a choice
     * made in review: a count (anything that only grows while the process runs) must be a counter instead. Timers'
     * {@code _max} gauges are allowed with their histogram.
     */
    public static final Set<String> GAUGES = Set.of(
            "wirestream_lag_records", "wirestream_lag_seconds",                          // ops: lag per partition
            "wirestream_lag_group_records", "wirestream_lag_group_seconds", "wirestream_lag_group_status",
            "wirestream_group_consumed_records_per_second", "wirestream_topic_written_records_per_second",
            "wirestream_service_ready",                                                 // ops: readiness, 1 or 0
            "wirestream_freshness_quantile_seconds",                                    // recent percentiles
            "wirestream_publish_store_up",                                              // 1 or 0 per store
            "wirestream_enrich_failing",                                                // 1 or 0
            "wirestream_subscribers_configured", "wirestream_subscribers_config_valid", // subscribers in force; 1 or 0
            "wirestream_subscribers_webhook_queued", "wirestream_subscribers_webhook_retrying", // per subscriber: waiting; 1 or 0
            "wirestream_subscribers_webhook_lag_seconds",                               // age of the oldest waiting delivery
            "wirestream_subscribers_webhook_state",                                     // per subscriber: 0 OK .. 3 DEAD_LETTERED
            "wirestream_subscribers_fanout_lag_records", "wirestream_subscribers_fanout_lag_seconds", // behind wire.articles
            "wirestream_subscribers_last_delivery_timestamp_seconds");                  // per subscriber and channel: a time

    private static final Pattern TYPE = Pattern.compile("^# TYPE (\\S+) (\\S+)$");
    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)[{ ]");

    private final Map<String, String> families;
    private final Set<String> samples;

    private ScrapedMetrics(Map<String, String> families, Set<String> samples) {
        this.families = families;
        this.samples = samples;
    }

    public static ScrapedMetrics parse(String scrape) {
        Map<String, String> families = new LinkedHashMap<>();
        Set<String> samples = new TreeSet<>();
        for (String line : scrape.split("\n")) {
            Matcher type = TYPE.matcher(line);
            if (type.matches()) {
                families.put(type.group(1), type.group(2));
                continue;
            }
            Matcher sample = SAMPLE.matcher(line);
            if (!line.startsWith("#") && sample.find()) {
                samples.add(sample.group(1));
            }
        }
        return new ScrapedMetrics(Collections.unmodifiableMap(families), Collections.unmodifiableSet(samples));
    }

    /** Family name to type ({@code counter}, {@code gauge}, {@code histogram}, {@code summary}, ...). */
    public Map<String, String> families() {
        return families;
    }

    /** The name of every sample line: what a query can select ({@code _bucket}, {@code _count}, {@code _total} included). */
    public Set<String> sampleNames() {
        return samples;
    }

    /**
     * Every break of the rules: a family that is neither ours ({@value #OURS}) nor a library's; a counter of ours whose
     * samples do not end in {@code _total}; a gauge of ours that is not one of the {@link #GAUGES} (a count kept as a
     * gauge); a timer or distribution of ours without its unit ({@code _seconds}, {@code _bytes}) in the name.
     */
    public List<String> conventionProblems() {
        List<String> problems = new ArrayList<>();
        families.forEach((name, type) -> {
            if (FOREIGN_PREFIXES.stream().anyMatch(name::startsWith)) {
                return;
            }
            if (!name.startsWith(OURS)) {
                problems.add(name + " (" + type + ") is not under " + OURS);
                return;
            }
            switch (type) {
                case "counter" -> {
                    if (!samplesOf(name).stream().allMatch(s -> s.endsWith("_total"))) {
                        problems.add(name + " is a counter whose samples " + samplesOf(name) + " do not end in _total");
                    }
                }
                case "gauge" -> {
                    boolean timerMax = name.endsWith("_max") && families.containsKey(name.substring(0, name.length() - 4));
                    if (!GAUGES.contains(name) && !timerMax) {
                        problems.add(name + " is a gauge but not one of the values that go up and down"
                                + " (ScrapedMetrics.GAUGES): a count must be a counter (_total)");
                    }
                }
                case "histogram", "summary" -> {
                    String base = name.replaceFirst("_max$", "");
                    if (!base.endsWith("_seconds") && !base.endsWith("_bytes")) {
                        problems.add(name + " is a " + type + " without its unit (_seconds or _bytes) in the name");
                    }
                }
                default -> problems.add(name + " has type " + type + ", which Wirestream does not publish");
            }
        });
        return problems;
    }

    private List<String> samplesOf(String family) {
        String base = family.replaceFirst("_total$", "");
        return samples.stream().filter(s -> s.equals(base) || s.equals(base + "_total") || s.equals(base + "_created")).toList();
    }
}
