package io.wirestream.enrich.service.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DueTimeKeyTest {

    @Test
    void theKeyIsTheLayoutTheTimerStoresAlreadyHold() {
        // 16 lower-case hex digits of the due millis, then the subject: what the release, expiry and sweep stores
        // were written with before the layout had one class
        assertThat(DueTimeKey.of(1_780_000_000_000L, "ereu:ferry")).isEqualTo("0000019e70448800ereu:ferry");
        assertThat(DueTimeKey.of(-5, "x")).isEqualTo("0000000000000000x");
        assertThat(DueTimeKey.subject("0000019e70448800ereu:ferry")).isEqualTo("ereu:ferry");
    }

    @Test
    void byteOrderIsTimeOrderAndScansStopWhereTheyShould() {
        List<String> keys = new ArrayList<>(List.of(DueTimeKey.of(10, "b"), DueTimeKey.of(9, "z"),
                DueTimeKey.of(0x10, "a"), DueTimeKey.of(Long.MAX_VALUE, "a")));
        keys.sort(null);
        assertThat(keys).containsExactly(DueTimeKey.of(9, "z"), DueTimeKey.of(10, "b"), DueTimeKey.of(0x10, "a"),
                DueTimeKey.of(Long.MAX_VALUE, "a"));

        String dueAtTen = DueTimeKey.of(10, "reu:\u00e9t\u00e9");
        assertThat(dueAtTen).isGreaterThan(DueTimeKey.FIRST).isLessThanOrEqualTo(DueTimeKey.dueBy(10))
                .isGreaterThan(DueTimeKey.dueBy(9)).isGreaterThanOrEqualTo(DueTimeKey.dueBefore(10))
                .isLessThan(DueTimeKey.dueBefore(11));
    }

    @Test
    void aMarkerSortsAfterEveryDueKey() {
        assertThat(DueTimeKey.LEGACY_INDEXED_MARKER).isGreaterThan(DueTimeKey.dueBy(Long.MAX_VALUE));
    }
}
