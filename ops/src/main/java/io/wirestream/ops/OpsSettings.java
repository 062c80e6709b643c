package io.wirestream.ops;

import io.wirestream.contracts.topics.Topics;
import io.wirestream.ops.lag.LagMonitorSettings;
import io.wirestream.runtime.config.KafkaSettings;
import io.wirestream.runtime.config.Setting;
import io.wirestream.runtime.config.Settings;
import io.wirestream.runtime.kafka.KafkaClientConfigs;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The ops service's own settings; the cluster's (bootstrap, TLS, SASL, registry) come from {@link KafkaSettings}. */
public final class OpsSettings {

    public static final Setting<String> HTTP_HOST = Setting.string("ops.http.host", "127.0.0.1",
            "Address the ops page listens on (0.0.0.0 for every interface)");
    public static final Setting<Integer> HTTP_PORT = Setting.integer("ops.http.port", 8090, "Port of the ops page and its API");
    public static final Setting<String> LAG_GROUPS = Setting.string("ops.lag.groups", "",
            "Consumer groups to watch, comma-separated; empty watches every group with the prefix below");
    public static final Setting<String> LAG_GROUP_PREFIX = Setting.string("ops.lag.group.prefix",
            LagMonitorSettings.DEFAULT_GROUP_PREFIX, "Prefix of the consumer groups to watch when none are listed");
    public static final Setting<Duration> LAG_INTERVAL = Setting.duration("ops.lag.interval", "5s",
            "Time between lag samples");
    public static final Setting<Integer> LAG_WINDOW = Setting.integer("ops.lag.window", 10,
            "Samples in the sliding window a group's status is judged on");
    public static final Setting<Duration> LAG_MIN_SPAN = Setting.duration("ops.lag.min.span", "30s",
            "Time the window must span before WARN or STALL is called; keep it above the consumers' commit interval");
    public static final Setting<String> LAG_GROUP_INPUTS = Setting.string("ops.lag.group.inputs",
            "wirestream-enrich=" + Topics.RAW.name() + ";wirestream-publish-*=" + Topics.ARTICLES.name()
                    + ";wirestream-subscribers=" + Topics.ARTICLES.name(),
            "Input topics per group (GROUP=TOPIC,TOPIC entries separated by ';', GROUP may end in *): a group that has not "
                    + "committed on them is counted from the log start, so a stage stuck before its first commit shows lag");
    public static final Setting<String> HEALTH_URLS = Setting.string("ops.health.urls", "",
            "Readiness URLs ops asks, NAME=URL comma-separated (e.g. enrich-stream=http://enrich:8082/health/ready); "
                    + "a service that is not ready shows as ERR with its reason on the page, in /api/overview and /metrics");
    public static final Setting<Integer> TAIL_SIZE = Setting.integer("ops.tail.size", 50,
            "Stories and rejections kept for the page");

    public static final List<Setting<?>> ALL = List.of(HTTP_HOST, HTTP_PORT, LAG_GROUPS, LAG_GROUP_PREFIX, LAG_INTERVAL,
            LAG_WINDOW, LAG_MIN_SPAN, LAG_GROUP_INPUTS, HEALTH_URLS, TAIL_SIZE);

    private OpsSettings() {
    }

    /** Lag monitor settings for the cluster the settings name, security included. */
    public static LagMonitorSettings lagMonitor(Settings settings) {
        // the connection of the wire settings and kafka.client.*: each of the monitor's clients takes what its kind declares
        Map<String, String> client = new HashMap<>(KafkaClientConfigs.from(settings).asProperties());
        String bootstrap = client.remove("bootstrap.servers");
        List<String> groups = Arrays.stream(settings.get(LAG_GROUPS).split(",")).map(String::trim)
                .filter(s -> !s.isEmpty()).toList();
        int window = settings.get(LAG_WINDOW);
        return LagMonitorSettings.forCluster(bootstrap)
                .withClientProperties(client)
                .withGroups(groups)
                .withGroupPrefix(settings.get(LAG_GROUP_PREFIX))
                .withGroupInputs(LagMonitorSettings.parseInputs(Arrays.asList(settings.get(LAG_GROUP_INPUTS).split(";"))))
                .withSampling(settings.get(LAG_INTERVAL), window, Math.min(3, window), settings.get(LAG_MIN_SPAN));
    }
}
