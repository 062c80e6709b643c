package io.wirestream.localkafka;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Properties;
import java.util.stream.Stream;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Apache Kafka broker in KRaft mode (combined broker and controller), started in this JVM the way
 * the distribution's own start script does it: write server.properties, format the storage, start KafkaRaftServer.
 *
 * <p>Used by the tests and by local mode. The ports are chosen once, so {@link #stop()} followed by {@link #start()}
 * brings the same broker back at the same address with the same data (tests of "Kafka is down" rely on that).
 * The data directory is deleted on {@link #close()} unless the broker was told to keep it.
 */
public final class EmbeddedKafka implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedKafka.class);

    private final Path dataDir;
    private final boolean keepData;
    private final int brokerPort;
    private final int controllerPort;
    private final String clusterId;
    private KafkaRaftServer server;

    private EmbeddedKafka(Path dataDir, boolean keepData, int brokerPort, int controllerPort) {
        this.dataDir = dataDir;
        this.keepData = keepData;
        this.brokerPort = brokerPort == 0 ? freePort() : brokerPort;
        int controller = controllerPort == 0 ? freePort() : controllerPort;
        // the kernel may hand out the port it just released again: two listeners on one port would not start
        while (controllerPort == 0 && controller == this.brokerPort) {
            controller = freePort();
        }
        this.controllerPort = controller;
        this.clusterId = readOrCreateClusterId(dataDir);
    }

    /** A throw-away broker on free ports whose data is deleted on close. */
    public static EmbeddedKafka startTemporary() {
        try {
            return start(Files.createTempDirectory("wirestream-kafka-"), false, 0, 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Starts a broker on the data directory.
     *
     * @param keepData keep the data on close (local mode), or delete it (tests)
     * @param brokerPort client port, 0 for a free one
     * @param controllerPort controller port, 0 for a free one
     */
    public static EmbeddedKafka start(Path dataDir, boolean keepData, int brokerPort, int controllerPort) {
        EmbeddedKafka kafka = new EmbeddedKafka(dataDir, keepData, brokerPort, controllerPort);
        try {
            kafka.start();
        } catch (RuntimeException e) {
            kafka.close();
            throw e;
        }
        return kafka;
    }

    /** Starts (or restarts after {@link #stop()}) the broker and waits until it answers metadata requests. */
    public synchronized void start() {
        if (server != null) {
            return;
        }
        Properties props = serverProperties();
        format(props);
        KafkaRaftServer raft = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
        raft.startup();
        server = raft;
        awaitReady(Duration.ofSeconds(60));
        log.info("Kafka broker ready at {} (data in {})", bootstrapServers(), dataDir);
    }

    /** Stops the broker but keeps its data and ports, so {@link #start()} brings it back as it was. */
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        server.shutdown();
        server.awaitShutdown();
        server = null;
    }

    public synchronized boolean isRunning() {
        return server != null;
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + brokerPort;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** An admin client for this broker; the caller closes it. */
    public Admin admin() {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        return Admin.create(p);
    }

    @Override
    public void close() {
        try {
            stop();
        } catch (RuntimeException e) {
            log.warn("Kafka broker did not shut down cleanly: {}", e.toString());
        }
        if (!keepData) {
            deleteRecursively(dataDir);
        }
    }

    private Properties serverProperties() {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.bootstrap.servers", "127.0.0.1:" + controllerPort);
        p.put("listeners", "PLAINTEXT://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + brokerPort);
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("log.dirs", dataDir.resolve("logs").toString());
        p.put("metadata.log.dir", dataDir.resolve("metadata").toString());
        // a single node: every internal topic has one replica
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "5");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("transaction.state.log.num.partitions", "5");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("default.replication.factor", "1");
        p.put("min.insync.replicas", "1");
        p.put("auto.create.topics.enable", "false");
        p.put("group.initial.rebalance.delay.ms", "0");
        // the cleaner's default 128 MiB dedupe buffer is wasted on a laptop-sized broker
        p.put("log.cleaner.dedupe.buffer.size", String.valueOf(2 * 1024 * 1024));
        p.put("log.cleaner.backoff.ms", "5000");
        p.put("num.network.threads", "2");
        p.put("num.io.threads", "4");
        p.put("num.partitions", "1");
        return p;
    }

    private void format(Properties props) {
        try {
            Files.createDirectories(dataDir);
            Path file = dataDir.resolve("server.properties");
            try (var out = Files.newOutputStream(file)) {
                props.store(out, "written by Wirestream's embedded broker");
            }
            ByteArrayOutputStream captured = new ByteArrayOutputStream();
            int rc = StorageTool.execute(new String[] {"format", "-t", clusterId, "-c", file.toString(), "--standalone", "--ignore-formatted"},
                    new PrintStream(captured, true, StandardCharsets.UTF_8));
            if (rc != 0) {
                throw new IllegalStateException("formatting Kafka storage failed (" + rc + "): " + captured.toString(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare Kafka data directory " + dataDir, e);
        }
    }

    private void awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        RuntimeException last = null;
        try (Admin admin = admin()) {
            while (System.nanoTime() < deadline) {
                try {
                    admin.describeCluster().nodes().get(5, java.util.concurrent.TimeUnit.SECONDS);
                    admin.listTopics().names().get(5, java.util.concurrent.TimeUnit.SECONDS);
                    return;
                } catch (Exception e) {
                    last = new IllegalStateException(e);
                    pause();
                }
            }
        }
        throw new IllegalStateException("Kafka broker at " + bootstrapServers() + " did not become ready in " + timeout, last);
    }

    private static void pause() {
        try {
            Thread.sleep(100); // polling a starting server; there is no event to wait on
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Kafka", e);
        }
    }

    private static String readOrCreateClusterId(Path dataDir) {
        Path file = dataDir.resolve("cluster.id");
        try {
            if (Files.exists(file)) {
                return Files.readString(file).trim();
            }
            Files.createDirectories(dataDir);
            String id = Uuid.randomUuid().toString();
            Files.writeString(file, id);
            return id;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write " + file, e);
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port", e);
        }
    }

    static void deleteRecursively(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    log.warn("could not delete {}: {}", p, e.toString());
                }
            });
        } catch (IOException e) {
            log.warn("could not delete {}: {}", dir, e.toString());
        }
    }
}
