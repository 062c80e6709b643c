package io.wirestream.ops.web;

import io.wirestream.contracts.topics.Topics;
import io.wirestream.ops.health.ServiceHealth;
import io.wirestream.ops.subscribers.SubscribersReport;
import io.wirestream.runtime.metrics.FreshnessFigures;
import io.wirestream.runtime.metrics.FreshnessRecorder;
import io.wirestream.ops.lag.GroupEvaluation;
import io.wirestream.ops.lag.GroupRate;
import io.wirestream.ops.lag.LagReport;
import io.wirestream.ops.lag.LagStatus;
import io.wirestream.ops.lag.PartitionEvaluation;
import io.wirestream.ops.lag.TopicRate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Puts the ops page's figures together from the lag monitor, the freshness recorder and the two topic tails. Knows the
 * pipeline's shape (ingest writes wire.raw, enrich turns it into wire.articles and wire.rejected, each publish group
 * fills one store) only to name and order the stages; any other watched group shows up as a stage of its own.
 */
public final class OpsDashboard {

    private static final String RAW = Topics.RAW.name();
    private static final String ARTICLES = Topics.ARTICLES.name();
    private static final String REJECTED = Topics.REJECTED.name();
    public static final String ENRICH_GROUP = "wirestream-enrich";
    public static final String INGEST_SERVICE = "ingest-service";
    public static final String ENRICH_SERVICE = "enrich-stream";
    public static final String PUBLISH_SERVICE = "publish-service";
    public static final String SUBSCRIBER_SERVICE = "subscriber-service";
    public static final String SUBSCRIBERS_GROUP = "wirestream-subscribers";
    private static final String GROUP_PREFIX = "wirestream-";

    private final Supplier<LagReport> lag;
    private final FreshnessRecorder freshness;
    private final LatestStories stories;
    private final RecentRejections rejections;
    private final Clock clock;
    private final int listSize;
    private final Supplier<List<ServiceHealth>> services;
    private final Supplier<List<SubscribersReport>> subscribers;

    public OpsDashboard(Supplier<LagReport> lag, FreshnessRecorder freshness, LatestStories stories,
                        RecentRejections rejections, Clock clock, int listSize) {
        this(lag, freshness, stories, rejections, clock, listSize, List::of);
    }

    /** @param services the latest readiness of the services ops asks; a service that is not ready makes its stage ERR */
    public OpsDashboard(Supplier<LagReport> lag, FreshnessRecorder freshness, LatestStories stories,
                        RecentRejections rejections, Clock clock, int listSize, Supplier<List<ServiceHealth>> services) {
        this(lag, freshness, stories, rejections, clock, listSize, services, List::of);
    }

    /**
     * @param subscribers what each subscriber-service said of its subscribers; a subscriber whose webhook retries makes
     *                    the overall status at least WARN, one whose webhook gives up or has dead-lettered ERR
     */
    public OpsDashboard(Supplier<LagReport> lag, FreshnessRecorder freshness, LatestStories stories,
                        RecentRejections rejections, Clock clock, int listSize, Supplier<List<ServiceHealth>> services,
                        Supplier<List<SubscribersReport>> subscribers) {
        this.services = services;
        this.subscribers = subscribers;
        this.lag = lag;
        this.freshness = freshness;
        this.stories = stories;
        this.rejections = rejections;
        this.clock = clock;
        this.listSize = listSize;
    }

    public OpsSnapshot snapshot() {
        LagReport report = lag.get();
        List<RejectionView> recentRejections = rejections.latest(listSize);
        Map<String, Long> reasons = new TreeMap<>();
        recentRejections.forEach(r -> reasons.merge(r.stage() + "/" + r.reason(), 1L, Long::sum));
        List<FreshnessFigures> figures = freshness == null ? List.of() : freshness.figures();
        List<ServiceHealth> health = services.get();
        List<StageView> stages = withHealth(stages(report), health);
        List<SubscribersReport> subscriberReports = subscribers.get();
        LagStatus overall = stages.stream().map(StageView::status).reduce(report.worstStatus(), LagStatus::worse);
        overall = subscriberReports.stream().map(SubscribersReport::status).reduce(overall, LagStatus::worse);
        return new OpsSnapshot(clock.instant(), overall.name(), stages, report, figures,
                recentRejections, reasons, stories.latest(listSize), health, subscriberReports);
    }

    public List<SubscribersReport> subscribers() {
        return subscribers.get();
    }

    public List<ServiceHealth> services() {
        return services.get();
    }

    /**
     * A service that is not ready turns its stages ERR with the service's own reason: offsets alone cannot tell a
     * stream app whose threads keep failing from one that is merely between rebalances. A service ops knows no stage
     * of (any other name) adds a stage of its own.
     */
    static List<StageView> withHealth(List<StageView> stages, List<ServiceHealth> health) {
        List<StageView> result = new ArrayList<>(stages);
        for (ServiceHealth h : health) {
            if (h.ready()) {
                if (h.warning() != null) {
                    warn(result, h);
                }
                continue;
            }
            String reason = h.service() + " not ready: " + h.reason();
            boolean matched = false;
            for (int i = 0; i < result.size(); i++) {
                StageView s = result.get(i);
                if (belongsTo(s, h.service())) {
                    result.set(i, new StageView(s.name(), s.group(), s.reads(), s.writes(), s.recordsPerSecond(),
                            s.records(), s.lagRecords(), s.lagSeconds(), LagStatus.ERR, reason));
                    matched = true;
                }
            }
            if (!matched) {
                result.add(new StageView(h.service(), null, List.of(), List.of(), 0, 0, 0, 0, LagStatus.ERR, reason));
            }
        }
        return result;
    }

    /**
     * A ready service that names a warning (it works around a problem, e.g. it refused a reloaded file and the previous
     * one stays in force) turns its OK stages WARN with that warning; a worse status a stage already has stays.
     */
    private static void warn(List<StageView> result, ServiceHealth h) {
        String reason = h.service() + ": " + h.warning();
        for (int i = 0; i < result.size(); i++) {
            StageView s = result.get(i);
            if (belongsTo(s, h.service()) && s.status() == LagStatus.OK) {
                result.set(i, new StageView(s.name(), s.group(), s.reads(), s.writes(), s.recordsPerSecond(),
                        s.records(), s.lagRecords(), s.lagSeconds(), LagStatus.WARN, reason));
            }
        }
    }

    /** By name prefix, so the instances of a scaled-out service (enrich-stream-2) mark the same stage. */
    private static boolean belongsTo(StageView stage, String service) {
        if (service.startsWith(INGEST_SERVICE)) {
            return stage.group() == null && stage.name().equals("ingest");
        }
        if (service.startsWith(ENRICH_SERVICE)) {
            return ENRICH_GROUP.equals(stage.group());
        }
        if (service.startsWith(PUBLISH_SERVICE)) {
            return stage.group() != null && stage.group().startsWith(GROUP_PREFIX + "publish-");
        }
        if (service.startsWith(SUBSCRIBER_SERVICE)) {
            // the fan-out's group and its webhook dispatcher's (wirestream-subscribers-webhooks)
            return stage.group() != null && (stage.group().equals(SUBSCRIBERS_GROUP) || stage.group().startsWith(SUBSCRIBERS_GROUP + "-"));
        }
        return false;
    }

    public LagReport lag() {
        return lag.get();
    }

    public List<FreshnessFigures> freshness() {
        return freshness == null ? List.of() : freshness.figures();
    }

    public List<StoryView> stories() {
        return stories.latest(listSize);
    }

    public List<RejectionView> rejections() {
        return rejections.latest(listSize);
    }

    static List<StageView> stages(LagReport report) {
        List<StageView> stages = new ArrayList<>();
        TopicRate raw = report.topic(RAW).orElse(new TopicRate(RAW, 0, 0));
        stages.add(new StageView("ingest", null, List.of(), List.of(RAW), raw.recordsPerSecond(), raw.endOffsets(),
                0, 0, LagStatus.OK, "writes " + RAW));

        List<GroupEvaluation> groups = new ArrayList<>(report.groups());
        groups.sort(Comparator.comparingInt((GroupEvaluation g) -> order(g.group())).thenComparing(GroupEvaluation::group));
        for (GroupEvaluation group : groups) {
            String internalPrefix = group.group() + "-";
            List<String> reads = group.partitions().stream().map(PartitionEvaluation::topic)
                    .filter(t -> !t.startsWith(internalPrefix)).distinct().sorted().toList();
            GroupRate rate = report.groupRate(group.group()).orElse(new GroupRate(group.group(), 0, 0));
            List<String> writes = group.group().equals(ENRICH_GROUP) ? List.of(ARTICLES, REJECTED) : List.of();
            stages.add(new StageView(stageName(group.group()), group.group(), reads, writes, rate.recordsPerSecond(),
                    rate.committed(), group.lagRecords(), group.lagSeconds(), group.status(), group.reason()));
        }
        return stages;
    }

    private static int order(String group) {
        if (group.equals(ENRICH_GROUP)) {
            return 0;
        }
        return group.startsWith(GROUP_PREFIX + "publish-") ? 1 : 2;
    }

    private static String stageName(String group) {
        return group.startsWith(GROUP_PREFIX) ? group.substring(GROUP_PREFIX.length()) : group;
    }
}
