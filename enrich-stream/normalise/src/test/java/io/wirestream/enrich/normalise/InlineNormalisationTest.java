package io.wirestream.enrich.normalise;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Issue 16: payloads up to {@link NormaliserLimits#inlineMaxBytes()} are parsed on the caller (the stream thread),
 * larger ones on the worker pool; either way the time budget cuts off an item that takes too long.
 */
class InlineNormalisationTest {

    /** A clock the assembler asks once per article: it notes the thread asking and may take its time (cooperatively). */
    static final class WatchingClock extends Clock {
        final List<String> askedBy = new CopyOnWriteArrayList<>();
        final long pauseMillis;

        WatchingClock(long pauseMillis) {
            this.pauseMillis = pauseMillis;
        }

        @Override
        public Instant instant() {
            askedBy.add(Thread.currentThread().getName());
            if (pauseMillis > 0) {
                try {
                    Thread.sleep(pauseMillis);
                } catch (InterruptedException e) {
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

    private static String ninjs(String id, int bodyChars) {
        String sentence = "The harbour authority said the ferry service would resume within the week. ";
        String body = sentence.repeat(bodyChars / sentence.length() + 1);
        return "{\"uri\": \"urn:ex:" + id + "\", \"type\": \"text\", \"versioncreated\": \"2024-03-05T09:30:00Z\","
                + " \"headline\": \"Ferry service to resume\", \"body_text\": \"" + body + "\"}";
    }

    private static String outcome(WireItemNormaliser n, String payload) {
        try {
            n.normalise(TestItems.raw("ep", payload));
            return "article";
        } catch (NormalisationException e) {
            return e.reason();
        }
    }

    @Test
    void smallPayloadsAreParsedOnTheCallerAndLargeOnesOnAWorker() {
        WatchingClock clock = new WatchingClock(0);
        NormaliserLimits limits = NormaliserLimits.defaults();
        try (WireItemNormaliser n = new WireItemNormaliser(clock, limits)) {
            String small = ninjs("small", 3_000);
            String large = ninjs("large", limits.inlineMaxBytes() + 1_000);
            assertThat(small.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(limits.inlineMaxBytes());
            assertThat(large.getBytes(StandardCharsets.UTF_8).length).isGreaterThan(limits.inlineMaxBytes());

            assertThat(outcome(n, small)).isEqualTo("article");
            assertThat(clock.askedBy).last().isEqualTo(Thread.currentThread().getName());
            assertThat(outcome(n, large)).isEqualTo("article");
            assertThat(clock.askedBy).last().asString().startsWith("wire-normalise-");
        }
        // 0 sends every payload to a worker
        WatchingClock pooled = new WatchingClock(0);
        try (WireItemNormaliser n = new WireItemNormaliser(pooled, NormaliserLimits.defaults().withInlineMaxBytes(0))) {
            assertThat(outcome(n, ninjs("small", 3_000))).isEqualTo("article");
            assertThat(pooled.askedBy).singleElement().asString().startsWith("wire-normalise-");
        }
    }

    @Test
    void aSmallItemThatTakesTooLongOnTheCallerIsCutOffByTheBudget() {
        // 40 stories in one small feed; each takes 25 ms to assemble, the budget is 150 ms
        StringBuilder rss = new StringBuilder("<rss version=\"2.0\"><channel>");
        for (int i = 0; i < 40; i++) {
            rss.append("<item><guid>g").append(i).append("</guid><title>Harbour story ").append(i)
                    .append("</title><description>The harbour story number ").append(i)
                    .append(" has a body with a few words in it.</description></item>");
        }
        rss.append("</channel></rss>");
        WatchingClock slow = new WatchingClock(25);
        try (WireItemNormaliser n = new WireItemNormaliser(slow, NormaliserLimits.defaults().withTimePerItem(Duration.ofMillis(150)))) {
            assertThat(outcome(n, rss.toString())).isEqualTo("timeout");
            assertThat(slow.askedBy).isNotEmpty().hasSizeLessThan(40)
                    .allMatch(name -> name.equals(Thread.currentThread().getName()), "asked on the caller");
        }
    }

    @Test
    void aStuckParserAboveTheInlineBoundIsStillAbandonedWhenTheBudgetIsSpent() throws Exception {
        WorkerPoolBoundTest.StuckClock stuck = new WorkerPoolBoundTest.StuckClock();
        ExecutorService caller = Executors.newSingleThreadExecutor();
        try (WireItemNormaliser n = new WireItemNormaliser(stuck, NormaliserLimits.defaults().withTimePerItem(Duration.ofMillis(300)))) {
            String large = ninjs("stuck", NormaliserLimits.DEFAULT_INLINE_MAX_BYTES + 1_000);
            Future<String> result = caller.submit(() -> outcome(n, large));
            assertThat(result.get(30, TimeUnit.SECONDS)).isEqualTo("timeout");
            assertThat(stuck.inside.get()).as("the worker is still stuck, the caller is not").isEqualTo(1);
        } finally {
            stuck.release.countDown();
            caller.shutdownNow();
        }
    }
}
