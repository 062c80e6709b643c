package io.wirestream.wire.faults;

import io.wirestream.localkafka.faults.TcpProxy;
import io.wirestream.localkafka.EmbeddedKafka;
import io.wirestream.localkafka.registry.CompatibilityLevel;
import io.wirestream.localkafka.registry.EmbeddedSchemaRegistry;
import io.wirestream.wire.LocalPorts;
import io.wirestream.wire.bench.BenchItem;
import io.wirestream.wire.bench.InventedStories;
import io.wirestream.wire.bench.PushClients;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import io.wirestream.wire.bench.StorySeed;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code wire faults}: the real local pipeline, as a child JVM, under four faults in turn, each in the middle of a
 * burst: SIGKILL of the whole pipeline, a broker restart, the registry gone for a while, PostgreSQL cut (through a
 * TCP proxy the harness owns; the database server itself is never touched). After each fault it waits for the
 * pipeline to drain and counts where every accepted item went.
 */
@Command(name = "faults", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Runs the whole pipeline as a child process against a broker and registry this command owns,",
                "and in turn: SIGKILLs the pipeline mid-burst and starts it again on the same data (kill), restarts",
                "the broker (broker), takes the schema registry away (registry), and cuts PostgreSQL through a TCP",
                "proxy (postgres). After each it reports accepted = published + merged + rejected, lost, and",
                "published twice, from the store, wire.dedupe-audit, wire.rejected and wire.articles."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every fault: 0 lost, 0 published twice", "1:some fault lost or duplicated items", "2:the harness could not run"})
public final class FaultsCommand implements Callable<Integer> {

    static final List<String> ALL_FAULTS = List.of("kill", "broker", "registry", "postgres");

    @Option(names = "--faults", split = ",", paramLabel = "LIST", description = "Faults to run, in order (default: kill,broker,registry,postgres)")
    List<String> faults = ALL_FAULTS;

    @Option(names = "--items", defaultValue = "400", paramLabel = "N", description = "Items per fault, half before and half after it (default: ${DEFAULT-VALUE})")
    int items;

    @Option(names = "--registry-outage", defaultValue = "30", paramLabel = "SECONDS", description = "How long the registry stays away (default: ${DEFAULT-VALUE})")
    int registryOutageSeconds;

    @Option(names = "--postgres-outage", defaultValue = "30", paramLabel = "SECONDS", description = "How long PostgreSQL stays cut (default: ${DEFAULT-VALUE})")
    int postgresOutageSeconds;

    @Option(names = "--postgres", defaultValue = "127.0.0.1:5432", paramLabel = "HOST:PORT",
            description = "PostgreSQL (trust auth, database test) for the postgres fault; a schema of its own is used (default: ${DEFAULT-VALUE})")
    String postgres;

    @Option(names = "--drain-timeout", defaultValue = "240", paramLabel = "SECONDS", description = "How long to wait for each fault's items to be accounted for (default: ${DEFAULT-VALUE})")
    int drainTimeoutSeconds;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Where the broker and the pipeline keep data (default: a new temporary folder)")
    Path dataDir;

    @Mixin
    StorySeed seed = new StorySeed(20261206);

    @Override
    public Integer call() throws Exception {
        PrintStream out = System.out;
        for (String f : faults) {
            if (!ALL_FAULTS.contains(f)) {
                System.err.println("wire faults: unknown fault '" + f + "'; known: " + String.join(",", ALL_FAULTS));
                return 2;
            }
        }
        Path root = dataDir != null ? dataDir.toAbsolutePath() : Files.createTempDirectory("wire-faults-");
        Files.createDirectories(root);
        LocalPorts pipelinePorts = LocalPorts.findFree();
        LocalPorts ownPorts = LocalPorts.findFree(); // broker, controller, registry and proxy of the harness
        int proxyPort = ownPorts.ingest();
        String schema = "wire_faults_" + ProcessHandle.current().pid();
        String[] pg = postgres.split(":");
        Path config = root.resolve("pipeline.properties");
        Properties p = new Properties();
        p.setProperty("publish.postgres.url", "jdbc:postgresql://127.0.0.1:" + proxyPort + "/test");
        p.setProperty("publish.postgres.schema", schema);
        p.setProperty("ops.lag.interval", "2s");
        try (var w = Files.newBufferedWriter(config)) {
            p.store(w, "written by wire faults");
        }
        String stores = faults.contains("postgres") ? "sqlite,postgres" : "sqlite";
        out.printf("wire faults: data in %s, pipeline ports from %d, broker %d, registry %d, PostgreSQL proxy %d -> %s (schema %s)%n",
                root, pipelinePorts.base(), ownPorts.kafka(), ownPorts.registry(), proxyPort, postgres, schema);

        List<Row> rows = new ArrayList<>();
        Harness h = new Harness(root, ownPorts, out);
        try (TcpProxy proxy = new TcpProxy(proxyPort, pg[0], Integer.parseInt(pg[1]))) {
            proxy.restore();
            h.startBroker();
            h.startRegistry();
            PipelineProcess pipeline = new PipelineProcess(root.resolve("pipeline"), pipelinePorts.base(), h.bootstrap(),
                    h.registryUrl(), config, stores);
            try {
                out.println("starting the pipeline (child JVM, log " + pipeline.log() + ") ...");
                pipeline.start(Duration.ofSeconds(180));
                String readApi = "http://127.0.0.1:" + pipelinePorts.readApi();
                PushClients push = new PushClients("http://127.0.0.1:" + pipelinePorts.ingest(), h.keys(root.resolve("pipeline")), 4, 10, 0);
                int round = 0;
                for (String fault : faults) {
                    round++;
                    List<BenchItem> burst = new InventedStories(seed.value() + round, 2, "F" + round + fault).items(items, 0.1);
                    List<BenchItem> first = burst.subList(0, burst.size() / 2);
                    List<BenchItem> second = burst.subList(burst.size() / 2, burst.size());
                    long started = System.nanoTime();
                    out.printf("[%s] pushing %d items ...%n", fault, first.size());
                    List<BenchItem> accepted = new ArrayList<>(push.push(first, Duration.ofSeconds(120)).acceptedItems());
                    out.printf("[%s] %d accepted; injecting the fault%n", fault, accepted.size());
                    switch (fault) {
                        case "kill" -> {
                            pipeline.kill();
                            out.println("[kill] pipeline SIGKILLed; starting it again on the same data ...");
                            pipeline.start(Duration.ofSeconds(180));
                        }
                        case "broker" -> {
                            h.stopBroker();
                            out.println("[broker] broker stopped; starting it again ...");
                            h.startBroker();
                        }
                        case "registry" -> {
                            h.stopRegistry();
                            out.printf("[registry] registry away for %d s; pushing meanwhile ...%n", registryOutageSeconds);
                            Thread restore = delayed(registryOutageSeconds, () -> h.startRegistry());
                            accepted.addAll(push.push(second, Duration.ofSeconds(registryOutageSeconds + 120L)).acceptedItems());
                            restore.join();
                            second = List.of();
                        }
                        case "postgres" -> {
                            proxy.cut();
                            out.printf("[postgres] PostgreSQL cut for %d s; pushing meanwhile ...%n", postgresOutageSeconds);
                            accepted.addAll(push.push(second, Duration.ofSeconds(120)).acceptedItems());
                            Thread.sleep(Math.max(0, postgresOutageSeconds * 1000L - (System.nanoTime() - started) / 1_000_000));
                            proxy.restore();
                            out.println("[postgres] PostgreSQL reachable again");
                            second = List.of();
                        }
                        default -> throw new IllegalStateException(fault);
                    }
                    if (!second.isEmpty()) {
                        out.printf("[%s] pushing %d more items ...%n", fault, second.size());
                        accepted.addAll(push.push(second, Duration.ofSeconds(180)).acceptedItems());
                    }
                    String pgUrl = fault.equals("postgres") ? "jdbc:postgresql://" + postgres + "/test" : null;
                    Ledger ledger = new Ledger(h.bootstrap(), h.registryUrl(), readApi, h.operatorReadKey(root.resolve("pipeline")), pgUrl, schema);
                    rows.add(drain(fault, ledger, accepted, started, out));
                }
            } finally {
                out.println("stopping the pipeline ...");
                pipeline.close();
            }
        } catch (RuntimeException e) {
            System.err.println("wire faults: " + e.getMessage());
            e.printStackTrace();
            print(rows, out);
            return 2;
        } finally {
            h.close();
            if (faults.contains("postgres")) {
                dropSchema("jdbc:postgresql://" + postgres + "/test", schema, out);
            }
        }
        print(rows, out);
        return rows.stream().allMatch(r -> r.count().holds()) ? 0 : 1;
    }

    /** Waits until every accepted item is accounted for, or the count stops changing for long, or the timeout. */
    private Row drain(String fault, Ledger ledger, List<BenchItem> accepted, long started, PrintStream out) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(drainTimeoutSeconds).toNanos();
        Ledger.Count count = null;
        String problem = null;
        while (System.nanoTime() < deadline) {
            try {
                count = ledger.count(accepted);
                problem = null;
                out.printf("[%s] accounted %d/%d: published %d, merged %d, rejected %d, twice %d%n", fault,
                        count.accepted() - count.lost(), count.accepted(), count.published(), count.merged(), count.rejected(),
                        count.publishedTwice());
                if (count.lost() == 0) {
                    break;
                }
            } catch (Exception e) {
                problem = e.toString();
                out.printf("[%s] cannot count yet: %s%n", fault, problem);
            }
            Thread.sleep(5000);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        if (count == null) {
            count = new Ledger.Count(accepted.size(), 0, 0, 0, accepted.size(), 0, List.of());
        }
        if (count.lost() > 0) {
            out.printf("[%s] still missing after %.0f s, e.g. %s%n", fault, seconds, count.lostSample());
        }
        return new Row(fault, count, seconds);
    }

    /** The harness's own schema only: the database is shared with other people's tests. */
    private static void dropSchema(String jdbcUrl, String schema, PrintStream out) {
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(jdbcUrl, "postgres", "");
             java.sql.Statement st = c.createStatement()) {
            st.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            out.println("dropped the PostgreSQL schema " + schema);
        } catch (java.sql.SQLException e) {
            out.println("could not drop the PostgreSQL schema " + schema + ": " + e.getMessage());
        }
    }

    record Row(String fault, Ledger.Count count, double seconds) {
    }

    static void print(List<Row> rows, PrintStream out) {
        out.println();
        out.println("| fault | accepted | published | merged | rejected | lost | published twice | seconds | holds |");
        out.println("|---|---:|---:|---:|---:|---:|---:|---:|---|");
        for (Row r : rows) {
            Ledger.Count c = r.count();
            out.printf(Locale.ROOT, "| %s | %d | %d | %d | %d | %d | %d | %.0f | %s |%n", r.fault(), c.accepted(), c.published(),
                    c.merged(), c.rejected(), c.lost(), c.publishedTwice(), r.seconds(), c.holds() ? "yes" : "NO");
        }
    }

    private static Thread delayed(int seconds, Runnable action) {
        Thread t = new Thread(() -> {
            try {
                Thread.sleep(seconds * 1000L);
                action.run();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "faults-restore");
        t.setDaemon(true);
        t.start();
        return t;
    }

    /** The broker and registry the harness owns, so it can stop and start them under the running pipeline. */
    static final class Harness implements AutoCloseable {
        private final Path root;
        private final LocalPorts ports;
        private final PrintStream out;
        private EmbeddedKafka kafka;
        private EmbeddedSchemaRegistry registry;

        Harness(Path root, LocalPorts ports, PrintStream out) {
            this.root = root;
            this.ports = ports;
            this.out = out;
        }

        void startBroker() {
            if (kafka == null) {
                kafka = EmbeddedKafka.start(root.resolve("kafka"), true, ports.kafka(), ports.controller());
            } else {
                kafka.start(); // same data and ports: the pipeline's clients reconnect to the broker they knew
            }
        }

        void stopBroker() {
            kafka.stop();
        }

        void startRegistry() {
            registry = EmbeddedSchemaRegistry.start(Map.of("bootstrap.servers", bootstrap()), "127.0.0.1", ports.registry(),
                    CompatibilityLevel.BACKWARD_TRANSITIVE);
            out.println("registry up at " + registry.url());
        }

        void stopRegistry() {
            registry.close();
            registry = null;
        }

        String bootstrap() {
            return "127.0.0.1:" + ports.kafka();
        }

        String registryUrl() {
            return "http://127.0.0.1:" + ports.registry();
        }

        /** The demo agencies' keys the child pipeline wrote under its data folder. */
        /** The local pipeline's operator read key (`wire up` makes it beside its subscribers file), or null. */
        String operatorReadKey(Path pipelineData) throws Exception {
            Path file = pipelineData.resolve("subscribers").resolve(io.wirestream.wire.DemoReadKeys.FILE);
            if (!Files.exists(file)) {
                return null;
            }
            Properties keys = new Properties();
            try (var in = Files.newBufferedReader(file)) {
                keys.load(in);
            }
            return keys.getProperty("operator");
        }

        java.util.function.Function<String, String> keys(Path pipelineData) throws Exception {
            Properties keys = new Properties();
            try (var in = Files.newBufferedReader(pipelineData.resolve("ingest/local-api-keys.properties"))) {
                keys.load(in);
            }
            return keys::getProperty;
        }

        @Override
        public void close() {
            if (registry != null) {
                registry.close();
            }
            if (kafka != null) {
                kafka.close();
            }
        }
    }
}
