package io.wirestream.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** A free block found for a test or the bench must not lie where the kernel hands out client ports. */
class LocalPortsTest {

    @Test
    void aFreeBlockLiesWhollyBelowTheEphemeralRange() {
        Random random = new Random(7);
        for (int i = 0; i < 10_000; i++) {
            int base = LocalPorts.candidateBase(random, 32_768);
            assertThat(base).isGreaterThanOrEqualTo(10_000);
            assertThat(base + LocalPorts.SPAN).isLessThan(32_768);
        }
    }

    @Test
    void theBlockCoversEveryPortLocalModeUses() {
        LocalPorts ports = new LocalPorts(20_000);
        assertThat(ports.all().values()).allSatisfy(p -> assertThat(p).isBetween(20_000, 20_000 + LocalPorts.SPAN));
    }

    @Test
    void theEphemeralRangeIsReadFromTheKernelWhereItCanBe() {
        assertThat(LocalPorts.ephemeralRangeStart()).isBetween(1024, 65_535);
    }
}
