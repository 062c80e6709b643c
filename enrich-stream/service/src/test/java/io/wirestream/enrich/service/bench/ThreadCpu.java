package io.wirestream.enrich.service.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;

/**
 * CPU time of the benchmark thread per operation, beside JMH's wall-clock score: on a shared machine the wall clock
 * also counts the time the thread waited for a core, its own CPU time does not. A benchmark method calls
 * {@link #invoked()} once per invocation; each measurement iteration's CPU time, from its first invocation (so no
 * other state's iteration set-up is in it) to its end, is divided by its operations, and the trial prints the mean
 * and the range of those. RocksDB's background threads (flush, compaction) are not in it.
 */
@State(Scope.Thread)
public class ThreadCpu {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private long invocations;
    private long startNanos;
    private final List<Double> microsPerOp = new ArrayList<>();

    public void invoked() {
        if (invocations++ == 0) {
            startNanos = THREADS.getCurrentThreadCpuTime();
        }
    }

    @Setup(Level.Iteration)
    public void start() {
        invocations = 0;
    }

    @TearDown(Level.Iteration)
    public void stop(IterationParams iteration, BenchmarkParams benchmark) {
        long cpu = THREADS.getCurrentThreadCpuTime() - startNanos;
        if (iteration.getType() == IterationType.MEASUREMENT && invocations > 0) {
            // the clock started as the first invocation began, so every invocation is in it
            microsPerOp.add(cpu / 1000.0 / (invocations * (double) benchmark.getOpsPerInvocation()));
        }
    }

    @TearDown(Level.Trial)
    public void report(BenchmarkParams benchmark) {
        if (microsPerOp.isEmpty()) {
            return;
        }
        double mean = microsPerOp.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        double min = microsPerOp.stream().mapToDouble(Double::doubleValue).min().orElse(0);
        double max = microsPerOp.stream().mapToDouble(Double::doubleValue).max().orElse(0);
        String params = benchmark.getParamsKeys().stream().map(k -> k + "=" + benchmark.getParam(k))
                .reduce((a, b) -> a + "," + b).orElse("");
        System.out.printf("%n[thread CPU] %s %s: %.1f us/op (measurement iterations %.1f-%.1f)%n",
                benchmark.getBenchmark().replaceAll(".*\\.(\\w+\\.\\w+)$", "$1"), params, mean, min, max);
    }
}
