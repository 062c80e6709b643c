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
 * total less the threads'. A thread that ends between the snapshots takes its time with it.
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

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();

    /** Nanoseconds of CPU so far, per thread id, with the group each thread belongs to. */
    record Snapshot(long processNanos, Map<Long, Long> nanosByThread, Map<Long, String> groupByThread) {}

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
        return new Snapshot(processCpuNanos(), nanos, groups);
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
        ms.put(JVM, perItemMs(Math.max(0, process - threadsTotal), items));
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
