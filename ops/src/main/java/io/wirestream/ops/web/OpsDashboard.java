package io.wirestream.ops.web;

import io.wirestream.platform.metrics.FreshnessFigures;
import io.wirestream.platform.metrics.FreshnessRecorder;
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

    public static final String RAW = "wire.raw";
    public static final String ARTICLES = "wire.articles";
    public static final String REJECTED = "wire.rejected";
    public static final String ENRICH_GROUP = "wirestream-enrich";
    private static final String GROUP_PREFIX = "wirestream-";

    private final Supplier<LagReport> lag;
    private final FreshnessRecorder freshness;
    private final LatestStories stories;
    private final RecentRejections rejections;
    private final Clock clock;
    private final int listSize;

    public OpsDashboard(Supplier<LagReport> lag, FreshnessRecorder freshness, LatestStories stories,
                        RecentRejections rejections, Clock clock, int listSize) {
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
        return new OpsSnapshot(clock.instant(), report.worstStatus().name(), stages(report), report, figures,
                recentRejections, reasons, stories.latest(listSize));
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
