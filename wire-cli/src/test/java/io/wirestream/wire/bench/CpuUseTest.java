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

    @Test
    void theJvmsOwnThreadsAreToldApartByTheirNames() {
        assertThat(CpuUse.nativeGroup("C2 CompilerThre")).isEqualTo(CpuUse.JIT);
        assertThat(CpuUse.nativeGroup("C1 CompilerThre")).isEqualTo(CpuUse.JIT);
        assertThat(CpuUse.nativeGroup("GC Thread#1")).isEqualTo(CpuUse.GC);
        assertThat(CpuUse.nativeGroup("G1 Conc#0")).isEqualTo(CpuUse.GC);
        assertThat(CpuUse.nativeGroup("G1 Refine#0")).isEqualTo(CpuUse.GC);
        assertThat(CpuUse.nativeGroup("VM Thread")).isEqualTo(CpuUse.VM);
        assertThat(CpuUse.nativeGroup("wirestream-enri")).isNull();
    }

    @Test
    void theJvmShareIsSplitIntoCompilerGcAndVmThreadsAndWhatEndedThreadsTookWithThem() {
        CpuUse.Snapshot before = new CpuUse.Snapshot(1_000_000_000L, Map.of(1L, 0L), Map.of(1L, CpuUse.STREAM),
                Map.of(CpuUse.JIT, 100_000_000L, CpuUse.GC, 0L));
        // 900 ms for the process: 300 ms the stream thread, 600 ms no Java thread, of which JIT 200, GC 250, VM 50
        CpuUse.Snapshot after = new CpuUse.Snapshot(1_900_000_000L, Map.of(1L, 300_000_000L), Map.of(1L, CpuUse.STREAM),
                Map.of(CpuUse.JIT, 300_000_000L, CpuUse.GC, 250_000_000L, CpuUse.VM, 50_000_000L));
        Map<String, Double> ms = CpuUse.perItem(before, after, 100);
        assertThat(ms.get(CpuUse.JVM)).isEqualTo(6.0);
        assertThat(ms.get(CpuUse.JIT)).isEqualTo(2.0);
        assertThat(ms.get(CpuUse.GC)).isEqualTo(2.5);
        assertThat(ms.get(CpuUse.VM)).isEqualTo(0.5);
        assertThat(ms.get(CpuUse.ENDED)).isEqualTo(1.0);
        // without the native split (not Linux) only the total is given
        CpuUse.Snapshot plain = new CpuUse.Snapshot(1_000_000_000L, Map.of(1L, 0L), Map.of(1L, CpuUse.STREAM));
        assertThat(CpuUse.perItem(plain, new CpuUse.Snapshot(1_900_000_000L, Map.of(1L, 300_000_000L), Map.of(1L, CpuUse.STREAM)), 100))
                .containsKey(CpuUse.JVM).doesNotContainKey(CpuUse.JIT);
    }

    @Test
    void onLinuxASnapshotSeesTheCompilerThreads() {
        org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.isDirectory(java.nio.file.Path.of("/proc/self/task")));
        assertThat(new CpuUse().snapshot().nativeNanosByGroup()).containsKey(CpuUse.JIT);
    }
}
