package io.wirestream.enrich.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.wirestream.enrich.normalise.ItemNormaliser;
import io.wirestream.runtime.config.KafkaSettings;
import io.wirestream.runtime.config.Settings;
import io.wirestream.runtime.http.ServiceHttpServer;
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
        Map<String, Object> client = KafkaSettings.clientProperties(settings);
        EnrichSerdes serdes = EnrichSerdes.of(KafkaSettings.serdeProperties(settings), settings.get(KafkaSettings.MAX_RECORD_BYTES));
        List<ArticleStage> composed = stages.apply(serdes);
        provisionTopics(client, composed);
        EnrichTopology.Options options = EnrichTopology.Options.from(settings);
        Topology topology = EnrichTopology.build(normaliser, composed, serdes, options, Clock.systemUTC());
        streams = new KafkaStreams(topology, streamsConfig(settings, client));
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
     * The Streams configuration: the shared client settings (TLS, SASL), what exactly-once processing needs, the
     * size budget on every topic and producer, and the guards (docs/reliability.md).
     */
    /** Settings under this prefix go to Kafka Streams as they are, after Wirestream's own. */
    public static final String STREAMS_PASSTHROUGH = "enrich.streams.";

    static Properties streamsConfig(Settings settings, Map<String, Object> client) {
        Properties p = new Properties();
        p.putAll(client);
        // the guards write rejections in the wire format, so they need the registry settings too
        p.putAll(KafkaSettings.serdeProperties(settings));
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, settings.get(EnrichSettings.APPLICATION_ID));
        p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        p.put(StreamsConfig.STATE_DIR_CONFIG, settings.get(EnrichSettings.STATE_DIR));
        p.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, settings.get(EnrichSettings.STREAM_THREADS));
        p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, settings.get(EnrichSettings.COMMIT_INTERVAL).toMillis());
        p.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, settings.get(EnrichSettings.CACHE_MAX_BYTES));
        p.put(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, settings.get(EnrichSettings.STANDBY_REPLICAS));
        p.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, settings.get(KafkaSettings.REPLICATION_FACTOR));
        p.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, GuardedDeserializationHandler.class);
        p.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, GuardedProcessingHandler.class);
        p.put(StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG, GuardedProductionHandler.class);
        int budget = settings.get(KafkaSettings.MAX_RECORD_BYTES);
        p.put(StreamsConfig.topicPrefix("max.message.bytes"), String.valueOf(budget));
        KafkaSettings.producerSizeProperties(settings).forEach((k, v) -> p.put(StreamsConfig.producerPrefix(k), v));
        p.put(StreamsConfig.topicPrefix("min.insync.replicas"), settings.get(KafkaSettings.MIN_INSYNC_REPLICAS));
        p.put(StreamsConfig.producerPrefix("compression.type"), "lz4");
        p.put(StreamsConfig.consumerPrefix("auto.offset.reset"), "earliest");
        // last, so an operator can tune anything Kafka Streams offers (docs/configuration.md, "Passthrough")
        p.putAll(settings.withPrefix(STREAMS_PASSTHROUGH));
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

    private void provisionTopics(Map<String, Object> client, List<ArticleStage> composed) {
        int partitions = settings.get(KafkaSettings.PARTITIONS);
        int rf = settings.get(KafkaSettings.REPLICATION_FACTOR);
        int minIsr = settings.get(KafkaSettings.MIN_INSYNC_REPLICAS);
        int budget = settings.get(KafkaSettings.MAX_RECORD_BYTES);
        List<TopicSpec> specs = new ArrayList<>(topicSpecs(settings));
        for (ArticleStage stage : composed) {
            for (String own : stage.ownTopics()) {
                specs.add(new TopicSpec(own, partitions > 0 ? partitions : Topics.RAW.defaultPartitions(), (short) rf, minIsr,
                        "delete", ArticleStage.OWN_TOPIC_RETENTION, budget));
            }
        }
        try (Admin admin = Admin.create(new HashMap<>(client))) {
            TopicProvisioner provisioner = new TopicProvisioner(admin, Duration.ofSeconds(60));
            if (settings.get(KafkaSettings.FAIL_ON_TOPIC_MISMATCH)) {
                provisioner.ensureOrFail(specs);
            } else {
                provisioner.ensure(specs);
            }
        }
    }
}
