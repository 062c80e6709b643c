package io.wirestream.ops.lag;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListStreamsGroupOffsetsSpec;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.GroupType;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;

/**
 * Samples the pipeline's consumer groups through the Admin API: members, committed offsets, log-end offsets, and the
 * age of the oldest unconsumed record (read from the record itself, else interpolated from earlier rounds).
 */
public final class KafkaClusterSampler implements ClusterSampler {

    private static final int TIMELINE_POINTS = 720;

    private final LagMonitorSettings settings;
    private final Clock clock;
    private final Admin admin;
    private final RecordTimestampProbe probe;
    private final Map<TopicPartition, OffsetTimeline> timelines = new HashMap<>();

    public KafkaClusterSampler(LagMonitorSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.admin = Admin.create(KafkaClientConfig.admin(settings, "wirestream-ops-lag-admin"));
        this.probe = new RecordTimestampProbe(settings);
    }

    @Override
    public ClusterSample sample() {
        Instant now = clock.instant();
        Map<String, GroupType> types = groupsToWatch();
        List<String> groups = new ArrayList<>(types.keySet());
        Map<String, KafkaFuture<Membership>> memberships = describe(types);
        Map<String, Map<TopicPartition, OffsetAndMetadata>> committed = new HashMap<>();
        Map<String, String> failures = new HashMap<>();
        for (String group : groups) {
            try {
                Map<TopicPartition, OffsetAndMetadata> offsets = await(committedOffsets(group, types.get(group)));
                Map<TopicPartition, OffsetAndMetadata> present = new HashMap<>();
                offsets.forEach((tp, om) -> {
                    if (om != null) {
                        present.put(tp, om);
                    }
                });
                committed.put(group, present);
            } catch (RuntimeException e) {
                failures.put(group, describe(e));
            }
        }

        Map<String, Set<TopicPartition>> neverCommitted = countUncommittedFromLogStart(committed);

        Set<TopicPartition> partitions = new HashSet<>(watchedTopicPartitions());
        committed.values().forEach(m -> partitions.addAll(m.keySet()));
        Map<TopicPartition, Long> ends = logEndOffsets(partitions);
        long nowMillis = now.toEpochMilli();
        ends.forEach((tp, end) -> timelines.computeIfAbsent(tp, k -> new OffsetTimeline(TIMELINE_POINTS)).add(nowMillis, end));

        Map<TopicPartition, Set<Long>> unconsumed = new HashMap<>();
        committed.values().forEach(m -> m.forEach((tp, om) -> {
            Long end = ends.get(tp);
            if (end != null && end > om.offset()) {
                unconsumed.computeIfAbsent(tp, k -> new HashSet<>()).add(om.offset());
            }
        }));
        Map<TopicPartition, Map<Long, Long>> writtenAt = new HashMap<>();
        Map<TopicPartition, Set<Long>> nothingToRead = new HashMap<>();
        probeUnconsumed(unconsumed, ends, writtenAt, nothingToRead);

        List<GroupSample> samples = new ArrayList<>();
        for (String group : groups) {
            if (failures.containsKey(group)) {
                samples.add(GroupSample.failed(group, now, failures.get(group)));
                continue;
            }
            String state = "UNKNOWN";
            int members = 0;
            try {
                Membership membership = await(memberships.get(group));
                state = membership.state();
                members = membership.members();
            } catch (RuntimeException e) {
                samples.add(GroupSample.failed(group, now, describe(e)));
                continue;
            }
            List<PartitionLag> lags = new ArrayList<>();
            Set<TopicPartition> uncommitted = neverCommitted.getOrDefault(group, Set.of());
            committed.getOrDefault(group, Map.of()).forEach((tp, om) -> {
                PartitionLag lag = lagOf(tp, om.offset(), ends.getOrDefault(tp, -1L), nowMillis, writtenAt,
                        nothingToRead.getOrDefault(tp, Set.of()).contains(om.offset()));
                lags.add(uncommitted.contains(tp) ? neverCommitted(lag) : lag);
            });
            samples.add(new GroupSample(group, now, state, members, lags, null));
        }

        Map<String, Long> topicEnds = new HashMap<>();
        ends.forEach((tp, end) -> {
            if (settings.watchedTopics().contains(tp.topic())) {
                topicEnds.merge(tp.topic(), end, Long::sum);
            }
        });
        return new ClusterSample(now, samples, topicEnds);
    }

    private static PartitionLag neverCommitted(PartitionLag lag) {
        return new PartitionLag(lag.topic(), lag.partition(), lag.committedOffset(), lag.logEndOffset(), lag.lagRecords(),
                lag.lagSeconds(), lag.lagSecondsSource(), true);
    }

    /**
     * A group that has never committed (on anything but its own internal topics) owes every record of its declared
     * input: without this a stage stuck before its first commit showed lag 0 and "no committed offsets" while its
     * input filled up. Its input partitions are entered into {@code committed} at their log start offset (not 0:
     * retention may have moved it), and returned per group so the report can say the offset is not a real commit.
     */
    private Map<String, Set<TopicPartition>> countUncommittedFromLogStart(
            Map<String, Map<TopicPartition, OffsetAndMetadata>> committed) {
        Map<String, Set<TopicPartition>> missing = new HashMap<>();
        committed.forEach((group, offsets) -> {
            String internal = group + "-";
            if (offsets.keySet().stream().anyMatch(tp -> !tp.topic().startsWith(internal))) {
                // it has committed: each partition it owns is judged from its commits. A consumer that starts at the
                // log end (auto.offset.reset=latest) and has read nothing on a partition owes nothing there, and a
                // group that reads other topics than declared is not described by the declaration
                return;
            }
            for (TopicPartition tp : partitionsOf(settings.inputsOf(group))) {
                if (!offsets.containsKey(tp)) {
                    missing.computeIfAbsent(group, g -> new HashSet<>()).add(tp);
                }
            }
        });
        if (missing.isEmpty()) {
            return missing;
        }
        Set<TopicPartition> all = new HashSet<>();
        missing.values().forEach(all::addAll);
        Map<TopicPartition, Long> starts = offsets(all, OffsetSpec.earliest());
        missing.forEach((group, tps) -> {
            tps.removeIf(tp -> !starts.containsKey(tp)); // start unknown: left out rather than guessed
            tps.forEach(tp -> committed.get(group).put(tp, new OffsetAndMetadata(starts.get(tp))));
        });
        return missing;
    }

    private PartitionLag lagOf(TopicPartition tp, long committedOffset, long end, long nowMillis,
                               Map<TopicPartition, Map<Long, Long>> writtenAt, boolean onlyMarkersLeft) {
        if (end < 0 || end <= committedOffset) {
            return new PartitionLag(tp.topic(), tp.partition(), committedOffset, end, 0.0, "none");
        }
        if (onlyMarkersLeft) {
            return new PartitionLag(tp.topic(), tp.partition(), committedOffset, end, 0, 0.0, "none");
        }
        Long probed = writtenAt.getOrDefault(tp, Map.of()).get(committedOffset);
        if (probed != null) {
            return new PartitionLag(tp.topic(), tp.partition(), committedOffset, end,
                    Math.max(0, nowMillis - probed) / 1000.0, "record");
        }
        OffsetTimeline timeline = timelines.get(tp);
        OptionalLong estimate = timeline == null ? OptionalLong.empty() : timeline.writtenAtMillis(committedOffset);
        if (estimate.isPresent()) {
            return new PartitionLag(tp.topic(), tp.partition(), committedOffset, end,
                    Math.max(0, nowMillis - estimate.getAsLong()) / 1000.0, "interpolated");
        }
        return new PartitionLag(tp.topic(), tp.partition(), committedOffset, end, 0.0, "none");
    }

    /**
     * Reads the record at every unconsumed offset. Groups reading the same topic sit at different offsets, and one
     * consumer holds one position per partition, so the probe runs once per distinct offset of the busiest partition.
     */
    private void probeUnconsumed(Map<TopicPartition, Set<Long>> unconsumed, Map<TopicPartition, Long> ends,
                                 Map<TopicPartition, Map<Long, Long>> writtenAt,
                                 Map<TopicPartition, Set<Long>> nothingToRead) {
        Map<TopicPartition, List<Long>> pending = new HashMap<>();
        unconsumed.forEach((tp, offsets) -> pending.put(tp, new ArrayList<>(offsets)));
        try {
            while (!pending.isEmpty()) {
                Map<TopicPartition, Long> round = new HashMap<>();
                pending.forEach((tp, offsets) -> round.put(tp, offsets.remove(offsets.size() - 1)));
                pending.values().removeIf(List::isEmpty);
                RecordTimestampProbe.Findings findings = probe.probe(round, ends);
                findings.timestamps().forEach((tp, timestamp) ->
                        writtenAt.computeIfAbsent(tp, k -> new HashMap<>()).put(round.get(tp), timestamp));
                findings.nothingToRead().forEach(tp ->
                        nothingToRead.computeIfAbsent(tp, k -> new HashSet<>()).add(round.get(tp)));
            }
        } catch (RuntimeException e) {
            // the interpolation from earlier rounds still gives an age; a failed probe must not fail the round
        }
    }

    /**
     * The groups to watch with their type: Kafka Streams apps on the newer streams rebalance protocol form STREAMS
     * groups, which the consumer-group APIs do not describe. Explicitly named groups the cluster does not list yet are
     * taken as consumer groups (they show up with no committed offsets).
     */
    private Map<String, GroupType> groupsToWatch() {
        Map<String, GroupType> listed = new TreeMap<>();
        for (GroupListing listing : await(admin.listGroups().all())) {
            GroupType type = listing.type().orElse(GroupType.CLASSIC);
            if (type != GroupType.SHARE && settings.watches(listing.groupId())) {
                listed.put(listing.groupId(), type);
            }
        }
        if (settings.groups().isEmpty()) {
            return listed;
        }
        Map<String, GroupType> named = new TreeMap<>();
        settings.groups().forEach(g -> named.put(g, listed.getOrDefault(g, GroupType.CONSUMER)));
        return named;
    }

    private Map<String, KafkaFuture<Membership>> describe(Map<String, GroupType> groups) {
        List<String> streams = groups.entrySet().stream().filter(e -> e.getValue() == GroupType.STREAMS).map(Map.Entry::getKey).toList();
        List<String> consumers = groups.keySet().stream().filter(g -> !streams.contains(g)).toList();
        Map<String, KafkaFuture<Membership>> memberships = new HashMap<>();
        if (!consumers.isEmpty()) {
            admin.describeConsumerGroups(consumers).describedGroups().forEach((group, future) -> memberships.put(group,
                    future.thenApply(d -> new Membership(String.valueOf(d.groupState()), d.members().size()))));
        }
        if (!streams.isEmpty()) {
            admin.describeStreamsGroups(streams).describedGroups().forEach((group, future) -> memberships.put(group,
                    future.thenApply(d -> new Membership(String.valueOf(d.groupState()), d.members().size()))));
        }
        return memberships;
    }

    private KafkaFuture<Map<TopicPartition, OffsetAndMetadata>> committedOffsets(String group, GroupType type) {
        if (type == GroupType.STREAMS) {
            return admin.listStreamsGroupOffsets(Map.of(group, new ListStreamsGroupOffsetsSpec()))
                    .partitionsToOffsetAndMetadata(group);
        }
        return admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata();
    }

    private record Membership(String state, int members) {
    }

    private Set<TopicPartition> watchedTopicPartitions() {
        return partitionsOf(settings.watchedTopics());
    }

    private Set<TopicPartition> partitionsOf(List<String> topicNames) {
        Set<TopicPartition> partitions = new HashSet<>();
        if (topicNames.isEmpty()) {
            return partitions;
        }
        Map<String, KafkaFuture<TopicDescription>> topics =
                admin.describeTopics(topicNames).topicNameValues();
        topics.forEach((name, future) -> {
            try {
                for (TopicPartitionInfo info : await(future).partitions()) {
                    partitions.add(new TopicPartition(name, info.partition()));
                }
            } catch (RuntimeException e) {
                // a watched topic that does not exist yet simply has no rate
            }
        });
        return partitions;
    }

    private Map<TopicPartition, Long> logEndOffsets(Set<TopicPartition> partitions) {
        return offsets(partitions, OffsetSpec.latest());
    }

    private Map<TopicPartition, Long> offsets(Set<TopicPartition> partitions, OffsetSpec spec) {
        Map<TopicPartition, Long> ends = new HashMap<>();
        if (partitions.isEmpty()) {
            return ends;
        }
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        partitions.forEach(tp -> request.put(tp, spec));
        ListOffsetsResult results = admin.listOffsets(request);
        partitions.forEach(tp -> {
            try {
                ends.put(tp, await(results.partitionResult(tp)).offset());
            } catch (RuntimeException e) {
                // left out: the evaluator reports ERR for a partition whose end is unknown
            }
        });
        return ends;
    }

    private <T> T await(Future<T> future) {
        try {
            return future.get(settings.requestTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sampling", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(describe(e.getCause()), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("no answer from the cluster within " + settings.requestTimeout(), e);
        }
    }

    private static String describe(Throwable e) {
        Throwable cause = e;
        while (cause instanceof IllegalStateException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }

    @Override
    public void close() {
        probe.close();
        admin.close();
    }
}
