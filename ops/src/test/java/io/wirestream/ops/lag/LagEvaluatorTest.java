package io.wirestream.ops.lag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class LagEvaluatorTest {

    private static final String GROUP = "wirestream-publish-sqlite";
    private final LagEvaluator evaluator = new LagEvaluator(3, Duration.ofSeconds(20));

    @Test
    void consumerFallingBehindWhileStillCommittingIsWarn() {
        List<GroupSample> growing = OffsetHistory.of(GROUP)
                .at(100, 110, 1).at(150, 170, 1).at(200, 240, 1).at(250, 320, 1).window();

        GroupEvaluation result = evaluator.evaluate(growing);

        assertThat(result.status()).isEqualTo(LagStatus.WARN);
        assertThat(result.lagRecords()).isEqualTo(70);
        assertThat(result.reason()).contains("lag grew from 10 to 70");
    }

    @Test
    void consumerAttachedButNotCommittingWhileRecordsWaitIsStall() {
        List<GroupSample> stalled = OffsetHistory.of(GROUP)
                .at(500, 520, 1).at(500, 560, 1).at(500, 600, 1).at(500, 640, 1).window();

        GroupEvaluation result = evaluator.evaluate(stalled);

        assertThat(result.status()).isEqualTo(LagStatus.STALL);
        assertThat(result.reason()).contains("offset 500 has not moved for 30.0s while 140 records wait");
    }

    @Test
    void stalledEvenWhenLagStaysFlat() {
        List<GroupSample> stuckOnFixedBacklog = OffsetHistory.of(GROUP)
                .at(500, 520, 1).at(500, 520, 1).at(500, 520, 1).window();

        assertThat(evaluator.evaluate(stuckOnFixedBacklog).status()).isEqualTo(LagStatus.STALL);
    }

    @Test
    void noMembersWhileRecordsWaitIsStopFromTheFirstSample() {
        List<GroupSample> gone = OffsetHistory.of(GROUP).at(500, 600, 0).window();

        GroupEvaluation result = evaluator.evaluate(gone);

        assertThat(result.status()).isEqualTo(LagStatus.STOP);
        assertThat(result.members()).isZero();
        assertThat(result.reason()).contains("no consumer attached while 100 records wait");
    }

    @Test
    void idleTopicWithNoLagIsOkWhetherOrNotAnyoneIsListening() {
        List<GroupSample> idleWithConsumer = OffsetHistory.of(GROUP)
                .at(900, 900, 1).at(900, 900, 1).at(900, 900, 1).at(900, 900, 1).window();
        List<GroupSample> idleWithoutConsumer = OffsetHistory.of(GROUP)
                .at(900, 900, 0).at(900, 900, 0).at(900, 900, 0).window();

        assertThat(evaluator.evaluate(idleWithConsumer).status()).isEqualTo(LagStatus.OK);
        assertThat(evaluator.evaluate(idleWithoutConsumer).status()).isEqualTo(LagStatus.OK);
        assertThat(evaluator.evaluate(idleWithConsumer).reason()).isEqualTo("caught up");
    }

    @Test
    void consumerThatResumesAfterAStallIsOkAgainOnceItsLagFalls() {
        OffsetHistory history = OffsetHistory.of(GROUP)
                .at(500, 520, 1).at(500, 560, 1).at(500, 600, 1).at(500, 640, 1) // paused
                .at(580, 660, 1).at(650, 670, 1).at(690, 690, 1);              // resumed and catching up

        List<GroupSample> all = history.window();
        assertThat(evaluator.evaluate(all.subList(0, 4)).status()).isEqualTo(LagStatus.STALL);
        assertThat(evaluator.evaluate(all.subList(2, 6)).status())
                .as("offsets moving and lag falling, backlog not yet gone").isEqualTo(LagStatus.OK);
        assertThat(evaluator.evaluate(history.lastWindow(4)).status()).isEqualTo(LagStatus.OK);
        assertThat(evaluator.evaluate(history.lastWindow(4)).lagRecords()).isZero();
    }

    @Test
    void stoppedConsumerThatComesBackAndCatchesUpIsOk() {
        OffsetHistory history = OffsetHistory.of(GROUP)
                .at(100, 150, 0).at(100, 200, 0)
                .at(180, 220, 1).at(230, 230, 1);

        assertThat(evaluator.evaluate(history.window().subList(0, 2)).status()).isEqualTo(LagStatus.STOP);
        assertThat(evaluator.evaluate(history.lastWindow(3)).status()).isEqualTo(LagStatus.OK);
    }

    @Test
    void firstItemOnAQuietWireIsNotAStall() {
        List<GroupSample> quiet = OffsetHistory.of(GROUP)
                .at(900, 900, 1).at(900, 900, 1).at(900, 900, 1).at(900, 901, 1).window();

        GroupEvaluation result = evaluator.evaluate(quiet);

        assertThat(result.status()).isEqualTo(LagStatus.OK);
        assertThat(result.lagRecords()).isEqualTo(1);
    }

    @Test
    void lagRisingFromZeroIsNotWarnUntilAWholeWindowHasLag() {
        OffsetHistory history = OffsetHistory.of(GROUP)
                .at(100, 100, 1).at(110, 111, 1).at(120, 122, 1).at(130, 133, 1).at(140, 144, 1);

        assertThat(evaluator.evaluate(history.window()).status()).isEqualTo(LagStatus.OK);
        assertThat(evaluator.evaluate(history.lastWindow(4)).status()).isEqualTo(LagStatus.WARN);
    }

    @Test
    void consumerThatStopsMovingAfterCatchingUpIsStallOnceAWholeWindowHasLag() {
        OffsetHistory history = OffsetHistory.of(GROUP)
                .at(500, 500, 1).at(500, 540, 1).at(500, 580, 1).at(500, 620, 1).at(500, 660, 1);

        assertThat(evaluator.evaluate(history.window()).status()).isEqualTo(LagStatus.OK);
        assertThat(evaluator.evaluate(history.lastWindow(4)).status()).isEqualTo(LagStatus.STALL);
    }

    @Test
    void committedOffsetGoingBackwardsIsErr() {
        List<GroupSample> rewound = OffsetHistory.of(GROUP).at(300, 400, 1).at(120, 410, 1).at(130, 420, 1).window();

        GroupEvaluation result = evaluator.evaluate(rewound);

        assertThat(result.status()).isEqualTo(LagStatus.ERR);
        assertThat(result.reason()).contains("went back from 300 to 120");
    }

    @Test
    void failedSamplingRoundIsErrAndLaterRoundsIgnoreIt() {
        OffsetHistory history = OffsetHistory.of(GROUP).at(100, 150, 1).at(150, 160, 1).failedRound("timeout");

        assertThat(evaluator.evaluate(history.window()).status()).isEqualTo(LagStatus.ERR);
        assertThat(evaluator.evaluate(history.window()).reason()).contains("timeout");

        history.at(170, 170, 1);
        assertThat(evaluator.evaluate(history.window()).status()).isEqualTo(LagStatus.OK);
    }

    @Test
    void windowTooShortToSeeATrendGivesNoAlarm() {
        List<GroupSample> twoSamples = OffsetHistory.of(GROUP).at(500, 520, 1).at(500, 560, 1).window();

        GroupEvaluation result = evaluator.evaluate(twoSamples);

        assertThat(result.status()).isEqualTo(LagStatus.OK);
        assertThat(result.lagRecords()).isEqualTo(60);
    }

    @Test
    void windowSpanningLessTimeThanTheMinimumGivesNoAlarmEvenWithManySamples() {
        LagEvaluator slowJudge = new LagEvaluator(3, Duration.ofMinutes(5));
        List<GroupSample> stalledForFortySeconds = OffsetHistory.of(GROUP)
                .at(500, 520, 1).at(500, 560, 1).at(500, 600, 1).at(500, 640, 1).at(500, 680, 1).window();

        assertThat(slowJudge.evaluate(stalledForFortySeconds).status()).isEqualTo(LagStatus.OK);
    }

    @Test
    void groupTakesTheWorstPartitionAndSumsLag() {
        List<GroupSample> oneStuckPartition = OffsetHistory.of(GROUP)
                .atPartitions(1, new long[] {10, 10}, new long[] {50, 60})
                .atPartitions(1, new long[] {20, 20}, new long[] {50, 70})
                .atPartitions(1, new long[] {30, 30}, new long[] {50, 80})
                .window();

        GroupEvaluation result = evaluator.evaluate(oneStuckPartition);

        assertThat(result.status()).isEqualTo(LagStatus.STALL);
        assertThat(result.reason()).startsWith("wire.articles-1:");
        assertThat(result.lagRecords()).isEqualTo(30);
        assertThat(result.partitions()).extracting(PartitionEvaluation::status)
                .containsExactly(LagStatus.OK, LagStatus.STALL);
    }

    @Test
    void groupWithoutCommittedOffsetsIsOk() {
        GroupSample empty = new GroupSample(GROUP, OffsetHistory.START, "Empty", 0, List.of(), null);

        GroupEvaluation result = evaluator.evaluate(List.of(empty));

        assertThat(result.status()).isEqualTo(LagStatus.OK);
        assertThat(result.reason()).isEqualTo("no committed offsets");
    }

    @Test
    void rejectsAWindowThatCannotShowATrend() {
        assertThatThrownBy(() -> new LagEvaluator(1, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> evaluator.evaluate(List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
