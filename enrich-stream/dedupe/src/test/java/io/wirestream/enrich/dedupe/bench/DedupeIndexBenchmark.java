package io.wirestream.enrich.dedupe.bench;

import io.wirestream.enrich.dedupe.fingerprint.FingerprintSettings;
import io.wirestream.enrich.dedupe.fingerprint.IndexKeys;
import io.wirestream.enrich.dedupe.index.DedupeDecision;
import io.wirestream.enrich.dedupe.index.DedupeEngine;
import io.wirestream.enrich.dedupe.index.IndexedStory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Per-item cost of dedupe (look up every index key, verify the candidates, file the story) with 10k, 100k and 1M
 * stories already in the window, the index on disk in RocksDB and the heap capped at 256 MB. Half the items offered are
 * new stories, half rewritten copies of a random filed story. The filled windows are kept under
 * {@code bench-data/} (git-ignored) so later runs skip the fill.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xmx256m", "-Xms64m"})
public class DedupeIndexBenchmark {

    @Param({"10000", "100000", "1000000"})
    public int storiesInWindow;

    private final FingerprintSettings settings = FingerprintSettings.DEFAULTS;
    private final SyntheticStories synthetic = new SyntheticStories(settings);
    private RocksDbDedupeIndex index;
    private DedupeEngine engine;
    private SplittableRandom random;
    private long offered;
    private long duplicatesFound;

    @Setup(Level.Trial)
    public void fillWindow() throws Exception {
        Path directory = Path.of(System.getProperty("dedupe.bench.dir", "bench-data"), "window-" + storiesInWindow);
        Path complete = directory.resolve("FILLED");
        boolean filled = Files.exists(complete);
        Files.createDirectories(directory);
        index = new RocksDbDedupeIndex(directory);
        if (!filled) {
            int batch = 5_000;
            for (int start = 0; start < storiesInWindow; start += batch) {
                List<IndexedStory> stories = new ArrayList<>(batch);
                List<List<String>> keys = new ArrayList<>(batch);
                for (int n = start; n < Math.min(storiesInWindow, start + batch); n++) {
                    IndexedStory story = synthetic.story(n);
                    stories.add(story);
                    keys.add(IndexKeys.of(story.signature(), settings));
                }
                index.addAll(stories, keys);
            }
            index.settle();
            Files.writeString(complete, "filled\n");
        }
        index.settle();
        engine = new DedupeEngine(settings, index);
        random = new SplittableRandom(storiesInWindow);
    }

    @Benchmark
    public DedupeDecision offerOneItem() {
        long number = 10_000_000_000L + (offered++);
        IndexedStory item = (number & 1) == 0
                ? synthetic.story(number)
                : synthetic.copyOf(random.nextInt(storiesInWindow), number);
        DedupeDecision decision = engine.offer(item);
        if (decision.duplicate()) {
            duplicatesFound++;
        }
        return decision;
    }

    @TearDown(Level.Trial)
    public void close() {
        Runtime runtime = Runtime.getRuntime();
        System.out.printf("%n[window %d] offered %d, copies found %d (of ~%d offered), heap used %d MB of max %d MB%n",
                storiesInWindow, offered, duplicatesFound, offered / 2,
                (runtime.totalMemory() - runtime.freeMemory()) >> 20, runtime.maxMemory() >> 20);
        index.close();
    }
}
