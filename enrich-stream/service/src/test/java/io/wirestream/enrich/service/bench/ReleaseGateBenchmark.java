package io.wirestream.enrich.service.bench;

import io.wirestream.enrich.service.ReleaseGateBenchRig;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * Per-item cost of the release gate ({@code ArticleReleaseProcessor}): the real processor under a
 * {@code MockProcessorContext} with its three RocksDB stores and the registry wire-format serdes as the topology
 * builds them ({@link ReleaseGateBenchRig}), its timer run by hand once the clock has passed what is due. Included:
 * the processor's code, its store reads and writes (serde and RocksDB), the timer tick's range scan. Not included:
 * the changelogs, decoding the article off {@code release-by-uri} and encoding it onto {@code wire.articles}.
 *
 * <p>{@code plainStory}: a usable story, out at once. {@code embargoedHeldThenReleased}: a story embargoed a minute
 * ahead, held (nothing out), then released by the tick after its embargo. {@code killThenTombstone}: a kill, out at
 * once, and its tombstone from the tick after the grace. Each release and tombstone runs a tick of its own, and a
 * tick range-scans the timer store from the earliest possible due time, so these two also pay for stepping over
 * every timer entry deleted earlier in the run that RocksDB has not compacted away: their cost grows through the
 * run. {@code embargoedHeld} is the hold alone; {@code tickNothingDue} a tick with nothing due after
 * {@code releasedBefore} embargoes were released. {@code heldInStore} stories wait under embargoes that never
 * come due in the run (a tick reads only what is due, so the cost should not grow with them). Run from the
 * repository root (about four minutes; {@code -p heldInStore=100000} for a fuller store, {@code -p
 * releasedBefore=0,10000,100000} for more deleted timers):
 * <pre>
 * mvn -B -o -q -pl enrich-stream/service -am test-compile
 * mvn -B -o -q -pl enrich-stream/service dependency:build-classpath -Dmdep.outputFile=target/bench.cp -Dmdep.includeScope=test
 * java -Xmx1g -cp enrich-stream/service/target/test-classes:enrich-stream/service/target/classes:$(cat enrich-stream/service/target/bench.cp) \
 *     org.openjdk.jmh.Main ReleaseGateBenchmark
 * </pre>
 * Each trial also prints the benchmark thread's CPU time per item ({@code [thread CPU]}).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g", "-Dorg.apache.avro.SERIALIZABLE_PACKAGES=io.wirestream.avro"})
public class ReleaseGateBenchmark {

    @State(Scope.Thread)
    public static class Gate {
        /** Stories held under embargo before the run. */
        @Param({"1000"})
        public int heldInStore;

        ReleaseGateBenchRig rig;

        @Setup(Level.Trial)
        public void fill() {
            rig = new ReleaseGateBenchRig(heldInStore);
        }

        @TearDown(Level.Trial)
        public void close() {
            rig.close();
        }
    }

    @State(Scope.Thread)
    public static class Ticking {
        /** Embargoed stories held and released one tick each before the run: timer entries written and deleted. */
        @Param({"0", "10000"})
        public int releasedBefore;

        ReleaseGateBenchRig rig;

        @Setup(Level.Trial)
        public void fill() {
            rig = new ReleaseGateBenchRig(1000);
            rig.releaseEmbargoes(releasedBefore);
        }

        @TearDown(Level.Trial)
        public void close() {
            rig.close();
        }
    }

    @Benchmark
    public Object plainStory(Gate gate, ThreadCpu cpu) {
        cpu.invoked();
        return gate.rig.plainStory();
    }

    @Benchmark
    public void embargoedHeldThenReleased(Gate gate, ThreadCpu cpu, Blackhole out) {
        cpu.invoked();
        out.consume(gate.rig.holdEmbargoed());
        out.consume(gate.rig.releaseDue());
    }

    /** Holding alone: the held store and the timers grow through the run, and no tick reads them. */
    @Benchmark
    public Object embargoedHeld(Gate gate, ThreadCpu cpu) {
        cpu.invoked();
        return gate.rig.holdEmbargoed();
    }

    /** A tick with nothing due, once a second per task: not per item, but what every released timer leaves behind. */
    @Benchmark
    public Object tickNothingDue(Ticking ticking, ThreadCpu cpu) {
        cpu.invoked();
        return ticking.rig.tickNothingDue();
    }

    @Benchmark
    public void killThenTombstone(Gate gate, ThreadCpu cpu, Blackhole out) {
        cpu.invoked();
        out.consume(gate.rig.kill());
        out.consume(gate.rig.tombstoneDue());
    }
}
