package io.wirestream.ingest.pull;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs each pull source on its own thread and schedule. One shared pool let two stuck feeds take every thread, and
 * then no feed was polled and no drop folder scanned; with a thread per source, a source that hangs (until its own
 * deadline) delays only itself. Sources are few (lines of the sources file), so a thread each is cheap.
 */
public final class PullScheduler implements AutoCloseable {

    private final List<ScheduledExecutorService> threads = new ArrayList<>();

    /** Runs {@code task} now and then {@code period} after each run ends, on a thread of its own named {@code name}. */
    public synchronized void every(String name, Duration period, Runnable task) {
        ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "ingest-pull " + name);
            t.setDaemon(true);
            return t;
        });
        threads.add(thread);
        thread.scheduleWithFixedDelay(task, 0, period.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Interrupts every source and waits a bounded time for them to end. */
    @Override
    public synchronized void close() {
        threads.forEach(ScheduledExecutorService::shutdownNow);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        for (ScheduledExecutorService thread : threads) {
            try {
                thread.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        threads.clear();
    }
}
