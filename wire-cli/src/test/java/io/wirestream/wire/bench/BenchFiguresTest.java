package io.wirestream.wire.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** The arithmetic behind the report's figures. */
class BenchFiguresTest {

    @Test
    void percentilesAreObservedValuesByNearestRank() {
        List<Long> micros = LongStream.rangeClosed(1, 100).map(v -> v * 1000).boxed().toList();
        Latencies l = Latencies.ofMicros(micros);
        assertThat(l.count()).isEqualTo(100);
        assertThat(l.p50()).isEqualTo(50.0);
        assertThat(l.p95()).isEqualTo(95.0);
        assertThat(l.p99()).isEqualTo(99.0);
        assertThat(l.max()).isEqualTo(100.0);
        assertThat(Latencies.ofMicros(List.of(7000L))).isEqualTo(new Latencies(1, 7, 7, 7, 7));
        assertThat(Latencies.ofMicros(List.of())).isEqualTo(Latencies.NONE);
    }

    @Test
    void theMiddlePaceLeavesOutASlowStartAndTail() {
        List<Long> fates = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            fates.add(i * 10_000_000L); // one item every 10 s at first
        }
        long t = fates.get(9);
        for (int i = 0; i < 80; i++) {
            t += 10_000; // then 100 items/s
            fates.add(t);
        }
        for (int i = 0; i < 10; i++) {
            t += 5_000_000;
            fates.add(t);
        }
        assertThat(BenchRun.middleRate(fates)).isCloseTo(100.0, org.assertj.core.data.Offset.offset(2.0));
        assertThat(BenchRun.middleRate(List.of(1L, 2L))).isZero();
    }

    @Test
    void trafficPerItemIsWhatEachTopicGainedOverTheItemsLargestFirst() {
        var before = java.util.Map.of("wire.raw", 100L, "wire.articles", 50L, "idle", 7L);
        var after = java.util.Map.of("wire.raw", 300L, "wire.articles", 150L, "idle", 7L, "new-topic", 900L);
        var perItem = KafkaTraffic.perItem(before, after, 200);
        assertThat(perItem).containsExactly(java.util.Map.entry("new-topic", 4.5), java.util.Map.entry("wire.raw", 1.0),
                java.util.Map.entry("wire.articles", 0.5));
        assertThat(KafkaTraffic.total(perItem)).isEqualTo(6.0);
    }

    @Test
    void hopsAreTheTopicsAStoryCrossesInTheOrderItReachesThem() {
        assertThat(List.of("wire.raw", "wire.articles", "wirestream-enrich-dedupe-by-story-repartition",
                "wirestream-enrich-dedupe-replies", "wirestream-enrich-dedupe-index-changelog", "wire.dedupe-audit", "wire.rejected",
                "__consumer_offsets")).filteredOn(HopWatcher::isHop).containsExactly("wire.raw", "wire.articles",
                "wirestream-enrich-dedupe-by-story-repartition", "wirestream-enrich-dedupe-replies");

        var byTopic = new java.util.LinkedHashMap<String, List<Long>>();
        byTopic.put("wire.articles", List.of(900_000L, 1_100_000L, 1_000_000L));
        byTopic.put("b-repartition", List.of(300_000L, 200_000L));
        byTopic.put("wire.raw", List.of(5_000L, 2_000L, 9_000L));
        byTopic.put("a-repartition", List.of(200_000L, 300_000L));
        List<BenchReport.Hop> hops = HopWatcher.ordered(byTopic);
        assertThat(hops).extracting(BenchReport.Hop::topic)
                .as("by median, a tie by name").containsExactly("wire.raw", "a-repartition", "b-repartition", "wire.articles");
        assertThat(hops.get(3).receiptToReadableMs()).isEqualTo(new Latencies(3, 1000, 1100, 1100, 1100));
    }
}
