package io.wirestream.wire;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.wirestream.enrich.service.EnrichService;
import io.wirestream.enrich.service.EnrichServiceMain;
import io.wirestream.enrich.service.EnrichSettings;
import io.wirestream.ingest.IngestService;
import io.wirestream.ingest.IngestSettings;
import io.wirestream.ops.OpsService;
import io.wirestream.ops.OpsSettings;
import io.wirestream.runtime.config.KafkaSettings;
import io.wirestream.runtime.config.SettingValues;
import io.wirestream.runtime.metrics.FreshnessRecorder;
import io.wirestream.runtime.config.Settings;
import io.wirestream.runtime.http.ServiceHttpServer;
import io.wirestream.localkafka.EmbeddedKafka;
import io.wirestream.localkafka.registry.CompatibilityLevel;
import io.wirestream.localkafka.registry.EmbeddedSchemaRegistry;
import io.wirestream.publish.PublishService;
import io.wirestream.publish.config.PublishSettings;
import io.wirestream.subscribers.SubscriberService;
import io.wirestream.subscribers.SubscriberSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole pipeline in one JVM: a real KRaft broker, the schema registry, ingest-service, enrich-stream,
 * publish-service (SQLite by default) and the ops page, each configured exactly as it would be on its own, only
 * pointed at local addresses. Data lives under one directory, so a restart resumes where it stopped.
 */
public final class LocalPipeline implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalPipeline.class);
    private static final String LOOPBACK = "127.0.0.1";

    private final Path dataDir;
    private final LocalPorts ports;
    private EmbeddedKafka kafka;
    private EmbeddedSchemaRegistry registry;
    private IngestService ingest;
    private EnrichService enrich;
    private PublishService publish;
    private OpsService ops;
    private SubscriberService subscribers;
    private Path subscribersFile;
    private DemoReadKeys readKeys;
    private boolean withSubscribers = true;
    private DemoAgencies agencies;
    private Settings settings;
    private String bootstrapServers;
    private String registryUrl;
    private final java.util.List<EnrichService> extraEnrich = new java.util.ArrayList<>();
    private final java.util.List<PublishService> extraPublish = new java.util.ArrayList<>();

    public LocalPipeline(Path dataDir, LocalPorts ports) {
        this.dataDir = dataDir.toAbsolutePath().normalize();
        this.ports = ports;
    }

    /**
     * Leaves subscriber-service out (the bench measures the single-output pipeline). Call before starting.
     */
    public LocalPipeline withoutSubscribers() {
        withSubscribers = false;
        return this;
    }

    /**
     * Starts everything, in data-flow order so each stage finds what it reads.
     *
     * @throws io.wirestream.runtime.config.InvalidSettingsException before anything starts, when a key of the
     *         settings or of {@code extra} is no service's, or a value does not parse
     */
    public LocalPipeline start(Settings userSettings, boolean keepData, Map<String, String> extra) {
        SettingsCatalogue.declared().validate(userSettings.with(extra));
        kafka = EmbeddedKafka.start(dataDir.resolve("kafka"), keepData, ports.kafka(), ports.controller());
        Map<String, Object> kafkaClient = Map.of("bootstrap.servers", kafka.bootstrapServers());
        registry = EmbeddedSchemaRegistry.start(kafkaClient, "127.0.0.1", ports.registry(), CompatibilityLevel.BACKWARD_TRANSITIVE);
        return startServices(userSettings, kafka.bootstrapServers(), registry.url(), extra);
    }

    /**
     * Starts the services against a Kafka cluster and schema registry that already run elsewhere (a staging cluster,
     * or containers in tests); nothing embedded is started.
     */
    public LocalPipeline startAgainst(String bootstrapServers, String registryUrl, Settings userSettings, Map<String, String> extra) {
        SettingsCatalogue.declared().validate(userSettings.with(extra));
        return startServices(userSettings, bootstrapServers, registryUrl, extra);
    }

    private LocalPipeline startServices(Settings userSettings, String bootstrapServers, String registryUrl, Map<String, String> extra) {
        this.bootstrapServers = bootstrapServers;
        this.registryUrl = registryUrl;
        agencies = new DemoAgencies(dataDir.resolve("ingest"));
        readKeys = DemoReadKeys.load(dataDir.resolve("subscribers"));
        subscribersFile = DemoSubscribers.prepare(dataDir.resolve("subscribers"), readKeys);

        SettingValues local = new SettingValues()
                .set(KafkaSettings.BOOTSTRAP_SERVERS, bootstrapServers)
                .set(KafkaSettings.REGISTRY_URL, registryUrl)
                .set(KafkaSettings.PARTITIONS, 3)
                .set(KafkaSettings.REPLICATION_FACTOR, 1)
                .set(KafkaSettings.MIN_INSYNC_REPLICAS, 1)
                .set(IngestSettings.HTTP_HOST, LOOPBACK)
                .set(IngestSettings.HTTP_PORT, ports.ingest())
                .set(IngestSettings.CREDENTIALS_FILE, agencies.credentialsFile().toString())
                .set(IngestSettings.STATE_DIR, dataDir.resolve("ingest/state").toString())
                // an agency's receipt look-up tells the item's fate, asked of the read API with the operator key
                .set(IngestSettings.FATE_URL, "http://" + LOOPBACK + ":" + ports.readApi())
                .setText(IngestSettings.FATE_KEY, readKeys.operatorKey())
                .set(EnrichSettings.HTTP_HOST, LOOPBACK)
                .set(EnrichSettings.HTTP_PORT, ports.enrich())
                .set(EnrichSettings.STATE_DIR, dataDir.resolve("enrich-state").toString())
                .set(PublishSettings.HTTP_HOST, LOOPBACK)
                .set(PublishSettings.HTTP_PORT, ports.readApi())
                .set(PublishSettings.DATA_DIR, dataDir.resolve("publish").toString())
                // one key, two readers: subscriber-service fans out by it, publish-service's read API answers per
                // subscriber key by it; without subscribers (the bench) the read API stays open, as before
                .set(SubscriberSettings.FILE, subscribersFile.toString())
                .set(PublishSettings.SUBSCRIBERS_FILE, withSubscribers ? subscribersFile.toString() : "")
                .setText(PublishSettings.API_OPERATOR_KEYS, io.wirestream.subscriptions.SubscriberConfig.keyHash(readKeys.operatorKey()))
                .set(SubscriberSettings.STATE_DIR, dataDir.resolve("subscribers/state").toString())
                .set(SubscriberSettings.HTTP_HOST, LOOPBACK)
                .set(SubscriberSettings.HTTP_PORT, ports.subscribers())
                .set(OpsSettings.HTTP_HOST, LOOPBACK)
                .set(OpsSettings.HTTP_PORT, ports.ops())
                // ops asks each service's readiness, so a stream app whose threads keep failing shows with its reason
                .set(OpsSettings.HEALTH_URLS, "ingest-service=" + readyUrl(ports.ingest()) + ",enrich-stream=" + readyUrl(ports.enrich())
                        + ",publish-service=" + readyUrl(ports.readApi())
                        + (withSubscribers ? ",subscriber-service=" + readyUrl(ports.subscribers()) : ""));
        settings = userSettings.with(local).with(extra);

        ingest = new IngestService(settings);
        ingest.start();
        enrich = EnrichServiceMain.service(settings);
        enrich.start();
        awaitRunning(enrich, Duration.ofSeconds(90));
        // the ops page and publish-service share one freshness recorder, registered on the ops page's metrics
        PrometheusMeterRegistry opsMetrics = ServiceHttpServer.newMetrics("ops");
        FreshnessRecorder freshness = new FreshnessRecorder(opsMetrics);
        publish = new PublishService(settings).recordFreshnessIn(freshness);
        publish.start();
        if (withSubscribers) {
            subscribers = new SubscriberService(settings);
            subscribers.start();
        }
        ops = new OpsService(settings, opsMetrics, freshness);
        ops.start();
        log.info("local pipeline started in {}", dataDir);
        return this;
    }

    private static String readyUrl(int port) {
        return "http://" + LOOPBACK + ":" + port + "/health/ready";
    }

    /** Items pushed before the stream app has its partitions would wait anyway; waiting here makes start mean ready. */
    private static void awaitRunning(EnrichService service, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (service.state() != org.apache.kafka.streams.KafkaStreams.State.RUNNING) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("enrich-stream did not reach RUNNING within " + timeout + " (state " + service.state() + ")");
            }
            try {
                Thread.sleep(100); // Streams offers a state listener, but it is taken by the service; polling a state is enough here
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for enrich-stream", e);
            }
        }
    }

    /**
     * Starts one more instance of enrich-stream and of publish-service in the same groups, as a second machine
     * would: they share the work by partition. Each gets its own state folder and a free HTTP port.
     */
    public LocalPipeline addInstances(int n) {
        for (int i = 0; i < n; i++) {
            int index = extraEnrich.size() + 2;
            Settings instance = settings.with(new SettingValues()
                    .set(EnrichSettings.STATE_DIR, dataDir.resolve("enrich-state-" + index).toString())
                    .set(EnrichSettings.HTTP_PORT, 0)
                    .set(PublishSettings.HTTP_PORT, 0));
            EnrichService e = EnrichServiceMain.service(instance);
            e.start();
            extraEnrich.add(e);
            PublishService p = new PublishService(instance);
            p.start();
            extraPublish.add(p);
        }
        return this;
    }

    /** Waits until every enrich-stream instance is RUNNING again, as after a rebalance once instances come or go. */
    public void awaitEnrichRunning(Duration timeout) {
        awaitRunning(enrich, timeout);
        extraEnrich.forEach(e -> awaitRunning(e, timeout));
    }

    /** Stops the extra instances (as if those machines went away); their partitions move to the others. */
    public void stopExtraInstances() {
        extraPublish.forEach(PublishService::stop);
        extraEnrich.forEach(EnrichService::stop);
        extraPublish.clear();
        extraEnrich.clear();
    }

    public Path dataDir() {
        return dataDir;
    }

    public LocalPorts ports() {
        return ports;
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    public String registryUrl() {
        return registryUrl;
    }

    public String ingestUrl() {
        return "http://127.0.0.1:" + ingest.port();
    }

    public String readApiUrl() {
        return "http://127.0.0.1:" + publish.httpPort();
    }

    /** enrich-stream's own HTTP server: /health/live, /health/ready (follows the Streams state) and /metrics. */
    public String enrichUrl() {
        return "http://127.0.0.1:" + enrich.httpPort();
    }

    public String opsUrl() {
        return "http://127.0.0.1:" + ops.port();
    }

    /** The operator's read API key (reads everything), or null when the read API is open (no subscribers). */
    public String readApiKey() {
        return withSubscribers ? readKeys.operatorKey() : null;
    }

    /** The subscribers in force (read API keys are theirs), empty without subscribers. */
    public java.util.List<String> readApiSubscribers() {
        return subscribers == null ? java.util.List.of()
                : subscribers.subscribers().get().subscribers().stream().map(io.wirestream.subscriptions.Subscriber::id).toList();
    }

    /** A local subscriber's read API key, or null when none was made for it. */
    public String readApiKey(String subscriberId) {
        return withSubscribers ? readKeys.keyOf(subscriberId) : null;
    }

    public String apiKey(String agency) {
        return agencies.keyOf(agency);
    }

    public Settings settings() {
        return settings;
    }

    public EmbeddedKafka kafka() {
        return kafka;
    }

    public PublishService publish() {
        return publish;
    }

    /** subscriber-service: the fan-out to each subscriber's topic and webhook. */
    public SubscriberService subscribers() {
        return subscribers;
    }

    public Path subscribersFile() {
        return subscribersFile;
    }

    public String subscribersUrl() {
        return "http://127.0.0.1:" + subscribers.httpPort();
    }

    public OpsService ops() {
        return ops;
    }

    public EnrichService enrich() {
        return enrich;
    }

    /** Stops in reverse order; each step runs even if an earlier one failed. */
    @Override
    public void close() {
        closeQuietly("ops", () -> { if (ops != null) ops.close(); });
        closeQuietly("extra instances", this::stopExtraInstances);
        closeQuietly("subscriber-service", () -> { if (subscribers != null) subscribers.stop(); });
        closeQuietly("publish-service", () -> { if (publish != null) publish.stop(); });
        closeQuietly("enrich-stream", () -> { if (enrich != null) enrich.stop(); });
        closeQuietly("ingest-service", () -> { if (ingest != null) ingest.stop(); });
        closeQuietly("schema registry", () -> { if (registry != null) registry.close(); });
        closeQuietly("Kafka", () -> { if (kafka != null) kafka.close(); });
    }

    private static void closeQuietly(String what, Runnable step) {
        try {
            step.run();
        } catch (RuntimeException e) {
            log.warn("stopping {} failed: {}", what, e.toString());
        }
    }
}
