package io.wirestream.ops;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.wirestream.avro.Article;
import io.wirestream.avro.Rejection;
import io.wirestream.runtime.metrics.FreshnessRecorder;
import io.wirestream.ops.health.ServiceHealthMonitor;
import io.wirestream.ops.health.ServiceHealthProbe;
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
import io.wirestream.contracts.topics.Topics;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * The ops service wired for one cluster: lag monitor, tails of wire.articles and wire.rejected, freshness, and the page.
 * Local mode passes its shared {@link FreshnessRecorder} (the one publish-service records into); standalone, ops also
 * records the enrich stage's own freshness (processedAt - receivedAt) under the store name {@link #TOPIC_STORE} (the topic's own name).
 */
public final class OpsService implements AutoCloseable {

    /** Store name under which the freshness of stories on the articles topic itself is recorded. */
    public static final String TOPIC_STORE = Topics.ARTICLES.name();

    private final LagMonitor lagMonitor;
    private final TopicTail<Article> articles;
    private final TopicTail<Rejection> rejections;
    private final OpsServer server;
    private final ServiceHealthMonitor health;

    private OpsService(LagMonitor lagMonitor, TopicTail<Article> articles, TopicTail<Rejection> rejections, OpsServer server,
                       ServiceHealthMonitor health) {
        this.health = health;
        this.lagMonitor = lagMonitor;
        this.articles = articles;
        this.rejections = rejections;
        this.server = server;
    }

    /**
     * Starts everything; the page listens on {@link OpsSettings#HTTP_HOST}:{@link OpsSettings#HTTP_PORT}.
     *
     * @param freshness the recorder publish-service writes into, or null to create one here
     */
    public static OpsService start(Settings settings, PrometheusMeterRegistry metrics, FreshnessRecorder freshness) {
        LagMonitorSettings lagSettings = OpsSettings.lagMonitor(settings);
        Map<String, Object> clients = KafkaSettings.clientProperties(settings);
        Map<String, Object> serdes = KafkaSettings.serdeProperties(settings);
        int tailSize = settings.get(OpsSettings.TAIL_SIZE);
        FreshnessRecorder recorder = freshness != null ? freshness : new FreshnessRecorder(metrics);

        LagMonitor lag = new LagMonitor(lagSettings, metrics);
        // the tail holds twice the list, so stories that killed ones drop out of it still leave a full page
        TopicTail<Article> articles = new TopicTail<>(Topics.ARTICLES.name(), clients,
                Topics.ARTICLES.valueSerde(serdes).deserializer(), 2 * tailSize);
        EditorialStories editorial = new EditorialStories(limit -> articles.latest(limit).stream().map(TailedRecord::value).toList());
        Deserializer<String> keys = Topics.ARTICLES.keySerde(serdes).deserializer();
        articles.onRecord(topicFreshness(recorder).andThen(r -> editorial.observe(r.value())))
                .onTombstone(key -> editorial.tombstone(keys.deserialize(Topics.ARTICLES.name(), key)));
        TopicTail<Rejection> rejected = new TopicTail<>(Topics.REJECTED.name(), clients,
                Topics.REJECTED.valueSerde(serdes).deserializer(), tailSize);
        ServiceHealthMonitor health = new ServiceHealthMonitor(
                ServiceHealthMonitor.parseUrls(settings.get(OpsSettings.HEALTH_URLS)),
                new ServiceHealthProbe(Duration.ofSeconds(3), Clock.systemUTC()), lagSettings.sampleInterval(), metrics);
        OpsDashboard dashboard = new OpsDashboard(lag::latest, recorder,
                editorial,
                limit -> rejected.latest(limit).stream().map(r -> RejectionView.of(r.value())).toList(),
                Clock.systemUTC(), tailSize, health::latest);
        OpsServer server = new OpsServer(dashboard, metrics)
                .readiness("kafka", () -> lagProblem(lag.latest()));
        OpsService service = new OpsService(lag, articles, rejected, server, health);
        try {
            lag.start();
            health.start();
            articles.start();
            rejected.start();
            server.start(settings.get(OpsSettings.HTTP_HOST), settings.get(OpsSettings.HTTP_PORT));
        } catch (RuntimeException e) {
            service.close();
            throw e;
        }
        return service;
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

    public int port() {
        return server.port();
    }

    public LagMonitor lagMonitor() {
        return lagMonitor;
    }

    @Override
    public void close() {
        server.close();
        health.close();
        articles.close();
        rejections.close();
        lagMonitor.close();
    }
}
