package io.wirestream.ops.lag;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Burrow-style status of a consumer group from a sliding window of its samples. Pure: no clock, no Kafka.
 *
 * <p>Rules per partition, first match wins:
 * <ol>
 *   <li>nothing waiting in the latest sample: OK (an idle topic is never an alarm, and a recovered consumer is OK
 *       again as soon as it has caught up);</li>
 *   <li>records waiting and no member in the group: STOP;</li>
 *   <li>log end offset unknown, or the committed offset went backwards inside the window: ERR;</li>
 *   <li>window too short to judge a trend (fewer than {@code minSamples} or spanning less than {@code minSpan}): OK;</li>
 *   <li>lag zero at any sample of the window: OK (as in Burrow: a consumer that was caught up moments ago is not
 *       stuck; on a quiet wire the first new item would otherwise look like a stall);</li>
 *   <li>committed offset the same over the whole window while records wait: STALL;</li>
 *   <li>offsets moving but lag never falling and higher at the end than at the start: WARN;</li>
 *   <li>otherwise OK (consuming, lag steady or falling).</li>
 * </ol>
 * The span minimum guards against calling a consumer stalled merely because it commits less often than we sample.
 */
public final class LagEvaluator {

    private final int minSamples;
    private final Duration minSpan;

    public LagEvaluator(int minSamples, Duration minSpan) {
        if (minSamples < 2) {
            throw new IllegalArgumentException("a trend needs at least 2 samples, got " + minSamples);
        }
        this.minSamples = minSamples;
        this.minSpan = Objects.requireNonNull(minSpan);
    }

    /** @param window samples of one group, oldest first; must not be empty */
    public GroupEvaluation evaluate(List<GroupSample> window) {
        if (window.isEmpty()) {
            throw new IllegalArgumentException("no sample to evaluate");
        }
        GroupSample latest = window.get(window.size() - 1);
        if (latest.error() != null) {
            return new GroupEvaluation(latest.group(), latest.sampledAt(), latest.state(), latest.members(),
                    LagStatus.ERR, "sampling failed: " + latest.error(), 0, 0, List.of());
        }
        List<PartitionEvaluation> partitions = new ArrayList<>();
        for (PartitionLag current : latest.partitions()) {
            partitions.add(evaluatePartition(historyOf(window, current.topic(), current.partition()), latest.members()));
        }
        partitions.sort(Comparator.comparing(PartitionEvaluation::topic).thenComparingInt(PartitionEvaluation::partition));

        LagStatus status = LagStatus.OK;
        String reason = partitions.isEmpty() ? "no committed offsets" : "consuming";
        long lagRecords = 0;
        double lagSeconds = 0;
        for (PartitionEvaluation p : partitions) {
            lagRecords += p.lagRecords();
            lagSeconds = Math.max(lagSeconds, p.lagSeconds());
            if (p.status().ordinal() > status.ordinal()) {
                status = p.status();
                reason = p.topic() + "-" + p.partition() + ": " + p.reason();
            }
        }
        if (status == LagStatus.OK && !partitions.isEmpty() && lagRecords == 0) {
            reason = "caught up";
        }
        return new GroupEvaluation(latest.group(), latest.sampledAt(), latest.state(), latest.members(), status,
                reason, lagRecords, lagSeconds, partitions);
    }

    private static List<Observation> historyOf(List<GroupSample> window, String topic, int partition) {
        Map<Long, Observation> byTime = new LinkedHashMap<>();
        for (GroupSample sample : window) {
            if (sample.error() != null) {
                continue; // a failed round says nothing about the partition; the trend skips it
            }
            for (PartitionLag p : sample.partitions()) {
                if (p.topic().equals(topic) && p.partition() == partition) {
                    byTime.put(sample.sampledAt().toEpochMilli(), new Observation(sample.sampledAt().toEpochMilli(), p));
                }
            }
        }
        return new ArrayList<>(byTime.values());
    }

    private PartitionEvaluation evaluatePartition(List<Observation> history, int members) {
        PartitionLag latest = history.get(history.size() - 1).lag();
        PartitionLag first = history.get(0).lag();
        long lag = latest.lagRecords();

        if (latest.logEndOffset() < 0) {
            return verdict(latest, LagStatus.ERR, "log end offset unknown");
        }
        if (lag == 0) {
            return verdict(latest, LagStatus.OK, "caught up");
        }
        if (members == 0) {
            return verdict(latest, LagStatus.STOP, "no consumer attached while " + lag + " records wait");
        }
        for (int i = 1; i < history.size(); i++) {
            long before = history.get(i - 1).lag().committedOffset();
            long after = history.get(i).lag().committedOffset();
            if (after < before) {
                return verdict(latest, LagStatus.ERR, "committed offset went back from " + before + " to " + after);
            }
        }
        long spanMillis = history.get(history.size() - 1).atMillis() - history.get(0).atMillis();
        if (history.size() < minSamples || spanMillis < minSpan.toMillis()) {
            return verdict(latest, LagStatus.OK, "consuming (window too short to judge a trend)");
        }
        if (history.stream().anyMatch(o -> o.lag().lagRecords() == 0)) {
            return verdict(latest, LagStatus.OK, "consuming (caught up within the window)");
        }
        String span = String.format("%.1fs", spanMillis / 1000.0);
        if (first.committedOffset() == latest.committedOffset()) {
            String where = latest.neverCommitted()
                    ? "never committed (counted from log start " + latest.committedOffset() + ")"
                    : "offset " + latest.committedOffset() + " has not moved";
            return verdict(latest, LagStatus.STALL, where + " for " + span + " while " + lag + " records wait");
        }
        if (lagNeverFell(history) && lag > first.lagRecords()) {
            return verdict(latest, LagStatus.WARN, "lag grew from " + first.lagRecords() + " to " + lag + " over " + span);
        }
        return verdict(latest, LagStatus.OK, "consuming");
    }

    private static boolean lagNeverFell(List<Observation> history) {
        for (int i = 1; i < history.size(); i++) {
            if (history.get(i).lag().lagRecords() < history.get(i - 1).lag().lagRecords()) {
                return false;
            }
        }
        return true;
    }

    private static PartitionEvaluation verdict(PartitionLag p, LagStatus status, String reason) {
        return new PartitionEvaluation(p.topic(), p.partition(), p.committedOffset(), p.logEndOffset(), p.lagRecords(),
                p.lagSeconds(), p.lagSecondsSource(), status, reason);
    }

    private record Observation(long atMillis, PartitionLag lag) {
    }
}
