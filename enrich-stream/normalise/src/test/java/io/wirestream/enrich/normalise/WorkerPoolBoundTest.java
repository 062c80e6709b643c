package io.wirestream.enrich.normalise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 13: the normaliser's worker pool is bounded. A worker that is stuck past its budget and ignores interrupts
 * keeps its thread; the next items wait for a free worker within their budget and are refused ("overloaded") when
 * none frees up, instead of each getting a new thread without limit. The item is small, so these tests turn off
 * parsing on the caller ({@link NormaliserLimits#inlineMaxBytes()}) to put it on the pool; {@link InlineNormalisationTest}
 * holds the same stuck parser above the inline bound with the default limits.
 */
class WorkerPoolBoundTest {

    /** A clock the assembler asks once per article; it holds the worker until released and ignores interrupts. */
    static final class StuckClock extends Clock {
        final CountDownLatch release = new CountDownLatch(1);
        final AtomicInteger inside = new AtomicInteger();
        final AtomicInteger mostInside = new AtomicInteger();

        @Override
        public Instant instant() {
            mostInside.accumulateAndGet(inside.incrementAndGet(), Math::max);
            boolean interrupted = false;
            try {
                while (true) {
                    try {
                        release.await();
                        break;
                    } catch (InterruptedException e) {
                        interrupted = true; // a stuck parser does not listen
                    }
                }
            } finally {
                inside.decrementAndGet();
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
            return TestItems.RECEIVED;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    static final String ITEM = """
            {"uri": "urn:ex:pool", "type": "text", "versioncreated": "2024-03-05T09:30:00Z", "headline": "Pool test",
             "body_text": "The harbour reopened on Tuesday."}""";

    private final StuckClock clock = new StuckClock();
    private final ExecutorService callers = Executors.newFixedThreadPool(8);

    @AfterEach
    void release() {
        clock.release.countDown();
        callers.shutdownNow();
    }

    private static String outcome(WireItemNormaliser n) {
        try {
            n.normalise(TestItems.raw("ep", ITEM));
            return "article";
        } catch (NormalisationException e) {
            return e.reason();
        }
    }

    @Test
    void noMoreItemsRunAtOnceThanThereAreWorkers() throws Exception {
        NormaliserLimits limits = NormaliserLimits.defaults().withTimePerItem(Duration.ofMillis(1500)).withInlineMaxBytes(0);
        try (WireItemNormaliser n = new WireItemNormaliser(clock, limits, 2)) {
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                results.add(callers.submit(() -> outcome(n)));
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> results.stream().allMatch(Future::isDone));
            assertThat(clock.mostInside.get()).as("items running at once").isEqualTo(2);
            List<String> outcomes = new ArrayList<>();
            for (Future<String> f : results) {
                outcomes.add(f.get());
            }
            // two stuck items time out; the rest waited their budget for a worker and were refused
            assertThat(outcomes).containsOnly("timeout", "overloaded");
            assertThat(outcomes).filteredOn("timeout"::equals).hasSize(2);
        }
    }

    @Test
    void aWorkerFreedInTimeServesTheWaitingItem() throws Exception {
        NormaliserLimits limits = NormaliserLimits.defaults().withTimePerItem(Duration.ofSeconds(20)).withInlineMaxBytes(0);
        try (WireItemNormaliser n = new WireItemNormaliser(clock, limits, 1)) {
            Future<String> first = callers.submit(() -> outcome(n));
            await().atMost(Duration.ofSeconds(10)).until(() -> clock.inside.get() == 1);
            Future<String> second = callers.submit(() -> outcome(n));
            // the second item waits for the only worker, it is not given a thread of its own
            await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(5)).until(() -> !second.isDone());
            assertThat(clock.mostInside.get()).isEqualTo(1);
            clock.release.countDown();
            assertThat(first.get()).isEqualTo("article");
            assertThat(second.get()).isEqualTo("article");
        }
    }
}
