package io.wirestream.wire.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class CpuUseTest {

    @Test
    void threadsAreGroupedByWhatTheyDoInThePipeline() {
        assertThat(CpuUse.group("wirestream-enrich-0c1d-StreamThread-1")).isEqualTo(CpuUse.STREAM);
        assertThat(CpuUse.group("kafka-producer-network-thread | wirestream-enrich-0c1d-StreamThread-1-producer"))
                .isEqualTo(CpuUse.CLIENT_IO);
        assertThat(CpuUse.group("wire-normalise-3")).isEqualTo(CpuUse.NORMALISER);
        assertThat(CpuUse.group("data-plane-kafka-request-handler-0")).isEqualTo(CpuUse.BROKER);
        assertThat(CpuUse.group("publish-sqlite")).isEqualTo(CpuUse.PUBLISH);
        assertThat(CpuUse.group("main")).isEqualTo(CpuUse.OTHER);
    }

    @Test
    void perItemSplitsWhatEachGroupUsedAndLeavesTheRestToTheJvm() {
        CpuUse.Snapshot before = new CpuUse.Snapshot(1_000_000_000L, Map.of(1L, 100_000_000L, 2L, 0L),
                Map.of(1L, CpuUse.STREAM, 2L, CpuUse.BROKER));
        // thread 3 started during the round; the process used 900 ms, the threads 600 ms of it
        CpuUse.Snapshot after = new CpuUse.Snapshot(1_900_000_000L, Map.of(1L, 500_000_000L, 2L, 100_000_000L, 3L, 100_000_000L),
                Map.of(1L, CpuUse.STREAM, 2L, CpuUse.BROKER, 3L, CpuUse.STREAM));
        Map<String, Double> ms = CpuUse.perItem(before, after, 100);
        assertThat(ms.get(CpuUse.PROCESS)).isEqualTo(9.0);
        assertThat(ms.get(CpuUse.STREAM)).isEqualTo(5.0);
        assertThat(ms.get(CpuUse.BROKER)).isEqualTo(1.0);
        assertThat(ms.get(CpuUse.JVM)).isEqualTo(3.0);
        assertThat(CpuUse.perItem(before, after, 0)).isEmpty();
    }
}
