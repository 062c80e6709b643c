package io.wirestream.wire;

import io.wirestream.publish.config.PublishSettings;
import io.wirestream.runtime.config.InvalidSettingsException;
import io.wirestream.runtime.config.Settings;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code wire up}: the whole pipeline locally, in one JVM, with data kept under a directory. */
@Command(name = "up", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run the whole pipeline locally: a Kafka broker (KRaft), the schema registry, ingest-service,",
                "enrich-stream, publish-service (SQLite), subscriber-service and the ops page, in one JVM. Data is kept under",
                "--data-dir, so stopping and starting again resumes where it stopped."})
public final class UpCommand implements Callable<Integer> {

    @Option(names = "--data-dir", defaultValue = "wire-data", paramLabel = "DIR", description = "Where everything keeps its data (default: ${DEFAULT-VALUE})")
    Path dataDir;

    @Option(names = "--demo", description = "Push the bundled sample items (one per wire format) and report what was published")
    boolean demo;

    @Option(names = "--exit-after-demo", description = "With --demo: stop once the demo report is printed (exit code 0 only if every expectation held)")
    boolean exitAfterDemo;

    @Option(names = "--port-base", defaultValue = "18080", paramLabel = "PORT",
            description = "First of the local ports: ingest PORT, registry +1, enrich +2, read API +3, subscribers +4, ops +10, Kafka +12/+13 (default: ${DEFAULT-VALUE})")
    int portBase;

    @Option(names = "--config", paramLabel = "FILE", description = "Properties file with further settings (see `wire config`)")
    Path config;

    @Option(names = "--stores", paramLabel = "LIST", description = "Stores to publish to, e.g. sqlite,files or sqlite,postgres (default: sqlite)")
    String stores;

    @Option(names = "--bootstrap-server", paramLabel = "HOST:PORT",
            description = {"Use this Kafka cluster instead of starting a broker (with --registry-url); the fault harness",
                    "runs the broker and registry itself so it can stop and restart them"})
    String bootstrapServer;

    @Option(names = "--registry-url", paramLabel = "URL", description = "Use this schema registry instead of starting one (with --bootstrap-server)")
    String registryUrl;

    @Mixin
    SettingOverrides set = new SettingOverrides();

    /** What this run sets over the local defaults: --set values, and --stores. */
    Map<String, String> extraSettings() {
        Map<String, String> extra = new java.util.LinkedHashMap<>(set.values());
        if (stores != null) {
            extra.put(PublishSettings.STORES.key(), stores);
        }
        return extra;
    }

    @Override
    public Integer call() throws Exception {
        if ((bootstrapServer == null) != (registryUrl == null)) {
            System.err.println("wire up: --bootstrap-server and --registry-url go together");
            return 2;
        }
        LocalPorts ports = new LocalPorts(portBase);
        List<String> busy = ports.busy();
        if (!busy.isEmpty()) {
            System.err.println("wire up: cannot start, these ports are in use: " + String.join(", ", busy));
            System.err.println("Is another `wire up` running? Stop it, or pick other ports with --port-base.");
            return 1;
        }
        Settings settings = Settings.load(config);
        Map<String, String> extra = extraSettings();
        try {
            // before anything is announced or started (the pipeline checks again, for its other callers)
            SettingsCatalogue.declared().validate(settings.with(extra));
        } catch (InvalidSettingsException e) {
            System.err.println("wire up: invalid settings, nothing started:\n  " + String.join("\n  ", e.problems()));
            return 2;
        }
        CliLogging.apply(settings.with(extra));
        System.out.println("Starting Wirestream locally (data in " + dataDir.toAbsolutePath().normalize() + ") ...");
        LocalPipeline pipeline = new LocalPipeline(dataDir, ports);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\nStopping Wirestream ...");
            pipeline.close();
            stopped.countDown();
        }, "wire-shutdown"));
        try {
            if (bootstrapServer != null) {
                pipeline.startAgainst(bootstrapServer, registryUrl, settings, extra);
            } else {
                pipeline.start(settings, true, extra);
            }
        } catch (InvalidSettingsException e) {
            System.err.println("wire up: invalid settings, nothing started:\n  " + String.join("\n  ", e.problems()));
            return 2;
        } catch (RuntimeException | LinkageError e) {
            // a class missing from the package is an Error, not an Exception: it too must end in a stop and an exit
            // code, or the broker's threads keep the process alive after main has died
            System.err.println("wire up: start failed: " + e);
            e.printStackTrace();
            return 1;
        }
        printWhere(pipeline);
        if (demo) {
            DemoRunner.Report report = new DemoRunner(pipeline).run(System.out);
            new SubscriberDemoReport(pipeline).print(System.out);
            if (exitAfterDemo) {
                return report.allExpectationsHeld() ? 0 : 3;
            }
        }
        System.out.println("\nPress Ctrl+C to stop.");
        stopped.await();
        return 0;
    }

    /** The banner's line of API documentation: every running service that serves Swagger UI (subscribers: null when left out). */
    static String apiDocsLine(String ingestUrl, String readApiUrl, String subscribersUrl, String opsUrl) {
        return "  API docs       " + ingestUrl + "/docs   " + readApiUrl + "/docs   "
                + (subscribersUrl == null ? "" : subscribersUrl + "/docs   ") + opsUrl + "/docs   (OpenAPI 3.1 at /openapi.json on each)";
    }

    static void printWhere(LocalPipeline p) {
        String key = p.apiKey("demo");
        System.out.println();
        System.out.println("Wirestream is running.");
        System.out.println("  Push an item   curl -i -H 'Authorization: Bearer " + key + "' \\");
        System.out.println("                      -H 'Content-Type: application/xml' --data-binary @story.xml " + p.ingestUrl() + "/v1/items");
        System.out.println("                 (that key belongs to agency 'demo'; keys of the other demo agencies are in "
                + p.dataDir().resolve("ingest/local-api-keys.properties") + ")");
        if (p.readApiKey() == null) {
            System.out.println("  Read articles  " + p.readApiUrl() + "/v1/changes   " + p.readApiUrl() + "/v1/search?q=tram");
        } else {
            System.out.println("  Read articles  curl -H 'Authorization: Bearer " + p.readApiKey() + "' " + p.readApiUrl() + "/v1/changes");
            System.out.println("                 (the operator key: reads everything; each subscriber's key reads only its copy:)");
            for (String id : p.readApiSubscribers()) {
                String readKey = p.readApiKey(id);
                System.out.println("                 " + id + "  " + (readKey == null ? "(no key made: its file predates read keys)" : readKey));
            }
        }
        if (p.subscribers() != null) {
            System.out.println("  Subscribers    " + p.subscribersFile() + "   (topics wire.sub.<id>; health " + p.subscribersUrl()
                    + "/health/ready; read keys in " + p.subscribersFile().resolveSibling(DemoReadKeys.FILE) + ")");
        }
        System.out.println("  Ops page       " + p.opsUrl() + "/   (API: " + p.opsUrl() + "/api/overview)");
        System.out.println(apiDocsLine(p.ingestUrl(), p.readApiUrl(), p.subscribers() == null ? null : p.subscribersUrl(), p.opsUrl()));
        System.out.println("  Enrich health  " + p.enrichUrl() + "/health/ready   " + p.enrichUrl() + "/health/live   "
                + p.enrichUrl() + "/metrics");
        System.out.println("  Kafka          " + p.bootstrapServers() + "   (topics wire.raw, wire.articles, wire.rejected)");
        System.out.println("  Registry       " + p.registryUrl());
        System.out.println("  Lag            ./wire lag --bootstrap-server " + p.bootstrapServers() + " --health enrich-stream="
                + p.enrichUrl() + "/health/ready --watch");
        System.out.println("  Data           " + p.dataDir());
    }
}
