package io.wirestream.enrich.service.dedupe.bench;

import io.wirestream.enrich.service.bench.ThreadCpu;
import io.wirestream.enrich.service.dedupe.JudgeBenchRig;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Per-item cost of the dedupe judge ({@code DuplicateGatherProcessor}) and the cluster processor after it
 * ({@code DuplicateClusterProcessor}): the real processors under a {@code MockProcessorContext} with their RocksDB
 * stores and serdes as the stage builds them ({@link JudgeBenchRig}). Included: the processors' code, every store read
 * and write (serde and RocksDB), routing a join request back to the judge. Not included: the record cache in front of
 * {@code dedupe-pending} (production writes its last value per commit; here every rewrite reaches RocksDB), the
 * changelogs, decoding the messages off the repartition topics and encoding what goes out, the index lookup
 * ({@code DedupeIndexBenchmark}) and the hourly purge (a full scan of the fate and cluster stores, not per item).
 *
 * <p>{@code storyWithNoCopies}: a first version with one empty counted answer per probe (production index partitions,
 * 6), judged the head of its cluster and published. {@code storyAndItsNearCopy}: that, then its near copy from
 * another agency, whose answers name the story under the probes sharing a key with it; the copy is dropped, its join
 * request resolved at the story, the story republished listing it; scored per item (two per call). The fate and
 * cluster stores hold a window of {@code storiesInWindow} published stories (they grow with the window; the pending
 * stores do not). {@code timerTickNothingDue} is one tick of the judge's timer with nothing pending, after those
 * stories were judged: not per item, but it runs ten times a second per task and range-scans a store in which every
 * judged story wrote and deleted an entry. Run from the repository root (a couple of minutes; add
 * {@code -p storiesInWindow=100000} for a larger window):
 * <pre>
 * mvn -B -o -q -pl enrich-stream/service -am test-compile
 * mvn -B -o -q -pl enrich-stream/service dependency:build-classpath -Dmdep.outputFile=target/bench.cp -Dmdep.includeScope=test
 * java -Xmx1g -cp enrich-stream/service/target/test-classes:enrich-stream/service/target/classes:$(cat enrich-stream/service/target/bench.cp) \
 *     org.openjdk.jmh.Main DedupeJudgeBenchmark
 * </pre>
 * Each trial also prints the benchmark thread's CPU time per item ({@code [thread CPU]}), which a busy machine
 * inflates less than the wall-clock score.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g", "-Dorg.apache.avro.SERIALIZABLE_PACKAGES=io.wirestream.avro"})
public class DedupeJudgeBenchmark {

    @State(Scope.Thread)
    public static class Window {
        /** Published stories whose fates and clusters the stores already hold. */
        @Param({"10000"})
        public int storiesInWindow;

        JudgeBenchRig rig;

        @Setup(Level.Trial)
        public void fill() {
            rig = new JudgeBenchRig();
            rig.fill(storiesInWindow);
        }

        @TearDown(Level.Trial)
        public void close() {
            rig.close();
        }
    }

    @Benchmark
    public Object storyWithNoCopies(Window window, ThreadCpu cpu) {
        cpu.invoked();
        return window.rig.storyWithNoCopies();
    }

    /**
     * One tick of the judge's timer with nothing pending (10 a second per task at the default hold-back): what it
     * costs to find that nothing is due, after {@code storiesInWindow} stories were judged. Not per item.
     */
    @Benchmark
    public int timerTickNothingDue(Window window, ThreadCpu cpu) {
        cpu.invoked();
        return window.rig.timerTick();
    }

    @Benchmark
    @OperationsPerInvocation(2)
    public Object storyAndItsNearCopy(Window window, ThreadCpu cpu) {
        cpu.invoked();
        return window.rig.storyAndItsNearCopy();
    }
}
