package io.wirestream.wire.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CPU time the bench JVM spent, by kind of thread, between two snapshots: a steadier figure than items/s on a
 * shared machine, since it counts work done rather than time waited. The pipeline, the broker and the registry all
 * run in this JVM. What no Java thread accounts for (the JIT compilers and the garbage collector) is the process's
 * total less the threads'. A thread that ends between the snapshots takes its time with it. On Linux that remainder is
 * split further by the JVM's own (native) threads, read from {@code /proc/self/task}: the JIT compilers, the garbage
 * collector's threads, the VM thread and other JVM service threads, and what is left (threads that ended during the
 * round).
 */
final class CpuUse {

    static final String PROCESS = "process";
    static final String STREAM = "enrich stream threads";
    static final String NORMALISER = "normaliser workers";
    static final String BROKER = "Kafka broker";
    static final String CLIENT_IO = "Kafka client I/O threads";
    static final String PUBLISH = "publish-service";
    static final String OTHER = "other Java threads";
    static final String JVM = "JIT compilers and GC (no Java thread)";
    static final String JIT = "  of which JIT compiler threads";
    static final String GC = "  of which GC threads";
    static final String VM = "  of which VM thread and other JVM threads";
    static final String ENDED = "  of which threads that ended in the round";

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();

    /** Nanoseconds of CPU so far, per thread id, with the group each thread belongs to. */
    record Snapshot(long processNanos, Map<Long, Long> nanosByThread, Map<Long, String> groupByThread,
            Map<String, Long> nativeNanosByGroup) {

        Snapshot(long processNanos, Map<Long, Long> nanosByThread, Map<Long, String> groupByThread) {
            this(processNanos, nanosByThread, groupByThread, Map.of());
        }
    }

    boolean available() {
        return threads.isThreadCpuTimeSupported() && processCpuNanos() >= 0;
    }

    Snapshot snapshot() {
        Map<Long, Long> nanos = new LinkedHashMap<>();
        Map<Long, String> groups = new LinkedHashMap<>();
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info == null) {
                continue;
            }
            long cpu = threads.getThreadCpuTime(info.getThreadId());
            if (cpu >= 0) {
                nanos.put(info.getThreadId(), cpu);
                groups.put(info.getThreadId(), group(info.getThreadName()));
            }
        }
        return new Snapshot(processCpuNanos(), nanos, groups, NativeThreads.nanosByGroup());
    }

    /** Milliseconds of CPU per item between the snapshots, by group, the process total first. */
    static Map<String, Double> perItem(Snapshot before, Snapshot after, int items) {
        Map<String, Double> ms = new LinkedHashMap<>();
        if (items <= 0) {
            return ms;
        }
        Map<String, Long> byGroup = new LinkedHashMap<>();
        for (String g : new String[] {STREAM, NORMALISER, BROKER, CLIENT_IO, PUBLISH, OTHER}) {
            byGroup.put(g, 0L);
        }
        long threadsTotal = 0;
        for (Map.Entry<Long, Long> e : after.nanosByThread().entrySet()) {
            long used = e.getValue() - before.nanosByThread().getOrDefault(e.getKey(), 0L);
            byGroup.merge(after.groupByThread().get(e.getKey()), used, Long::sum);
            threadsTotal += used;
        }
        long process = after.processNanos() - before.processNanos();
        ms.put(PROCESS, perItemMs(process, items));
        byGroup.forEach((g, n) -> ms.put(g, perItemMs(n, items)));
        long jvm = Math.max(0, process - threadsTotal);
        ms.put(JVM, perItemMs(jvm, items));
        if (!before.nativeNanosByGroup().isEmpty() && !after.nativeNanosByGroup().isEmpty()) {
            long named = 0;
            for (String g : new String[] {JIT, GC, VM}) {
                long used = Math.max(0, after.nativeNanosByGroup().getOrDefault(g, 0L) - before.nativeNanosByGroup().getOrDefault(g, 0L));
                ms.put(g, perItemMs(used, items));
                named += used;
            }
            ms.put(ENDED, perItemMs(Math.max(0, jvm - named), items));
        }
        return ms;
    }

    static String group(String threadName) {
        if (threadName.contains("StreamThread")) {
            return threadName.contains("producer") || threadName.contains("consumer") ? CLIENT_IO : STREAM;
        }
        if (threadName.startsWith("wire-normalise")) {
            return NORMALISER;
        }
        if (threadName.startsWith("kafka-producer-network-thread") || threadName.startsWith("kafka-coordinator")
                || threadName.startsWith("kafka-admin-client")) {
            return CLIENT_IO;
        }
        if (threadName.startsWith("publish")) {
            return PUBLISH;
        }
        if (threadName.startsWith("data-plane-kafka") || threadName.startsWith("kafka-") || threadName.startsWith("broker-")
                || threadName.startsWith("quorum-controller") || threadName.startsWith("group-coordinator")
                || threadName.startsWith("TxnMarkerSender") || threadName.startsWith("AddPartitionsToTxn")
                || threadName.startsWith("controller-") || threadName.startsWith("ExpirationReaper")
                || threadName.startsWith("log-") || threadName.startsWith("transaction-")) {
            return BROKER;
        }
        return OTHER;
    }

    /** The JVM's own threads by kind, from the thread names Linux keeps (15 characters at most); empty elsewhere. */
    static String nativeGroup(String name) {
        if (name.contains("CompilerThre")) {
            return JIT;
        }
        if (name.startsWith("GC Thread") || name.startsWith("G1 ") || name.startsWith("ZWorker") || name.startsWith("ZDirector")
                || name.startsWith("Shenandoah") || name.startsWith("Parallel GC")) {
            return GC;
        }
        if (name.startsWith("VM Thread") || name.startsWith("VM Periodic") || name.startsWith("Sweeper")
                || name.startsWith("JFR ") || name.startsWith("Service Thread") || name.startsWith("Monitor Deflati")) {
            return VM;
        }
        return null;
    }

    /** CPU of the JVM's native threads, summed by {@link #nativeGroup}, read from /proc (Linux only). */
    private static final class NativeThreads {
        private static final java.nio.file.Path TASKS = java.nio.file.Path.of("/proc/self/task");
        private static final long NANOS_PER_TICK = 10_000_000L; // USER_HZ is 100 on every Linux the JVM supports

        static Map<String, Long> nanosByGroup() {
            if (!java.nio.file.Files.isDirectory(TASKS)) {
                return Map.of();
            }
            Map<String, Long> byGroup = new LinkedHashMap<>();
            try (java.util.stream.Stream<java.nio.file.Path> tasks = java.nio.file.Files.list(TASKS)) {
                tasks.forEach(task -> {
                    try {
                        String stat = java.nio.file.Files.readString(task.resolve("stat"));
                        int open = stat.indexOf('(');
                        int close = stat.lastIndexOf(')');
                        String group = nativeGroup(stat.substring(open + 1, close));
                        if (group != null) {
                            String[] f = stat.substring(close + 2).split(" ");
                            long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime
                            byGroup.merge(group, ticks * NANOS_PER_TICK, Long::sum);
                        }
                    } catch (java.io.IOException | RuntimeException e) {
                        // the thread ended while being read
                    }
                });
            } catch (java.io.IOException | RuntimeException e) {
                return Map.of();
            }
            return byGroup;
        }
    }

    private static double perItemMs(long nanos, int items) {
        return Math.round(nanos / 1e6 / items * 100) / 100.0;
    }

    private static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }
}
