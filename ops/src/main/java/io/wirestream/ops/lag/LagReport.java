package io.wirestream.ops.lag;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the lag monitor knows after its latest round: each group's evaluation and rates, and each topic's write rate.
 *
 * @param error why the latest round failed, or null
 */
public record LagReport(Instant sampledAt, List<GroupEvaluation> groups, List<GroupRate> groupRates,
                        List<TopicRate> topics, String error) {

    public LagReport {
        groups = List.copyOf(groups);
        groupRates = List.copyOf(groupRates);
        topics = List.copyOf(topics);
    }

    public static LagReport empty() {
        return new LagReport(null, List.of(), List.of(), List.of(), "no sample taken yet");
    }

    public Optional<GroupEvaluation> group(String group) {
        return groups.stream().filter(g -> g.group().equals(group)).findFirst();
    }

    public Optional<GroupRate> groupRate(String group) {
        return groupRates.stream().filter(g -> g.group().equals(group)).findFirst();
    }

    public Optional<TopicRate> topic(String topic) {
        return topics.stream().filter(t -> t.topic().equals(topic)).findFirst();
    }

    /** The worst status over all groups; ERR if the round failed. */
    public LagStatus worstStatus() {
        if (error != null && sampledAt != null) {
            return LagStatus.ERR;
        }
        return groups.stream().map(GroupEvaluation::status).reduce(LagStatus.OK, LagStatus::worse);
    }
}
