package io.wirestream.enrich.service.dedupe.bench;

import io.wirestream.enrich.service.bench.ThreadCpu;
import io.wirestream.enrich.service.dedupe.VersionsBenchRig;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Per-item cost of the versions processor ({@code StoryVersionProcessor}): the real processor under a
 * {@code MockProcessorContext} with its two RocksDB stores and serdes as the stage builds them
 * ({@link VersionsBenchRig}). Included: the version guard, the state and expiry-index reads and writes (serde and
 * RocksDB), building the audit, the candidate and, for a first version, the fingerprint, its index keys and the
 * probes grouped by partition. Not included: the changelogs, decoding the article off {@code dedupe-by-story} and
 * encoding what goes out, the hourly expiry purge.
 *
 * <p>{@code firstVersion} includes the fingerprint; {@code fingerprintAlone} is the fingerprinter on the same stories,
 * so the processor's own share of a first version is the difference (the fingerprint has its own
 * {@code FingerprintBenchmark} in enrich-stream/dedupe). {@code newerVersion}, {@code staleVersion} and {@code kill}
 * go to stories already in the window, whose size is {@code storiesInWindow} (the state store grows with it; killed
 * stories stay for good). A kill iteration may not kill more stories than the window holds (the rig says so if it
 * does). Run from the repository root (about ten minutes on the shared 2-core machine, most of it filling the window
for each of the five benchmarks; {@code -p storiesInWindow=2000000} for a larger window):
 * <pre>
 * mvn -B -o -q -pl enrich-stream/service -am test-compile
 * mvn -B -o -q -pl enrich-stream/service dependency:build-classpath -Dmdep.outputFile=target/bench.cp -Dmdep.includeScope=test
 * java -Xmx1g -cp enrich-stream/service/target/test-classes:enrich-stream/service/target/classes:$(cat enrich-stream/service/target/bench.cp) \
 *     org.openjdk.jmh.Main StoryVersionBenchmark
 * </pre>
 * Each trial also prints the benchmark thread's CPU time per item ({@code [thread CPU]}).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g", "-Dorg.apache.avro.SERIALIZABLE_PACKAGES=io.wirestream.avro"})
public class StoryVersionBenchmark {

    @State(Scope.Thread)
    public static class Window {
        /** Stories whose version state the store already holds. */
        @Param({"500000"})
        public int storiesInWindow;

        VersionsBenchRig rig;

        @Setup(Level.Trial)
        public void fill() {
            rig = new VersionsBenchRig(storiesInWindow);
        }

        @Setup(Level.Iteration)
        public void reviveKilled() {
            rig.revive();
        }

        @TearDown(Level.Trial)
        public void close() {
            rig.close();
        }
    }

    @Benchmark
    public Object firstVersion(Window window, ThreadCpu cpu) {
        cpu.invoked();
        return window.rig.firstVersion();
    }

    @Benchmark
    public Object fingerprintAlone(Window window, ThreadCpu cpu) {
        cpu.invoked();
        return window.rig.fingerprintAlone();
    }

    @Benchmark
    public Object newerVersion(Window window, ThreadCpu cpu) {
        cpu.invoked();
        return window.rig.newerVersion();
    }

    @Benchmark
    public Object staleVersion(Window window, ThreadCpu cpu) {
        cpu.invoked();
        return window.rig.staleVersion();
    }

    @Benchmark
    public Object kill(Window window, ThreadCpu cpu) {
        cpu.invoked();
        return window.rig.kill();
    }
}
