package io.wirestream.ops.cli;

import io.wirestream.ops.health.ServiceHealth;
import io.wirestream.ops.health.ServiceHealthMonitor;
import io.wirestream.ops.health.ServiceHealthProbe;
import io.wirestream.ops.lag.ClusterSampler;
import io.wirestream.ops.lag.KafkaClusterSampler;
import io.wirestream.ops.lag.LagMonitor;
import io.wirestream.ops.lag.LagMonitorSettings;
import io.wirestream.ops.lag.LagReport;
import io.wirestream.ops.lag.LagStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import io.wirestream.runtime.config.DeclaredSettings;
import io.wirestream.runtime.config.InvalidSettingsException;
import io.wirestream.runtime.config.KafkaClientPassthrough;
import io.wirestream.runtime.config.KafkaSettings;
import io.wirestream.runtime.config.Settings;
import io.wirestream.runtime.kafka.KafkaClientConfigs;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code wire lag}: the lag of the pipeline's consumer groups, in records and seconds, with their status.
 * Exit code 0 when every group is OK or WARN, 1 when one is STALL, STOP or ERR, 2 when the cluster cannot be sampled.
 */
@Command(name = "lag", mixinStandardHelpOptions = true,
        description = {"Shows each pipeline consumer group's lag per partition, in records and in seconds (age of the",
                "oldest unconsumed record), with a Burrow-style status: OK, WARN (lag growing), STALL (offsets",
                "not moving while records wait), STOP (no consumer while records wait), ERR.",
                "WARN and STALL need a window of samples spanning --min-span: use --watch, or --samples N."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every group OK or WARN", "1:a group is STALL, STOP or ERR, or a --health service is not ready", "2:the cluster could not be sampled"})
public final class LagCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = {"-b", "--bootstrap-server"}, paramLabel = "HOST:PORT",
            defaultValue = "${env:WIRE_KAFKA_BOOTSTRAP_SERVERS:-127.0.0.1:9092}",
            description = "Kafka bootstrap servers (default: ${DEFAULT-VALUE})")
    String bootstrapServers;

    @Option(names = "--command-config", paramLabel = "FILE",
            description = {"Kafka client properties for TLS/SASL (security.protocol, sasl.jaas.config, ssl.*) or any other",
                    "Kafka client property, as Kafka's own tools take them; each of the command's clients takes the ones its kind",
                    "declares. A name Kafka does not declare, or one Wirestream's reading rests on (isolation.level, group.id, ...),",
                    "is refused. Over the environment's Kafka settings, which are read as the services read them:",
                    "WIRE_KAFKA_SECURITY_PROTOCOL, WIRE_KAFKA_SASL_*, WIRE_KAFKA_SSL_*, and WIRE_KAFKA_CLIENT_<PROPERTY>"})
    Path commandConfig;

    @Option(names = {"-g", "--group"}, paramLabel = "GROUP", description = "A group to watch (repeatable); default: every group with the prefix")
    List<String> groups = List.of();

    @Option(names = "--group-prefix", defaultValue = LagMonitorSettings.DEFAULT_GROUP_PREFIX,
            description = "Prefix of the groups to watch (default: ${DEFAULT-VALUE})")
    String groupPrefix;

    @Option(names = "--input", paramLabel = "GROUP=TOPIC[,TOPIC]",
            description = {"Input topics of a group (repeatable; GROUP may end in * for a prefix). A group that has not",
                    "committed on them is counted from the log start. Default: wirestream-enrich=wire.raw,",
                    "wirestream-publish-*=wire.articles; wirestream-subscribers=wire.articles"})
    List<String> inputs = List.of();

    @Option(names = "--health", paramLabel = "[NAME=]URL",
            description = {"A service's readiness URL to ask as well (repeatable), e.g.",
                    "enrich-stream=http://127.0.0.1:18082/health/ready. A service that is not ready is printed as ERR",
                    "with its reason (a stream thread that keeps failing shows here, not in offsets) and exits 1."})
    List<String> health = List.of();

    @Option(names = {"-w", "--watch"}, description = "Refresh the table every --interval until interrupted")
    boolean watch;

    @Option(names = "--interval", defaultValue = "2", paramLabel = "SECONDS",
            description = "Seconds between samples (default: ${DEFAULT-VALUE})")
    double intervalSeconds;

    @Option(names = "--samples", defaultValue = "1", paramLabel = "N",
            description = "Without --watch: samples to take before printing (default: ${DEFAULT-VALUE})")
    int samples;

    @Option(names = "--window", defaultValue = "10", paramLabel = "N",
            description = "Samples in the sliding window statuses are judged on (default: ${DEFAULT-VALUE})")
    int window;

    @Option(names = "--min-span", defaultValue = "10", paramLabel = "SECONDS",
            description = "Seconds the window must span before WARN or STALL is called (default: ${DEFAULT-VALUE})")
    double minSpanSeconds;

    @Option(names = "--iterations", hidden = true, defaultValue = "0",
            description = "With --watch: stop after this many refreshes (0: never); for tests")
    int iterations;

    /** The environment variables of Kafka's settings: the connection, and the kafka.client.* passthrough. */
    private static final String KAFKA_ENV_PREFIX = "WIRE_KAFKA_";
    private static final DeclaredSettings ENVIRONMENT_SETTINGS = DeclaredSettings.of(KafkaSettings.ALL)
            .withPassthrough(KafkaClientPassthrough.CLIENTS);

    private final Function<LagMonitorSettings, ClusterSampler> samplerFactory;
    private final Map<String, String> env;

    public LagCommand() {
        this(settings -> new KafkaClusterSampler(settings, Clock.systemUTC()), System.getenv());
    }

    LagCommand(Function<LagMonitorSettings, ClusterSampler> samplerFactory) {
        this(samplerFactory, Map.of());
    }

    /** @param env stands for the process environment */
    LagCommand(Function<LagMonitorSettings, ClusterSampler> samplerFactory, Map<String, String> env) {
        this.samplerFactory = samplerFactory;
        this.env = Map.copyOf(env);
    }

    @Override
    public Integer call() throws InterruptedException {
        LagMonitorSettings settings = settings();
        PrintWriter out = spec.commandLine().getOut();
        long pauseMillis = Math.round(intervalSeconds * 1000);
        try (LagMonitor monitor = new LagMonitor(samplerFactory.apply(settings), settings, null)) {
            LagReport report;
            boolean healthy;
            if (watch) {
                int shown = 0;
                do {
                    report = monitor.sampleNow();
                    out.print("\033[H\033[2J"); // clear the terminal so the table refreshes in place
                    out.println("wire lag  " + report.sampledAt() + "  every " + intervalSeconds + " s, Ctrl-C to stop");
                    out.print(LagTable.render(report));
                    healthy = printHealth(out);
                    out.flush();
                    shown++;
                    if (iterations > 0 && shown >= iterations) {
                        break;
                    }
                    Thread.sleep(pauseMillis);
                } while (true);
            } else {
                report = monitor.sampleNow();
                for (int i = 1; i < samples; i++) {
                    Thread.sleep(pauseMillis);
                    report = monitor.sampleNow();
                }
                out.print(LagTable.render(report));
                healthy = printHealth(out);
                out.flush();
            }
            int lagExit = exitCode(report);
            return lagExit == 0 && !healthy ? 1 : lagExit;
        }
    }

    /** Asks each --health URL and prints one status line per service; true when every one is ready. */
    private boolean printHealth(PrintWriter out) {
        if (health.isEmpty()) {
            return true;
        }
        ServiceHealthProbe probe = new ServiceHealthProbe(Duration.ofSeconds(3), Clock.systemUTC());
        boolean allReady = true;
        for (Map.Entry<String, String> e : ServiceHealthMonitor.parseUrls(String.join(",", health)).entrySet()) {
            ServiceHealth h = probe.check(e.getKey(), e.getValue());
            allReady &= h.ready();
            out.println((h.ready() ? "OK  " : "ERR  ") + h.service() + "  " + (h.ready() ? "ready" : "not ready: " + h.reason()));
        }
        return allReady;
    }

    private static int exitCode(LagReport report) {
        if (report.error() != null) {
            return 2;
        }
        LagStatus worst = report.worstStatus();
        return worst == LagStatus.OK || worst == LagStatus.WARN ? 0 : 1;
    }

    LagMonitorSettings settings() {
        int windowSize = Math.max(window, Math.max(samples, 2));
        return LagMonitorSettings.forCluster(bootstrapServers)
                .withClientProperties(clientProperties())
                .withGroups(groups)
                .withGroupPrefix(groupPrefix)
                .withGroupInputs(inputs.isEmpty() ? LagMonitorSettings.PIPELINE_INPUTS : LagMonitorSettings.parseInputs(inputs))
                .withSampling(Duration.ofMillis(Math.max(1, Math.round(intervalSeconds * 1000))), windowSize,
                        Math.min(3, windowSize), Duration.ofMillis(Math.round(minSpanSeconds * 1000)));
    }

    /** Kafka's own settings as the services read theirs, ({@code WIRE_KAFKA_*}), then {@code --command-config} over them. */
    private Map<String, String> clientProperties() {
        Map<String, String> properties = environmentClientProperties();
        properties.putAll(commandConfigProperties());
        return properties;
    }

    /**
     * The connection ({@code WIRE_KAFKA_SECURITY_PROTOCOL}, {@code WIRE_KAFKA_SASL_*}, ...) and the
     * {@code WIRE_KAFKA_CLIENT_*} passthrough of the environment, through the services' own path ({@link Settings},
     * {@link DeclaredSettings#validate}, {@link KafkaClientConfigs#from}): what a service would refuse at start is a
     * usage error here. The cluster itself is {@code --bootstrap-server}'s (its default is
     * {@code WIRE_KAFKA_BOOTSTRAP_SERVERS}).
     */
    private Map<String, String> environmentClientProperties() {
        Map<String, String> kafkaEnv = new HashMap<>();
        env.forEach((name, value) -> {
            if (name.startsWith(KAFKA_ENV_PREFIX)) {
                kafkaEnv.put(name, value);
            }
        });
        Settings settings = Settings.of(Map.of(), kafkaEnv, Map.of());
        Map<String, String> properties;
        try {
            ENVIRONMENT_SETTINGS.validate(settings);
            properties = new HashMap<>(KafkaClientConfigs.from(settings).asProperties());
        } catch (InvalidSettingsException e) {
            throw new ParameterException(spec.commandLine(), "the environment's Kafka settings: " + String.join("; ", e.problems()));
        } catch (IllegalArgumentException | UncheckedIOException e) {
            throw new ParameterException(spec.commandLine(), "the environment's Kafka settings: " + e.getMessage());
        }
        properties.remove("bootstrap.servers");
        return properties;
    }

    private Map<String, String> commandConfigProperties() {
        Map<String, String> properties = new HashMap<>();
        if (commandConfig == null) {
            return properties;
        }
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(commandConfig)) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + commandConfig, e);
        }
        List<String> problems = new java.util.ArrayList<>();
        for (String name : new java.util.TreeSet<>(p.stringPropertyNames())) {
            if (!KafkaClientPassthrough.CLIENTS.knows(name)) {
                problems.add("unknown Kafka client property '" + name + "'"
                        + KafkaClientPassthrough.CLIENTS.nearestName(name).map(n -> "; did you mean '" + n + "'?").orElse(""));
            } else if (KafkaClientPassthrough.OWNED.containsKey(name)) {
                problems.add("'" + name + "' is refused: " + KafkaClientPassthrough.OWNED.get(name));
            }
            properties.put(name, p.getProperty(name));
        }
        if (!problems.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "--command-config " + commandConfig + ": " + String.join("; ", problems));
        }
        return properties;
    }
}
