package io.wirestream.enrich.service.codec;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DueScanFloorTest {

    @Test
    void aNewFloorScansFromTheBeginningSinceARestoredStoreMayHoldAnything() {
        assertThat(new DueScanFloor().from()).isEqualTo(DueTimeKey.FIRST);
    }

    @Test
    void afterAScanTheFloorIsPastEverythingItReadAndAKeyFiledEarlierBringsItBack() {
        DueScanFloor floor = new DueScanFloor();
        floor.filed(5_000);
        floor.readThrough(10_000);
        assertThat(floor.from()).isGreaterThan(DueTimeKey.dueBy(10_000)).isEqualTo(DueTimeKey.of(10_001, ""));

        floor.filed(20_000);
        assertThat(floor.from()).as("a key due later does not move it").isEqualTo(DueTimeKey.of(10_001, ""));
        floor.filed(7_000);
        assertThat(floor.from()).as("a key due before it does").isEqualTo(DueTimeKey.of(7_000, ""))
                .isLessThanOrEqualTo(DueTimeKey.of(7_000, "urn:any"));

        floor.readThrough(6_000);
        assertThat(floor.from()).as("a scan that ended before the floor leaves it").isEqualTo(DueTimeKey.of(7_000, ""));
        assertThat(floor.mayHoldDueBy(6_999)).isFalse();
        assertThat(floor.mayHoldDueBy(7_000)).isTrue();
        floor.readBefore(30_000);
        assertThat(floor.from()).isEqualTo(DueTimeKey.dueBefore(30_000));
    }
}
