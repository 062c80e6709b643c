package io.wirestream.wire.bench;

import io.wirestream.runtime.config.Settings;
import io.wirestream.contracts.topics.Topics;
import io.wirestream.wire.LocalPipeline;
import io.wirestream.wire.LocalPorts;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;

/**
 * One benchmark: a fresh local pipeline, the raw-Kafka baseline on its broker, a warm-up round, then the measured
 * round of pushes followed to the articles topic and the store. Progress goes to {@code progress}; the figures come
 * back as a {@link BenchReport}.
 */
public final class BenchRun {

    /**
     * @param portBase first local port (see {@link LocalPorts}); 0 picks a free block
     * @param dataDir where the pipeline keeps its data; null for a temporary folder deleted afterwards
     */
    public record Options(int items, int concurrency, int batchSize, double payloadKb, double duplicatesShare, int warmup,
            double ratePerSecond, int baselinePasses, int portBase, Path dataDir, Duration timeout, Duration holdBack, Duration storePollInterval, long seed,
            int scaleTo, Map<String, String> settings, boolean hops) {

        public Options {
            require(items >= 1, "--items must be at least 1");
            require(concurrency >= 1, "--concurrency must be at least 1");
            require(batchSize >= 1 && batchSize <= 1000, "--batch-size must be from 1 to 1000");
            require(payloadKb > 0 && payloadKb <= 1024, "--payload-kb must be above 0 and at most 1024");
            require(duplicatesShare >= 0 && duplicatesShare <= 0.5, "--duplicates-share must be from 0 to 0.5");
            require(warmup >= 0, "--warmup must not be negative");
            require(baselinePasses >= 1, "--baseline-passes must be at least 1");
            require(ratePerSecond >= 0, "--rate must not be negative (0: as fast as the service answers)");
            require(!timeout.isNegative() && !timeout.isZero(), "the timeout must be positive");
            require(scaleTo >= 1 && scaleTo <= 8, "--scale-to must be from 1 to 8 enrich-stream instances");
            settings = Map.copyOf(settings);
        }

        private static void require(boolean ok, String message) {
            if (!ok) {
                throw new IllegalArgumentException(message);
            }
        }
    }

    private final Options options;
    private final PrintStream progress;
    /** Scaling rounds run so far: each gets its own seed and item-id prefix. */
    private int rowsSeed;

    public BenchRun(Options options, PrintStream progress) {
        this.options = options;
        this.progress = progress;
    }

    public BenchReport run() throws Exception {
        say("generating %d invented items (and %d for the warm-up)", options.items(), options.warmup());
        List<BenchItem> measured = new InventedStories(options.seed(), options.payloadKb(), "M").items(options.items(), options.duplicatesShare());
        List<BenchItem> warmup = options.warmup() == 0 ? List.of()
                : new InventedStories(options.seed() + 1, options.payloadKb(), "W").items(options.warmup(), options.duplicatesShare());

        LocalPorts ports = options.portBase() == 0 ? LocalPorts.findFree() : new LocalPorts(options.portBase());
        List<String> busy = ports.busy();
        if (!busy.isEmpty()) {
            throw new IllegalStateException("these ports are in use: " + String.join(", ", busy) + " (pick others with --port-base, or 0 for free ones)");
        }
        boolean temporary = options.dataDir() == null;
        Path dataDir = temporary ? Files.createTempDirectory("wire-bench-") : prepare(options.dataDir());
        Map<String, String> settings = new HashMap<>();
        settings.put("publish.stores", "sqlite");
        settings.put("enrich.dedupe.hold.back", options.holdBack().toMillis() + "ms");
        // the benchmark is the only agency traffic: the per-agency rate limit must not be what is measured
        settings.put("ingest.rate.per.second", "1000000");
        settings.put("ingest.rate.burst", "1000000");
        settings.put("ingest.batch.max.items", Integer.toString(Math.max(100, options.batchSize())));
        settings.putAll(options.settings());
        say("starting the local pipeline in %s", dataDir);
        LocalPipeline pipeline = new LocalPipeline(dataDir, ports).withoutSubscribers(); // the single-output pipeline
        try {
            pipeline.start(Settings.ofValues(Map.of()), !temporary, settings);
            int partitions = partitionsOf(pipeline.bootstrapServers(), Topics.RAW.name());

            say("baseline: producing and consuming %d records of the same size on a scratch topic (%d partitions)", measured.size(), partitions);
            KafkaBaseline.Result baseline = new KafkaBaseline(pipeline.bootstrapServers(), partitions)
                    .measure(measured, Math.max(options.warmup(), measured.size()), options.baselinePasses()); // one untimed full-size pass first
            say("baseline: produce %.0f rec/s, round trip %.0f rec/s, consume %.0f rec/s",
                    baseline.producePerSecond(), baseline.roundTripPerSecond(), baseline.consumePerSecond());

            KafkaTraffic traffic = new KafkaTraffic(pipeline.bootstrapServers());
            try (traffic; ArrivalWatcher arrivals = new ArrivalWatcher(pipeline.bootstrapServers(), pipeline.registryUrl());
                    StorePoller store = new StorePoller(pipeline.readApiUrl(), options.storePollInterval())) {
                PushClients clients = new PushClients(pipeline.ingestUrl(), pipeline::apiKey, options.concurrency(), options.batchSize(),
                        options.ratePerSecond());
                List<String> notes = new ArrayList<>();
                if (!warmup.isEmpty()) {
                    say("warm-up: pushing %d items and waiting for all of them", warmup.size());
                    Round warm = round(clients, warmup, arrivals, store);
                    if (!warm.complete()) {
                        notes.add("the warm-up round did not complete (" + warm.missing() + " items missing); the pipeline may be overloaded");
                    }
                }
                say("measuring: pushing %d items with %d clients", measured.size(), options.concurrency());
                Map<String, Long> offsetsBefore = traffic.snapshot();
                HopWatcher hopWatcher = options.hops() ? new HopWatcher(pipeline.bootstrapServers()) : null;
                CpuUse cpu = new CpuUse();
                CpuUse.Snapshot cpuBefore = cpu.available() ? cpu.snapshot() : null;
                Round round;
                List<BenchReport.Hop> hops = List.of();
                try {
                    if (hopWatcher != null) {
                        hopWatcher.recordFrom(System.currentTimeMillis());
                    }
                    round = round(clients, measured, arrivals, store);
                    if (hopWatcher != null) {
                        hopWatcher.stopRecording();
                        hops = hopWatcher.hops();
                    }
                } finally {
                    if (hopWatcher != null) {
                        hopWatcher.close();
                    }
                }
                Map<String, Double> cpuPerItem = cpuBefore == null ? Map.of()
                        : CpuUse.perItem(cpuBefore, cpu.snapshot(), round.push().accepted());
                Map<String, Double> perItem = KafkaTraffic.perItem(offsetsBefore, traffic.snapshot(), round.push().accepted());
                BenchReport.Traffic kafkaTraffic = new BenchReport.Traffic(KafkaTraffic.total(perItem), perItem, cpuPerItem);
                List<BenchReport.Scale> scaling = options.scaleTo() > 1
                        ? scale(pipeline, clients, arrivals, store, round, notes) : List.of();
                if (store.lastProblem() != null) {
                    notes.add("the store poller last saw: " + store.lastProblem());
                }
                return report(measured, warmup.size(), partitions, baseline, round, arrivals, store, kafkaTraffic, scaling, hops, notes);
            }
        } finally {
            say("stopping the pipeline");
            pipeline.close();
            if (temporary) {
                deleteRecursively(dataDir);
            }
        }
    }

    /** One round: push, then wait until every accepted item has its fate on the topics and every published story is in the store. */
    private record Round(PushClients.Result push, List<Long> fateMicros, long topicDoneMicros, long storeDoneMicros, int missing,
            boolean complete) {}

    private Round round(PushClients clients, List<BenchItem> items, ArrivalWatcher arrivals, StorePoller store) throws InterruptedException {
        long deadline = System.nanoTime() + options.timeout().toNanos();
        PushClients.Result push = clients.push(items, options.timeout());
        say("  %d of %d accepted in %.2f s; following them to wire.articles and the store", push.accepted(), items.size(), push.seconds());
        long lastSay = System.nanoTime();
        int missing;
        while (true) {
            arrivals.check();
            missing = missing(push.acceptedItems(), arrivals, store);
            if (missing == 0 || System.nanoTime() > deadline) {
                break;
            }
            if (System.nanoTime() - lastSay > TimeUnit.SECONDS.toNanos(10)) {
                say("  %d items not yet through", missing);
                lastSay = System.nanoTime();
            }
            Thread.sleep(50);
        }
        long topicDone = 0;
        long storeDone = 0;
        List<Long> fates = new ArrayList<>();
        for (BenchItem item : push.acceptedItems()) {
            ArrivalWatcher.Published p = arrivals.published(item.uri());
            ArrivalWatcher.Dropped d = arrivals.merged(item.uri());
            if (p != null || d != null) {
                fates.add(p != null ? p.seenMicros() : d.seenMicros());
            }
            if (p != null) {
                topicDone = Math.max(topicDone, p.seenMicros());
                Long seen = store.firstSeen(item.uri());
                if (seen != null) {
                    storeDone = Math.max(storeDone, seen);
                }
            } else if (d != null) {
                topicDone = Math.max(topicDone, d.seenMicros());
            }
        }
        return new Round(push, fates, topicDone, storeDone, missing, missing == 0);
    }

    private static int missing(List<BenchItem> accepted, ArrivalWatcher arrivals, StorePoller store) {
        int missing = 0;
        for (BenchItem item : accepted) {
            if (arrivals.published(item.uri()) != null) {
                missing += store.firstSeen(item.uri()) == null ? 1 : 0;
            } else if (arrivals.merged(item.uri()) == null) {
                missing++;
            }
        }
        return missing;
    }

    private BenchReport report(List<BenchItem> items, int warmupItems, int partitions, KafkaBaseline.Result baseline, Round round,
            ArrivalWatcher arrivals, StorePoller store, BenchReport.Traffic kafkaTraffic, List<BenchReport.Scale> scaling,
            List<BenchReport.Hop> hops, List<String> notes) {
        PushClients.Result push = round.push();
        List<Long> toTopic = new ArrayList<>();
        List<Long> toStore = receiptToStoreMicros(push.acceptedItems(), arrivals, store);
        int published = 0;
        int merged = 0;
        int both = 0;
        int missingTopic = 0;
        int missingStore = 0;
        Set<String> acceptedUris = new HashSet<>();
        for (BenchItem item : push.acceptedItems()) {
            acceptedUris.add(item.uri());
            ArrivalWatcher.Published p = arrivals.published(item.uri());
            boolean wasMerged = arrivals.merged(item.uri()) != null;
            if (p != null) {
                published++;
                both += wasMerged ? 1 : 0;
                toTopic.add((p.processedAtMillis() - p.receivedAtMillis()) * 1000);
                missingStore += store.firstSeen(item.uri()) == null ? 1 : 0;
            } else if (wasMerged) {
                merged++;
            } else {
                missingTopic++;
            }
        }
        int records = push.acceptedItems().stream().mapToInt(i -> arrivals.articleRecords(i.uri())).sum();
        int copies = 0;
        int copiesMerged = 0;
        int copiesTwice = 0;
        int late = 0;
        for (BenchItem item : push.acceptedItems()) {
            late += arrivals.lateDuplicate(item.uri()) ? 1 : 0;
            if (!item.isCopy() || !acceptedUris.contains(item.copyOf())) {
                continue;
            }
            copies++;
            boolean copyPublished = arrivals.published(item.uri()) != null;
            boolean originalPublished = arrivals.published(item.copyOf()) != null;
            if (copyPublished && originalPublished) {
                copiesTwice++;
            } else if (copyPublished != originalPublished
                    && (arrivals.merged(item.uri()) != null || arrivals.merged(item.copyOf()) != null)) {
                copiesMerged++;
            }
        }
        if (both > 0) {
            notes.add(both + " stories were both published and audited as merged duplicates");
        }
        long firstSend = BenchClock.toMicros(push.firstSendNanos());
        double topicSeconds = Math.max(1e-6, (round.topicDoneMicros() - firstSend) / 1e6);
        double storeSeconds = Math.max(1e-6, (round.storeDoneMicros() - firstSend) / 1e6);
        int accepted = push.accepted();
        double ingestRate = push.acceptedPerSecond();
        double topicRate = accepted / topicSeconds;
        double storeRate = accepted / storeSeconds;
        int averageBytes = (int) items.stream().mapToLong(i -> i.bytes().length).average().orElse(0);

        BenchReport.Setup setup = new BenchReport.Setup(items.size(), warmupItems, options.concurrency(), options.batchSize(), options.ratePerSecond(),
                options.payloadKb(), averageBytes, options.duplicatesShare(), partitions, options.holdBack().toMillis(),
                KafkaBaseline.PRODUCER_SETTINGS);
        BenchReport.Baseline base = new BenchReport.Baseline(baseline.records(), round3(baseline.produceSeconds()),
                round1(baseline.producePerSecond()), round3(baseline.roundTripSeconds()), round1(baseline.roundTripPerSecond()),
                round3(baseline.consumeSeconds()), round1(baseline.consumePerSecond()), baseline.passes(), baseline.producePerSecondByPass());
        BenchReport.Pipeline pipe = new BenchReport.Pipeline(round3(push.seconds()), round1(ingestRate),
                percent(ingestRate, baseline.producePerSecond()), push.requests(), push.ackLatency(),
                round3(topicSeconds), round1(topicRate), percent(topicRate, baseline.roundTripPerSecond()),
                round1(middleRate(round.fateMicros())),
                round3(storeSeconds), round1(storeRate), percent(storeRate, baseline.roundTripPerSecond()),
                Latencies.ofMicros(toTopic), Latencies.ofMicros(toStore));
        boolean consistent = published + merged == accepted && missingTopic == 0 && missingStore == 0 && both == 0;
        BenchReport.Counts counts = new BenchReport.Counts(items.size(), push.pushed(), accepted, push.refused(), push.retried(),
                published, merged, consistent, missingTopic, missingStore, copies, copiesMerged, copiesTwice, late, arrivals.rejected(),
                records, push.refusals(), arrivals.otherAudits());
        return new BenchReport(setup, base, pipe, counts, kafkaTraffic, scaling, hops, round.complete(), List.copyOf(notes));
    }

    /**
     * More enrich-stream instances (each with a publish-service instance, as another machine would add) against the
     * one of the measured round: one round of the same size per instance count up to {@code --scale-to}, then one more
     * with a single instance again. The last round shows how much of the difference is the JVM still warming up
     * (JIT) rather than the extra instance: on one machine every instance shares the same cores and broker.
     */
    private List<BenchReport.Scale> scale(LocalPipeline pipeline, PushClients clients, ArrivalWatcher arrivals, StorePoller store,
            Round first, List<String> notes) throws InterruptedException {
        List<BenchReport.Scale> rows = new ArrayList<>();
        BenchReport.Scale one = scaleRow(1, "measured round", first, arrivals, store, 0);
        rows.add(one);
        for (int n = 2; n <= options.scaleTo(); n++) {
            say("scaling: starting enrich-stream instance %d and waiting for the rebalance", n);
            pipeline.addInstances(1);
            pipeline.awaitEnrichRunning(Duration.ofMinutes(2));
            rows.add(scaleRound(n, "after adding an instance", clients, arrivals, store, one.storePerSecond(), notes));
        }
        say("scaling: stopping the extra instances and measuring one instance again");
        pipeline.stopExtraInstances();
        pipeline.awaitEnrichRunning(Duration.ofMinutes(2));
        rows.add(scaleRound(1, "one instance again", clients, arrivals, store, one.storePerSecond(), notes));
        return rows;
    }

    private BenchReport.Scale scaleRound(int instances, String label, PushClients clients, ArrivalWatcher arrivals, StorePoller store,
            double onePerSecond, List<String> notes) throws InterruptedException {
        List<BenchItem> items = new InventedStories(options.seed() + 100 + rowsSeed++, options.payloadKb(), "S" + rowsSeed)
                .items(options.items(), options.duplicatesShare());
        say("scaling: pushing %d items with %d enrich-stream instance(s)", items.size(), instances);
        Round round = round(clients, items, arrivals, store);
        if (!round.complete()) {
            notes.add("the scaling round with " + instances + " instance(s) (" + label + ") did not complete: " + round.missing() + " items missing");
        }
        return scaleRow(instances, label, round, arrivals, store, onePerSecond);
    }

    private static BenchReport.Scale scaleRow(int instances, String label, Round round, ArrivalWatcher arrivals, StorePoller store,
            double onePerSecond) {
        List<Long> toStore = receiptToStoreMicros(round.push().acceptedItems(), arrivals, store);
        double seconds = Math.max(1e-6, (round.storeDoneMicros() - BenchClock.toMicros(round.push().firstSendNanos())) / 1e6);
        double perSecond = round1(round.push().accepted() / seconds);
        return new BenchReport.Scale(instances, label, round.push().accepted(), round.complete(), perSecond,
                onePerSecond <= 0 ? 1.0 : Math.round(100 * perSecond / onePerSecond) / 100.0, Latencies.ofMicros(toStore));
    }

    /** Receipt to first sight in the store (micros) of every accepted item published and stored. */
    private static List<Long> receiptToStoreMicros(List<BenchItem> accepted, ArrivalWatcher arrivals, StorePoller store) {
        List<Long> micros = new ArrayList<>();
        for (BenchItem item : accepted) {
            ArrivalWatcher.Published p = arrivals.published(item.uri());
            Long seen = p == null ? null : store.firstSeen(item.uri());
            if (seen != null) {
                micros.add(seen - p.receivedAtMillis() * 1000);
            }
        }
        return micros;
    }

    /**
     * Items per second between the 10th and the 90th percentile of the times items reached their fate: the pace
     * once the first items are out and before the last stragglers, 0 when there are too few items to tell.
     */
    static double middleRate(List<Long> fateMicros) {
        if (fateMicros.size() < 10) {
            return 0;
        }
        long[] sorted = fateMicros.stream().mapToLong(Long::longValue).sorted().toArray();
        int from = (int) (sorted.length * 0.1);
        int to = (int) (sorted.length * 0.9) - 1;
        double seconds = (sorted[to] - sorted[from]) / 1e6;
        return seconds <= 0 ? 0 : (to - from) / seconds;
    }

    private static double percent(double part, double whole) {
        return whole <= 0 ? 0 : round1(100 * part / whole);
    }

    private static double round1(double v) {
        return Math.round(v * 10) / 10.0;
    }

    private static double round3(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    private void say(String format, Object... args) {
        progress.printf(java.util.Locale.ROOT, "bench: " + format + "%n", args);
    }

    private static int partitionsOf(String bootstrapServers, String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers))) {
            return admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS).get(topic).partitions().size();
        }
    }

    /** A data folder given by the user must be new or empty: an earlier pipeline's stories would be counted. */
    private static Path prepare(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            try (Stream<Path> entries = Files.list(dir)) {
                if (entries.findAny().isPresent()) {
                    throw new IllegalStateException("--data-dir " + dir + " is not empty; give a new or empty folder");
                }
            }
        }
        return Files.createDirectories(dir);
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            System.err.println("bench: could not delete " + dir + ": " + e.getMessage());
        }
    }
}
