package io.wirestream.ops;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.wirestream.avro.Article;
import io.wirestream.avro.Rejection;
import io.wirestream.runtime.metrics.FreshnessRecorder;
import io.wirestream.ops.health.ServiceHealthMonitor;
import io.wirestream.ops.health.ServiceHealthProbe;
import io.wirestream.ops.subscribers.SubscriberStatusMonitor;
import io.wirestream.ops.lag.LagMonitor;
import io.wirestream.ops.lag.LagMonitorSettings;
import io.wirestream.ops.lag.LagReport;
import io.wirestream.ops.tail.TailedRecord;
import io.wirestream.ops.tail.TopicTail;
import io.wirestream.ops.web.EditorialStories;
import io.wirestream.ops.web.OpsDashboard;
import io.wirestream.ops.web.OpsServer;
import io.wirestream.ops.web.RejectionView;
import io.wirestream.runtime.config.KafkaSettings;
import io.wirestream.runtime.config.Settings;
import io.wirestream.runtime.kafka.KafkaClientConfigs;
import io.wirestream.runtime.lifecycle.WireService;
import io.wirestream.contracts.topics.Topics;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.common.serialization.Deserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ops service wired for one cluster: lag monitor, tails of wire.articles and wire.rejected, freshness, and the page.
 * Local mode passes its shared {@link FreshnessRecorder} (the one publish-service records into); standalone, ops also
 * records the enrich stage's own freshness (processedAt - receivedAt) under the store name {@link #TOPIC_STORE} (the topic's own name).
 */
public final class OpsService implements WireService, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(OpsService.class);

    /** Store name under which the freshness of stories on the articles topic itself is recorded. */
    public static final String TOPIC_STORE = Topics.ARTICLES.name();

    private final Settings settings;
    private final PrometheusMeterRegistry metrics;
    private final FreshnessRecorder sharedFreshness;
    private LagMonitor lagMonitor;
    private TopicTail<Article> articles;
    private TopicTail<Rejection> rejections;
    private OpsServer server;
    private ServiceHealthMonitor health;
    private SubscriberStatusMonitor subscriberStatus;

    /**
     * The page listens on {@link OpsSettings#HTTP_HOST}:{@link OpsSettings#HTTP_PORT} once {@link #start() started}.
     *
     * @param freshness the recorder publish-service writes into, or null to create one here
     */
    public OpsService(Settings settings, PrometheusMeterRegistry metrics, FreshnessRecorder freshness) {
        this.settings = settings;
        this.metrics = metrics;
        this.sharedFreshness = freshness;
    }

    /** Starts the lag monitor, the health probes, both tails and the page; on failure stops what had started. */
    @Override
    public synchronized void start() {
        if (server != null) {
            return;
        }
        try {
            startAll();
        } catch (RuntimeException e) {
            stop();
            throw e;
        }
        log.info("ops page at http://{}:{}/", settings.get(OpsSettings.HTTP_HOST), server.port());
    }

    private void startAll() {
        LagMonitorSettings lagSettings = OpsSettings.lagMonitor(settings);
        // connection and kafka.client.*: each tail's consumer takes what a consumer declares (TopicTail.consumerConfig)
        Map<String, String> clients = KafkaClientConfigs.from(settings).asProperties();
        Map<String, Object> serdes = KafkaSettings.serdeProperties(settings);
        int tailSize = settings.get(OpsSettings.TAIL_SIZE);
        FreshnessRecorder recorder = sharedFreshness != null ? sharedFreshness : new FreshnessRecorder(metrics);

        LagMonitor lag = new LagMonitor(lagSettings, metrics);
        lagMonitor = lag;
        lag.start();
        Map<String, String> readinessUrls = ServiceHealthMonitor.parseUrls(settings.get(OpsSettings.HEALTH_URLS));
        health = new ServiceHealthMonitor(readinessUrls,
                new ServiceHealthProbe(Duration.ofSeconds(3), Clock.systemUTC()), lagSettings.sampleInterval(), metrics);
        health.start();
        // each subscriber-service among them is also asked for its subscribers' delivery figures
        subscriberStatus = new SubscriberStatusMonitor(SubscriberStatusMonitor.statusUrls(readinessUrls), Duration.ofSeconds(3),
                lagSettings.sampleInterval(), Clock.systemUTC());
        subscriberStatus.start();
        // the tail holds twice the list, so stories that killed ones drop out of it still leave a full page
        TopicTail<Article> articleTail = new TopicTail<>(Topics.ARTICLES.name(), clients,
                Topics.ARTICLES.valueSerde(serdes).deserializer(), 2 * tailSize);
        articles = articleTail;
        EditorialStories editorial = new EditorialStories(limit -> articleTail.latest(limit).stream().map(TailedRecord::value).toList());
        Deserializer<String> keys = Topics.ARTICLES.keySerde(serdes).deserializer();
        articleTail.onRecord(topicFreshness(recorder).andThen(r -> editorial.observe(r.value())))
                .onTombstone(key -> editorial.tombstone(keys.deserialize(Topics.ARTICLES.name(), key)));
        articleTail.start();
        TopicTail<Rejection> rejected = new TopicTail<>(Topics.REJECTED.name(), clients,
                Topics.REJECTED.valueSerde(serdes).deserializer(), tailSize);
        rejections = rejected;
        rejected.start();
        ServiceHealthMonitor services = health;
        SubscriberStatusMonitor subscribers = subscriberStatus;
        OpsDashboard dashboard = new OpsDashboard(lag::latest, recorder,
                editorial,
                limit -> rejected.latest(limit).stream().map(r -> RejectionView.of(r.value())).toList(),
                Clock.systemUTC(), tailSize, services::latest, subscribers::latest);
        server = new OpsServer(dashboard, metrics)
                .readiness("kafka", () -> lagProblem(lag.latest()));
        server.start(settings.get(OpsSettings.HTTP_HOST), settings.get(OpsSettings.HTTP_PORT));
    }

    private static Consumer<TailedRecord<Article>> topicFreshness(FreshnessRecorder recorder) {
        return record -> {
            Article a = record.value();
            if (a.getProcessedAt() != null) {
                recorder.record(TOPIC_STORE, a.getAgency(), Duration.between(a.getReceivedAt(), a.getProcessedAt()));
            }
        };
    }

    private static String lagProblem(LagReport report) {
        if (report.sampledAt() == null) {
            return "no lag sample taken yet";
        }
        return report.error();
    }

    public synchronized int port() {
        if (server == null) {
            throw new IllegalStateException("not started");
        }
        return server.port();
    }

    public synchronized LagMonitor lagMonitor() {
        return lagMonitor;
    }

    /** Stops the page, the probes, the tails and the lag monitor; idempotent. */
    @Override
    public synchronized void stop() {
        if (server != null) {
            server.close();
            server = null;
        }
        if (health != null) {
            health.close();
            health = null;
        }
        if (subscriberStatus != null) {
            subscriberStatus.close();
            subscriberStatus = null;
        }
        if (articles != null) {
            articles.close();
            articles = null;
        }
        if (rejections != null) {
            rejections.close();
            rejections = null;
        }
        if (lagMonitor != null) {
            lagMonitor.close();
            lagMonitor = null;
        }
    }

    @Override
    public void close() {
        stop();
    }
}
