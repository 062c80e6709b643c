package io.wirestream.wire.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import io.wirestream.wire.SettingOverrides;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code wire bench}: end-to-end throughput and latency of the whole pipeline, against raw Kafka on the same broker. */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Benchmark the whole pipeline end to end on this machine.", "",
                "Starts a fresh local pipeline (Kafka, registry, ingest, enrich, publish to",
                "SQLite) in a temporary folder and measures raw Kafka on its broker as the",
                "baseline: as many records of the same size, produced with acks=all and",
                "idempotence while a consumer reads them back. Then pushes invented NewsML-G2",
                "stories over the real push API from concurrent clients and follows each one",
                "to wire.articles and the read API's change feed.", "",
                "Prints throughput against the baseline, ack and end-to-end latency",
                "percentiles, and counts that must add up (published + merged = accepted).",
                "Exit status: 0 complete, 2 incomplete, 1 could not run. On a shared 2-core",
                "machine figures vary by about 2x: compare runs made back to back.", ""})
public final class BenchCommand implements Callable<Integer> {

    @Option(names = "--items", defaultValue = "2000", paramLabel = "N", description = "Items in the measured round (default: ${DEFAULT-VALUE})")
    int items;

    @Option(names = "--concurrency", defaultValue = "8", paramLabel = "N", description = "Push clients, each with one request in flight (default: ${DEFAULT-VALUE})")
    int concurrency;

    @Option(names = "--batch-size", defaultValue = "20", paramLabel = "N",
            description = "Items per push request: 1 uses POST /v1/items, more uses POST /v1/items/batch with one agency's items (default: ${DEFAULT-VALUE})")
    int batchSize;

    @Option(names = "--payload-kb", defaultValue = "3", paramLabel = "KB", description = "Approximate size of each item in KiB (default: ${DEFAULT-VALUE})")
    double payloadKb;

    @Option(names = "--duplicates-share", defaultValue = "0.1", paramLabel = "SHARE",
            description = "Share of items that are near copies of an earlier story by another agency, 0 to 0.5 (default: ${DEFAULT-VALUE})")
    double duplicatesShare;

    @Option(names = "--warmup", defaultValue = "200", paramLabel = "N",
            description = "Items pushed and followed through before measuring; 0 for none (default: ${DEFAULT-VALUE})")
    int warmup;

    @Option(names = "--rate", defaultValue = "0", paramLabel = "ITEMS_PER_S",
            description = "Offer the items at this pace (all clients together) to measure latency below saturation; "
                    + "0 pushes as fast as the service answers: a burst, whose latencies are mostly queueing (default: ${DEFAULT-VALUE})")
    double rate;

    @Option(names = "--baseline-passes", defaultValue = "3", paramLabel = "N",
            description = "Timed passes of the raw-Kafka baseline; the best of each figure is the ceiling (default: ${DEFAULT-VALUE})")
    int baselinePasses;

    @Option(names = "--json", description = "Print the report as JSON on stdout (progress stays on stderr)")
    boolean json;

    @Option(names = "--port-base", defaultValue = "0", paramLabel = "PORT",
            description = "First of the local ports as for `wire up`; 0 picks a free block (default: ${DEFAULT-VALUE})")
    int portBase;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Keep the pipeline's data in this new or empty folder, and leave it there (default: a temporary folder, deleted after)")
    Path dataDir;

    @Option(names = "--timeout", defaultValue = "600", paramLabel = "SECONDS",
            description = "Longest wait for the measured round (pushing and following through) (default: ${DEFAULT-VALUE})")
    int timeoutSeconds;

    @Option(names = "--hold-back-ms", defaultValue = "0", paramLabel = "MS",
            description = "The dedupe hold-back the pipeline runs with (enrich.dedupe.hold.back); it is part of every story's latency (default: ${DEFAULT-VALUE})")
    long holdBackMillis;

    @Option(names = "--store-poll-ms", defaultValue = "100", paramLabel = "MS",
            description = "Pause of the change-feed poller after a short page; store latencies are late by up to this (default: ${DEFAULT-VALUE})")
    long storePollMillis;

    @Option(names = "--scale-to", defaultValue = "1", paramLabel = "N",
            description = "After the measured round, add enrich-stream instances (with a publish-service each) one at a time up to N, "
                    + "measure a round of --items with each count, then one more with a single instance again; prints the ratio to one "
                    + "instance (default: ${DEFAULT-VALUE}: no scaling rounds)")
    int scaleTo;

    @Option(names = "--hops",
            description = "Also time each topic a story crosses (raw, every repartition topic, articles): receipt to readable "
                    + "there, read_committed, to show which hop adds the latency. Reading every hop costs CPU on this machine too")
    boolean hops;

    @Mixin
    SettingOverrides set = new SettingOverrides();

    @Mixin
    StorySeed seed = new StorySeed(20261128);

    @Override
    public Integer call() {
        BenchRun.Options options;
        try {
            options = new BenchRun.Options(items, concurrency, batchSize, payloadKb, duplicatesShare, warmup, rate, baselinePasses, portBase, dataDir,
                    Duration.ofSeconds(timeoutSeconds), Duration.ofMillis(holdBackMillis), Duration.ofMillis(storePollMillis), seed.value(),
                    scaleTo, set.values(), hops);
        } catch (IllegalArgumentException e) {
            System.err.println("wire bench: " + e.getMessage());
            return 1;
        }
        BenchReport report;
        try {
            report = new BenchRun(options, System.err).run();
        } catch (Exception e) {
            System.err.println("wire bench: could not run: " + e.getMessage());
            e.printStackTrace();
            return 1;
        }
        if (json) {
            System.out.println(report.toJson());
        } else {
            report.print(System.out);
        }
        return report.ok() ? 0 : 2;
    }

    /** Runs the command on its own, until `wire` lists it. */
    public static void main(String[] args) {
        io.wirestream.wire.WireCommand.configureLogging();
        int code = new CommandLine(new BenchCommand()).execute(args);
        System.exit(code); // broker threads are not daemons: leave explicitly
    }
}
