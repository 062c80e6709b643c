package io.wirestream.publish.store;

import io.wirestream.avro.Article;
import io.wirestream.publish.store.jdbc.SqliteArticleStore;
import io.wirestream.publish.testing.ExpectedStories;
import io.wirestream.publish.testing.TestArticles;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * However records are cut into batches, a store ends in the same state as if it had applied them one at a time,
 * and no story ever moves to an older version on the way.
 */
class BatchPlanPropertyTest {

    static final Instant NOW = Instant.parse("2026-03-02T12:00:00Z");
    static final String TOPIC = "wire.articles";

    /** One record: a version of one of a few stories, sometimes a kill, sometimes a tombstone. */
    record Op(int story, long version, boolean kill, boolean tombstone) {
        IncomingRecord toRecord(long offset) {
            String uri = "testwire:p:" + story;
            if (tombstone) {
                return IncomingRecord.tombstone(uri, TOPIC, 0, offset);
            }
            Article a = kill ? TestArticles.kill(uri, version) : TestArticles.usable(uri, version);
            return IncomingRecord.article(a, TOPIC, 0, offset);
        }
    }

    @Provide
    Arbitrary<List<Op>> histories() {
        Arbitrary<Op> op = Combinators.combine(
                Arbitraries.integers().between(0, 3),
                Arbitraries.longs().between(1, 6),
                Arbitraries.integers().between(0, 9).map(n -> n == 0),
                Arbitraries.integers().between(0, 14).map(n -> n == 0)).as(Op::new);
        return op.list().ofMinSize(1).ofMaxSize(40);
    }

    static List<IncomingRecord> records(List<Op> ops) {
        List<IncomingRecord> records = new ArrayList<>();
        for (int i = 0; i < ops.size(); i++) {
            records.add(ops.get(i).toRecord(i));
        }
        return records;
    }

    static List<List<IncomingRecord>> split(List<IncomingRecord> records, long seed) {
        Random random = new Random(seed);
        List<List<IncomingRecord>> batches = new ArrayList<>();
        int from = 0;
        while (from < records.size()) {
            int size = 1 + random.nextInt(Math.min(8, records.size() - from));
            batches.add(records.subList(from, from + size));
            from += size;
        }
        return batches;
    }

    /** A store reduced to its state map, driven only by BatchPlan. */
    static final class PlanOnlyStore {
        final Map<String, BatchPlan.Known> state = new HashMap<>();
        ApplyResult totals = ApplyResult.EMPTY;
        final List<String> wentBackwards = new ArrayList<>();

        void apply(List<IncomingRecord> batch, KillMode mode) {
            BatchPlan plan = BatchPlan.of(batch, uris -> {
                Map<String, BatchPlan.Known> known = new HashMap<>();
                uris.forEach(u -> { if (state.containsKey(u)) known.put(u, state.get(u)); });
                return known;
            }, mode, NOW);
            for (BatchPlan.Target t : plan.targets()) {
                BatchPlan.Known before = state.get(t.uri());
                if (before != null && t.version() < before.version()) {
                    wentBackwards.add(t.uri() + " " + before.version() + " -> " + t.version());
                }
                state.put(t.uri(), new BatchPlan.Known(t.version(), t.status()));
            }
            totals = totals.plus(plan.result());
        }
    }

    @Property(tries = 500)
    void batchingDoesNotChangeTheOutcome(@ForAll("histories") List<Op> ops, @ForAll long seed,
                                         @ForAll @IntRange(min = 0, max = 1) int deleteMode) {
        KillMode mode = deleteMode == 1 ? KillMode.DELETE : KillMode.WITHDRAW;
        List<IncomingRecord> records = records(ops);
        PlanOnlyStore oneByOne = new PlanOnlyStore();
        records.forEach(r -> oneByOne.apply(List.of(r), mode));
        PlanOnlyStore batched = new PlanOnlyStore();
        split(records, seed).forEach(b -> batched.apply(b, mode));

        assertThat(batched.state).isEqualTo(oneByOne.state);
        assertThat(batched.totals).isEqualTo(oneByOne.totals);
        assertThat(oneByOne.wentBackwards).isEmpty();
        assertThat(batched.wentBackwards).isEmpty();
    }

    /** Issue 15: whatever follows a kill that took (any versions, tombstones, any batching), the story stays killed. */
    @Property(tries = 500)
    void aStoryOnceKilledStaysKilled(@ForAll("histories") List<Op> ops, @ForAll long seed) {
        List<IncomingRecord> records = records(ops);
        PlanOnlyStore store = new PlanOnlyStore();
        java.util.Set<String> killed = new java.util.HashSet<>();
        for (List<IncomingRecord> batch : split(records, seed)) {
            store.apply(batch, KillMode.WITHDRAW);
            store.state.forEach((uri, known) -> {
                if (known.status().isKilled()) {
                    killed.add(uri);
                }
            });
            for (String uri : killed) {
                assertThat(store.state.get(uri).status().isKilled()).as("%s came back after its kill", uri).isTrue();
            }
        }
    }

    @Property(tries = 15)
    void aRealSqliteStoreEndsWhereTheOneAtATimeRuleSays(@ForAll("histories") List<Op> ops, @ForAll long seed) throws IOException {
        List<Op> noTombstones = ops.stream().filter(op -> !op.tombstone()).toList();
        if (noTombstones.isEmpty()) {
            return;
        }
        List<IncomingRecord> records = records(noTombstones);
        ExpectedStories expected = new ExpectedStories(KillMode.WITHDRAW);
        expected.sent(records.stream().map(IncomingRecord::article).toList());

        Path dir = Files.createTempDirectory("batchplan-");
        SqliteArticleStore store = new SqliteArticleStore(dir.resolve("a.sqlite"), KillMode.WITHDRAW);
        try {
            store.open();
            split(records, seed).forEach(b -> store.apply(b, NOW));
            assertThat(expected.differences(store, NOW)).isEmpty();
            assertThat(store.storedOffsets().values()).containsExactly((long) records.size());
        } finally {
            store.close();
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
