package io.wirestream.quality.dedupe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ProportionTest {

    @Test
    void wilsonIntervalOfAnEvenSplit() {
        Proportion half = new Proportion(50, 100);

        assertThat(half.share()).isEqualTo(0.5);
        assertThat(half.lower()).isCloseTo(0.4038, within(0.0001));
        assertThat(half.upper()).isCloseTo(0.5962, within(0.0001));
    }

    @Test
    void allHitsStillLeaveRoomBelow() {
        Proportion all = new Proportion(30, 30);

        assertThat(all.share()).isEqualTo(1.0);
        assertThat(all.lower()).isCloseTo(0.8865, within(0.0001));
        assertThat(all.upper()).isCloseTo(1.0, within(1e-9));
    }

    @Test
    void nothingCountedIsTheWholeRange() {
        Proportion none = new Proportion(0, 0);

        assertThat(none.lower()).isZero();
        assertThat(none.upper()).isEqualTo(1.0);
    }

    @Test
    void poolingAddsBothCountsSoTheIntervalNarrows() {
        Proportion pooled = new Proportion(6, 7).plus(new Proportion(44, 44));

        assertThat(pooled).isEqualTo(new Proportion(50, 51));
        assertThat(pooled.lower()).isGreaterThan(new Proportion(6, 7).lower());
    }

    @Test
    void pooledFreshFiguresAddStoriesMergesAndTheRate() {
        FreshPairsEvaluation.Figures a = new FreshPairsEvaluation.Figures(1000, 7, new Proportion(6, 7), 0,
                new Proportion(6, 15), 1);
        FreshPairsEvaluation.Figures b = new FreshPairsEvaluation.Figures(1000, 44, new Proportion(44, 44), 0,
                new Proportion(44, 50), 0);

        FreshPairsEvaluation.Figures pooled = a.plus(b);

        assertThat(pooled.stories()).isEqualTo(2000);
        assertThat(pooled.mergeDecisions()).isEqualTo(51);
        assertThat(pooled.recall()).isEqualTo(new Proportion(50, 65));
        assertThat(pooled.differentMergedPerThousand()).isEqualTo(0.5);
    }
}
