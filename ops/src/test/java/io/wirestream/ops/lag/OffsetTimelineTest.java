package io.wirestream.ops.lag;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OffsetTimelineTest {

    @Test
    void interpolatesTheWriteTimeBetweenTheTwoSamplesThatBracketTheOffset() {
        OffsetTimeline timeline = new OffsetTimeline(10);
        timeline.add(10_000, 100);
        timeline.add(20_000, 200);
        timeline.add(30_000, 200);
        timeline.add(40_000, 600);

        assertThat(timeline.writtenAtMillis(150)).hasValue(15_000);
        assertThat(timeline.writtenAtMillis(100)).hasValue(10_000);
        assertThat(timeline.writtenAtMillis(300)).as("written between 30 s and 40 s, a quarter of the way").hasValue(32_500);
    }

    @Test
    void offsetOlderThanTheTimelineGetsItsFirstSampleAsALowerBoundOfTheAge() {
        OffsetTimeline timeline = new OffsetTimeline(10);
        timeline.add(10_000, 100);
        timeline.add(20_000, 200);

        assertThat(timeline.writtenAtMillis(5)).hasValue(10_000);
    }

    @Test
    void offsetNotYetWrittenHasNoTime() {
        OffsetTimeline timeline = new OffsetTimeline(10);
        timeline.add(10_000, 100);

        assertThat(timeline.writtenAtMillis(100)).isEmpty();
        assertThat(new OffsetTimeline(2).writtenAtMillis(0)).isEmpty();
    }

    @Test
    void forgetsTheOldestPointsBeyondItsCapacityAndIgnoresTimeGoingBack() {
        OffsetTimeline timeline = new OffsetTimeline(2);
        timeline.add(10_000, 100);
        timeline.add(20_000, 200);
        timeline.add(15_000, 150);
        timeline.add(30_000, 300);

        assertThat(timeline.writtenAtMillis(150)).as("the 10 s point fell off; the 15 s point was refused").hasValue(20_000);
        assertThat(timeline.writtenAtMillis(250)).hasValue(25_000);
    }
}
