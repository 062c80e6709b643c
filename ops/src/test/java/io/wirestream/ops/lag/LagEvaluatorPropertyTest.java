package io.wirestream.ops.lag;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

class LagEvaluatorPropertyTest {

    private final LagEvaluator evaluator = new LagEvaluator(3, Duration.ofSeconds(20));

    @Property
    void aGroupThatHasCaughtUpIsNeverAnAlarmWhateverItsPast(
            @ForAll @Size(min = 0, max = 12) List<@LongRange(min = 0, max = 1_000) Long> pastCommitted,
            @ForAll @LongRange(min = 0, max = 2_000) long backlog,
            @ForAll @IntRange(min = 0, max = 3) int members) {
        OffsetHistory history = OffsetHistory.of("g");
        long end = 0;
        long committed = 0;
        for (long step : pastCommitted) {
            committed += step;
            end = committed + backlog;
            history.at(committed, end, members);
        }
        history.at(end, end, members);

        GroupEvaluation result = evaluator.evaluate(history.window());

        assertThat(result.status()).isEqualTo(LagStatus.OK);
        assertThat(result.lagRecords()).isZero();
    }

    @Property
    void statusIsTheWorstOfThePartitions(
            @ForAll @Size(min = 1, max = 6) List<@LongRange(min = 0, max = 50) Long> committedSteps,
            @ForAll @LongRange(min = 0, max = 50) long growth) {
        OffsetHistory history = OffsetHistory.of("g");
        long committed = 0;
        long end = 0;
        for (long step : committedSteps) {
            committed += step;
            end += step + growth;
            history.atPartitions(1, new long[] {committed, end}, new long[] {0, 0});
        }
        GroupEvaluation result = evaluator.evaluate(history.window());

        LagStatus worst = result.partitions().stream().map(PartitionEvaluation::status)
                .reduce(LagStatus.OK, LagStatus::worse);
        assertThat(result.status()).isEqualTo(worst);
    }
}
