package io.wirestream.enrich.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.wirestream.enrich.normalise.ItemNormaliser;
import io.wirestream.runtime.config.KafkaSettings;
import io.wirestream.runtime.config.Settings;
import io.wirestream.runtime.http.ServiceHttpServer;
import io.wirestream.runtime.kafka.KafkaClientConfigs;
import io.wirestream.runtime.kafka.TopicProvisioner;
import io.wirestream.runtime.kafka.TopicSpec;
import io.wirestream.runtime.lifecycle.WireService;
import io.wirestream.contracts.topics.Topics;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** enrich-stream as a service: provisions its topics, runs the topology under exactly_once_v2, serves health and metrics. */
public final class EnrichService implements WireService {

    private static final Logger log = LoggerFactory.getLogger(EnrichService.class);

    private final Settings settings;
    private final ItemNormaliser normaliser;
    private final Function<EnrichSerdes, List<ArticleStage>> stages;
    private volatile KafkaStreams streams;
    private volatile boolean stopping;
    private StreamThreadHealth health;
    private ServiceHttpServer http;
    private KafkaStreamsMetrics streamsMetrics;

    /**
     * @param stages the stages between normalisation and release, given the serdes (versions and dedupe, tags and links)
     */
    public EnrichService(Settings settings, ItemNormaliser normaliser, Function<EnrichSerdes, List<ArticleStage>> stages) {
        this.settings = settings;
        this.normaliser = normaliser;
        this.stages = stages;
    }

    public synchronized void start() {
        stopping = false;
        KafkaClientConfigs clients = KafkaClientConfigs.from(settings);
        EnrichSerdes serdes = EnrichSerdes.of(KafkaSettings.serdeProperties(settings), settings.get(KafkaSettings.MAX_RECORD_BYTES));
        List<ArticleStage> composed = stages.apply(serdes);
        provisionTopics(clients, composed);
        EnrichTopology.Options options = EnrichTopology.Options.from(settings);
        Topology topology = EnrichTopology.build(normaliser, composed, serdes, options, Clock.systemUTC());
        streams = new KafkaStreams(topology, streamsConfig(settings));
        health = new StreamThreadHealth(Clock.systemUTC(), settings.get(EnrichSettings.HEALTH_MAX_THREAD_FAILURES),
                settings.get(EnrichSettings.HEALTH_FAILURE_WINDOW));
        http = new ServiceHttpServer("enrich-stream", ServiceHttpServer.newMetrics("enrich-stream"),
                app -> app.get("/health/streams", ctx -> ctx.json(health.snapshot(state()))));
        Counter replacements = http.metrics().counter("wirestream.enrich.thread.replacements");
        http.metrics().gauge("wirestream.enrich.failing", health, h -> h.failing() ? 1 : 0);
        streams.setUncaughtExceptionHandler(e -> {
            health.threadFailed(e);
            replacements.increment();
            if (stopping) {
                // a thread failing during close must not be replaced, or close waits on it
                return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
            }
            log.error("stream thread failed; replacing it", e);
            return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
        });
        // the topology's own counters (drops by reason, rejections) are recorded on Micrometer's global registry
        io.micrometer.core.instrument.Metrics.addRegistry(http.metrics());
        streamsMetrics = new KafkaStreamsMetrics(streams);
        streamsMetrics.bindTo(http.metrics());
        http.readiness("kafka-streams", () -> health.problem(state()));
        streams.start();
        http.start(settings.get(EnrichSettings.HTTP_HOST), settings.get(EnrichSettings.HTTP_PORT));
        log.info("enrich-stream started (application id {})", settings.get(EnrichSettings.APPLICATION_ID));
    }

    public void stop() {
        stopping = true; // read by the uncaught-exception handler without taking the lock close() may be waiting on
        synchronized (this) {
            stopLocked();
        }
    }

    private void stopLocked() {
        if (streams != null) {
            // leave the group on close, or a restarted instance waits out the session timeout before it gets work;
            // bounded, so SIGTERM ends the process even when a thread is stuck failing
            boolean closed = streams.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                    .withTimeout(settings.get(EnrichSettings.CLOSE_TIMEOUT)));
            if (!closed) {
                log.warn("stream threads did not stop within {}; going on with shutdown", settings.get(EnrichSettings.CLOSE_TIMEOUT));
            }
            streams = null;
        }
        if (streamsMetrics != null) {
            streamsMetrics.close();
            streamsMetrics = null;
        }
        if (http != null) {
            io.micrometer.core.instrument.Metrics.removeRegistry(http.metrics());
            http.close();
            http = null;
        }
    }

    public KafkaStreams.State state() {
        KafkaStreams s = streams;
        return s == null ? KafkaStreams.State.NOT_RUNNING : s.state();
    }

    public int httpPort() {
        return http.port();
    }

    /**
     * The Streams configuration, in rising precedence: the connection of the wire settings (TLS, SASL) and the
     * registry's; what Wirestream sets (exactly-once, the application id and state directory, the {@code enrich.*}
     * tuning, the size budget on every topic and producer, the guards of docs/reliability.md, lz4 and earliest as
     * defaults); {@code kafka.client.*}; {@code enrich.streams.*}. Both passthroughs are checked at start: what
     * Wirestream owns cannot be named there ({@link EnrichStreamsPassthrough}).
     */
    static Properties streamsConfig(Settings settings) {
        KafkaClientConfigs clients = KafkaClientConfigs.from(settings);
        Map<String, String> streamsPassthrough = settings.passthrough(EnrichStreamsPassthrough.STREAMS);
        List<String> refused = streamsPassthrough.keySet().stream()
                .filter(n -> EnrichStreamsPassthrough.STREAMS.refusal(n).isPresent())
                .map(n -> "'" + EnrichStreamsPassthrough.PREFIX + n + "' is refused: " + EnrichStreamsPassthrough.STREAMS.refusal(n).orElseThrow())
                .toList();
        if (!refused.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", refused));
        }
        Map<String, Object> own = new HashMap<>();
        own.put(StreamsConfig.APPLICATION_ID_CONFIG, settings.get(EnrichSettings.APPLICATION_ID));
        own.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        own.put(StreamsConfig.STATE_DIR_CONFIG, settings.get(EnrichSettings.STATE_DIR));
        own.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, settings.get(EnrichSettings.STREAM_THREADS));
        own.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, settings.get(EnrichSettings.COMMIT_INTERVAL).toMillis());
        own.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, settings.get(EnrichSettings.CACHE_MAX_BYTES));
        own.put(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, settings.get(EnrichSettings.STANDBY_REPLICAS));
        // every RocksDB store of the process shares one bounded budget outside the heap (an operator may name another setter)
        own.put(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, BoundedRocksDbMemory.class);
        own.put(BoundedRocksDbMemory.BUDGET_CONFIG, String.valueOf(settings.get(EnrichSettings.ROCKSDB_MEMORY_BYTES)));
        own.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, settings.get(KafkaSettings.REPLICATION_FACTOR));
        own.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, GuardedDeserializationHandler.class);
        own.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, GuardedProcessingHandler.class);
        own.put(StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG, GuardedProductionHandler.class);
        int budget = settings.get(KafkaSettings.MAX_RECORD_BYTES);
        own.put(StreamsConfig.topicPrefix("max.message.bytes"), String.valueOf(budget));
        KafkaSettings.producerSizeProperties(settings).forEach((k, v) -> own.put(StreamsConfig.producerPrefix(k), v));
        own.put(StreamsConfig.topicPrefix("min.insync.replicas"), settings.get(KafkaSettings.MIN_INSYNC_REPLICAS));
        own.put(StreamsConfig.producerPrefix("compression.type"), "lz4");
        own.put(StreamsConfig.consumerPrefix("auto.offset.reset"), "earliest");

        Properties p = new Properties();
        p.putAll(clients.connection());
        // the guards write rejections in the wire format, so they need the registry settings too
        p.putAll(KafkaSettings.serdeProperties(settings));
        p.putAll(own);
        // Kafka Streams hands each client property to the inner clients that declare it
        EnrichStreamsPassthrough.overlay(p, own, clients.passthrough());
        EnrichStreamsPassthrough.overlay(p, own, streamsPassthrough);
        return p;
    }

    /** The catalogue's topics as this deployment provisions them, each taking records up to the size budget. */
    static List<TopicSpec> topicSpecs(Settings settings) {
        int partitions = settings.get(KafkaSettings.PARTITIONS);
        int rf = settings.get(KafkaSettings.REPLICATION_FACTOR);
        int minIsr = settings.get(KafkaSettings.MIN_INSYNC_REPLICAS);
        int budget = settings.get(KafkaSettings.MAX_RECORD_BYTES);
        return Topics.all().stream().map(t -> TopicSpec.of(t, partitions, rf, minIsr, budget)).toList();
    }

    private void provisionTopics(KafkaClientConfigs clients, List<ArticleStage> composed) {
        int partitions = settings.get(KafkaSettings.PARTITIONS);
        int rf = settings.get(KafkaSettings.REPLICATION_FACTOR);
        int minIsr = settings.get(KafkaSettings.MIN_INSYNC_REPLICAS);
        int budget = settings.get(KafkaSettings.MAX_RECORD_BYTES);
        List<TopicSpec> specs = new ArrayList<>(topicSpecs(settings));
        List<TopicSpec> former = new ArrayList<>();
        Function<String, TopicSpec> stageTopic = name -> new TopicSpec(name, partitions > 0 ? partitions : Topics.RAW.defaultPartitions(),
                (short) rf, minIsr, "delete", ArticleStage.OWN_TOPIC_RETENTION, budget);
        for (ArticleStage stage : composed) {
            stage.ownTopics().forEach(own -> specs.add(stageTopic.apply(own)));
            stage.formerTopics().forEach(name -> former.add(stageTopic.apply(name)));
        }
        try (Admin admin = Admin.create(clients.admin(Map.of()))) {
            TopicProvisioner provisioner = new TopicProvisioner(admin, Duration.ofSeconds(60));
            if (settings.get(KafkaSettings.FAIL_ON_TOPIC_MISMATCH)) {
                provisioner.ensureOrFail(specs);
            } else {
                provisioner.ensure(specs);
            }
            provisioner.createMissing(former);
        }
    }
}
