package io.wirestream.ingest.pull;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PullSchedulerTest {

    @Test
    void stuckSourcesDoNotStopTheOthers() {
        CountDownLatch never = new CountDownLatch(1);
        AtomicInteger feedRounds = new AtomicInteger();
        AtomicInteger folderScans = new AtomicInteger();
        try (PullScheduler scheduler = new PullScheduler()) {
            // two feeds whose server never answers, scheduled first, as in a sources file that lists them first
            scheduler.every("feed stuck-1", Duration.ofMillis(10), () -> awaitQuietly(never));
            scheduler.every("feed stuck-2", Duration.ofMillis(10), () -> awaitQuietly(never));
            scheduler.every("feed healthy", Duration.ofMillis(10), feedRounds::incrementAndGet);
            scheduler.every("folder condor", Duration.ofMillis(10), folderScans::incrementAndGet);
            await("the healthy feed and the drop folder keep their schedule").atMost(Duration.ofSeconds(10))
                    .until(() -> feedRounds.get() >= 5 && folderScans.get() >= 5);
        } finally {
            never.countDown();
        }
    }

    static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
