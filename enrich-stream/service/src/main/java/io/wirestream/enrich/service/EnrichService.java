package io.wirestream.enrich.service;

import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.wirestream.enrich.normalise.ItemNormaliser;
import io.wirestream.platform.config.KafkaSettings;
import io.wirestream.platform.config.Settings;
import io.wirestream.platform.http.ServiceHttpServer;
import io.wirestream.platform.kafka.TopicProvisioner;
import io.wirestream.platform.kafka.TopicSpec;
import io.wirestream.schema.topics.Topics;
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
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** enrich-stream as a service: provisions its topics, runs the topology under exactly_once_v2, serves health and metrics. */
public final class EnrichService {

    private static final Logger log = LoggerFactory.getLogger(EnrichService.class);

    private final Settings settings;
    private final ItemNormaliser normaliser;
    private final Function<EnrichSerdes, List<ArticleStage>> stages;
    private KafkaStreams streams;
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
        Map<String, Object> client = KafkaSettings.clientProperties(settings);
        EnrichSerdes serdes = EnrichSerdes.of(KafkaSettings.serdeProperties(settings));
        List<ArticleStage> composed = stages.apply(serdes);
        provisionTopics(client, composed);
        EnrichTopology.Options options = new EnrichTopology.Options(settings.get(EnrichSettings.KILL_TOMBSTONE_GRACE),
                settings.get(EnrichSettings.EMBARGO_CHECK_INTERVAL), settings.get(EnrichSettings.EMBARGO_MAX_AHEAD));
        Topology topology = EnrichTopology.build(normaliser, composed, serdes, options, Clock.systemUTC());
        streams = new KafkaStreams(topology, streamsConfig(settings, client));
        streams.setUncaughtExceptionHandler(e -> {
            log.error("stream thread failed; replacing it", e);
            return org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
        });
        http = new ServiceHttpServer("enrich-stream", ServiceHttpServer.newMetrics("enrich-stream"), app -> { });
        // the topology's own counters (drops by reason, rejections) are recorded on Micrometer's global registry
        io.micrometer.core.instrument.Metrics.addRegistry(http.metrics());
        streamsMetrics = new KafkaStreamsMetrics(streams);
        streamsMetrics.bindTo(http.metrics());
        http.readiness("kafka-streams", () -> streams.state() == KafkaStreams.State.RUNNING ? null : "streams state is " + streams.state());
        streams.start();
        http.start(settings.get(EnrichSettings.HTTP_HOST), settings.get(EnrichSettings.HTTP_PORT));
        log.info("enrich-stream started (application id {})", settings.get(EnrichSettings.APPLICATION_ID));
    }

    public synchronized void stop() {
        if (streams != null) {
            // leave the group on close, or a restarted instance waits out the session timeout before it gets work
            streams.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                    .withTimeout(Duration.ofSeconds(30)));
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

    public synchronized KafkaStreams.State state() {
        return streams == null ? KafkaStreams.State.NOT_RUNNING : streams.state();
    }

    public int httpPort() {
        return http.port();
    }

    /** The Streams configuration: the shared client settings (TLS, SASL) plus what exactly-once processing needs. */
    static Properties streamsConfig(Settings settings, Map<String, Object> client) {
        Properties p = new Properties();
        p.putAll(client);
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, settings.get(EnrichSettings.APPLICATION_ID));
        p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        p.put(StreamsConfig.STATE_DIR_CONFIG, settings.get(EnrichSettings.STATE_DIR));
        p.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, settings.get(EnrichSettings.STREAM_THREADS));
        p.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, settings.get(KafkaSettings.REPLICATION_FACTOR));
        p.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, LogAndContinueExceptionHandler.class);
        p.put(StreamsConfig.topicPrefix("min.insync.replicas"), settings.get(KafkaSettings.MIN_INSYNC_REPLICAS));
        p.put(StreamsConfig.producerPrefix("compression.type"), "lz4");
        p.put(StreamsConfig.consumerPrefix("auto.offset.reset"), "earliest");
        return p;
    }

    private void provisionTopics(Map<String, Object> client, List<ArticleStage> composed) {
        int partitions = settings.get(KafkaSettings.PARTITIONS);
        int rf = settings.get(KafkaSettings.REPLICATION_FACTOR);
        int minIsr = settings.get(KafkaSettings.MIN_INSYNC_REPLICAS);
        List<TopicSpec> specs = new ArrayList<>(Topics.all().stream().map(t -> TopicSpec.of(t, partitions, rf, minIsr)).toList());
        for (ArticleStage stage : composed) {
            for (String own : stage.ownTopics()) {
                specs.add(new TopicSpec(own, partitions > 0 ? partitions : Topics.RAW.defaultPartitions(), (short) rf, minIsr,
                        "delete", ArticleStage.OWN_TOPIC_RETENTION));
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
