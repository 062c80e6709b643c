package io.wirestream.publish;

import io.micrometer.core.instrument.FunctionCounter;
import io.javalin.config.RoutesConfig;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.wirestream.runtime.metrics.FreshnessRecorder;
import io.wirestream.avro.Article;
import io.wirestream.runtime.config.KafkaSettings;
import io.wirestream.runtime.kafka.KafkaClientConfigs;
import io.wirestream.runtime.http.ApiDocs;
import io.wirestream.runtime.http.ServiceHttpServer;
import io.wirestream.runtime.lifecycle.WireService;
import io.wirestream.publish.api.ArticleReadApi;
import io.wirestream.publish.api.ReadAccess;
import io.wirestream.publish.store.jdbc.JdbcArticleStore;
import io.wirestream.subscriptions.LiveSubscribers;
import io.wirestream.publish.config.PublishSettings;
import io.wirestream.publish.config.StoreConsumerSettings;
import io.wirestream.publish.config.StoreKind;
import io.wirestream.publish.config.StoreSelection;
import io.wirestream.runtime.config.Settings;
import io.wirestream.avro.Rejection;
import io.wirestream.publish.consumer.ArticleRecordDecoder;
import io.wirestream.publish.consumer.KafkaRejectionSink;
import io.wirestream.publish.consumer.RejectionSink;
import io.wirestream.publish.consumer.StoreConsumer;
import io.wirestream.publish.consumer.StoreConsumerState;
import io.wirestream.publish.store.ArticleStore;
import io.wirestream.contracts.topics.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.ToDoubleFunction;

/**
 * publish-service: one {@link StoreConsumer} (own Kafka consumer, own group {@code <prefix>-<store>}, own thread)
 * per configured store, plus the read API and health on HTTP. Two-method lifecycle: {@link #start()}, {@link #stop()}.
 */
public final class PublishService implements WireService {

    /** The read API's OpenAPI 3.1 description, in this module's resources. */
    static final String OPENAPI = "/io/wirestream/publish/openapi.yaml";

    private static final Logger log = LoggerFactory.getLogger(PublishService.class);
    public static final String SERVICE_NAME = "publish-service";

    private final Settings settings;
    private final StoreSelection selection;
    private final StoreConsumerSettings consumerSettings;
    private final ArticleRecordDecoder decoder;
    private final Clock clock;
    private final Map<StoreKind, ArticleStore> stores = new LinkedHashMap<>();
    private final List<StoreConsumer> consumers = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private KafkaRejectionSink rejectionSink;
    private ServiceHttpServer http;
    private final PrometheusMeterRegistry metrics = ServiceHttpServer.newMetrics(SERVICE_NAME);
    private final List<KafkaClientMetrics> clientMetrics = new ArrayList<>();
    private final List<FreshnessRecorder> freshness = new ArrayList<>(List.of(new FreshnessRecorder(metrics)));
    /** The subscribers file in force, or null when none is configured (the read API is then open). */
    private final LiveSubscribers subscribers;
    private java.util.concurrent.ScheduledExecutorService subscribersReload;

    /**
     * Stores from the configuration, serdes from the registry named there. Besides the articles, the queryable
     * stores read the dedupe audit and the rejected topic, to answer what became of each ingested item.
     */
    public PublishService(Settings settings) {
        this(settings, new ArticleRecordDecoder(
                Topics.ARTICLES.keySerde(KafkaSettings.serdeProperties(settings)).deserializer(),
                Topics.ARTICLES.valueSerde(KafkaSettings.serdeProperties(settings)).deserializer())
                .withLineage(Topics.DEDUPE_AUDIT.name(),
                        Topics.DEDUPE_AUDIT.valueSerde(KafkaSettings.serdeProperties(settings)).deserializer(),
                        Topics.REJECTED.name(),
                        Topics.REJECTED.valueSerde(KafkaSettings.serdeProperties(settings)).deserializer()),
                Clock.systemUTC());
    }

    /** Articles only, with the given serdes (no item fates). */
    public PublishService(Settings settings, Deserializer<String> keys, Deserializer<Article> values, Clock clock) {
        this(settings, new ArticleRecordDecoder(keys, values, clock), clock);
    }

    /** Refuses an invalid configuration ({@link PublishSettings#validate}) before anything is built. */
    public PublishService(Settings settings, ArticleRecordDecoder decoder, Clock clock) {
        PublishSettings.validate(settings);
        this.settings = settings;
        this.selection = StoreSelection.of(settings);
        this.consumerSettings = StoreConsumerSettings.of(settings);
        this.decoder = decoder;
        this.clock = clock;
        String file = settings.get(PublishSettings.SUBSCRIBERS_FILE).strip();
        this.subscribers = file.isEmpty() ? null : LiveSubscribers.withoutWebhookSecrets(Path.of(file), clock).bindTo(metrics);
        for (StoreKind kind : selection.stores()) {
            ArticleStore store = ArticleStores.create(settings, kind);
            if (subscribers != null && store instanceof JdbcArticleStore jdbc) {
                jdbc.grantReadsTo(subscribers);
            }
            stores.put(kind, store);
        }
    }

    /** Also records freshness in another recorder (local mode shares one with the ops page). */
    public PublishService recordFreshnessIn(FreshnessRecorder recorder) {
        freshness.add(recorder);
        return this;
    }

    public synchronized void start() {
        if (!threads.isEmpty()) {
            throw new IllegalStateException("already started");
        }
        RejectionSink rejections = rejectionSink();
        for (Map.Entry<StoreKind, ArticleStore> entry : stores.entrySet()) {
            KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerProperties(entry.getKey()),
                    new ByteArrayDeserializer(), new ByteArrayDeserializer());
            StoreConsumer storeConsumer = new StoreConsumer(entry.getValue(), consumer, decoder, rejections,
                    consumerSettings.topic(), consumerSettings.retryInitial(), consumerSettings.retryMax(),
                    consumerSettings.embargoCheckInterval(), clock);
            freshness.forEach(storeConsumer::recordFreshnessIn);
            // each store's consumer reports its own fetch rates and lag beside the service's figures
            KafkaClientMetrics consumerMetrics = new KafkaClientMetrics(consumer, java.util.List.of(io.micrometer.core.instrument.Tag.of("store", entry.getKey().configName())));
            consumerMetrics.bindTo(metrics);
            clientMetrics.add(consumerMetrics);
            Thread thread = new Thread(storeConsumer, "publish-" + entry.getKey().configName());
            consumers.add(storeConsumer);
            threads.add(thread);
        }
        threads.forEach(Thread::start);
        if (subscribers == null) {
            log.warn("no publish.subscribers.file: the read API is open, anyone who can reach port {} reads every agency's copy; "
                    + "set publish.subscribers.file (and publish.api.operator.keys) to answer per subscriber key",
                    settings.get(PublishSettings.HTTP_PORT));
        } else {
            long every = settings.get(PublishSettings.SUBSCRIBERS_RELOAD_INTERVAL).toMillis();
            subscribersReload = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "publish-subscribers-reload");
                t.setDaemon(true);
                return t;
            });
            subscribersReload.scheduleWithFixedDelay(subscribers::check, every, every, java.util.concurrent.TimeUnit.MILLISECONDS);
            log.info("read API per subscriber key: subscribers from {} ({} operator keys)", subscribers.file(),
                    settings.get(PublishSettings.API_OPERATOR_KEYS).size());
        }
        if (settings.get(PublishSettings.HTTP_PORT) >= 0) {
            startHttp();
        }
        log.info("{} started: stores {}, topic {}, read API on {}", SERVICE_NAME, stores.keySet(),
                consumerSettings.topic(), selection.apiStore());
    }

    /**
     * The read API plus its OpenAPI document ({@value #OPENAPI}, served at {@code /openapi.json} and
     * {@code /openapi.yaml}) and Swagger UI at {@code /docs}; the platform adds health and metrics.
     */
    static Consumer<RoutesConfig> httpRoutes(ArticleReadApi api) {
        ApiDocs docs = ApiDocs.fromClasspath(OPENAPI);
        return routes -> {
            api.register(routes);
            docs.register(routes);
        };
    }

    private void startHttp() {
        StoreKind apiKind = selection.apiStore();
        ReadAccess access = subscribers == null ? ReadAccess.open()
                : ReadAccess.perSubscriber(subscribers, settings.get(PublishSettings.API_OPERATOR_KEYS));
        ArticleReadApi api = new ArticleReadApi(apiKind == null ? null : stores.get(apiKind), clock, access);
        http = new ServiceHttpServer(SERVICE_NAME, metrics, httpRoutes(api));
        if (subscribers != null) {
            http.warning("subscribers-file", subscribers::problem);
        }
        for (StoreConsumer consumer : consumers) {
            String store = consumer.store().name();
            http.readiness("store-" + store, () -> {
                StoreConsumerState state = consumer.state();
                return state.phase() == StoreConsumerState.Phase.RUNNING ? null
                        : state.phase() + (state.lastError() == null ? "" : ": " + state.lastError());
            });
            // the consumer's counts only grow while the process runs: counters (wirestream_publish_*_total)
            counter(metrics, "wirestream.publish.written", "Versions written to the store (new, or replacing what it held)", consumer, s -> s.applied());
            counter(metrics, "wirestream.publish.ignored", "Versions refused by the version guard (older or replayed)", consumer, s -> s.ignored());
            counter(metrics, "wirestream.publish.killed", "Kills applied to the store (withdrawn or deleted)", consumer, s -> s.killed());
            counter(metrics, "wirestream.publish.held", "Versions written but held back until their embargo time", consumer, s -> s.held());
            counter(metrics, "wirestream.publish.skipped", "Tombstones and unreadable values (only their offset is taken)", consumer, s -> s.skipped());
            counter(metrics, "wirestream.publish.rejected", "Records set aside to the rejected topic", consumer, s -> s.rejected());
            counter(metrics, "wirestream.publish.store.failures", "Times the store failed and its consumer paused to retry", consumer,
                    s -> s.failures());
            Gauge.builder("wirestream.publish.store.up", consumer, c -> c.state().phase() == StoreConsumerState.Phase.RUNNING ? 1 : 0)
                    .description("1 while the store's consumer runs, 0 while it starts, retries or is stopped")
                    .tag("store", store).register(metrics);
        }
        http.start(settings.get(PublishSettings.HTTP_HOST), settings.get(PublishSettings.HTTP_PORT));
    }

    private static void counter(PrometheusMeterRegistry metrics, String name, String description, StoreConsumer consumer,
                                ToDoubleFunction<StoreConsumerState> value) {
        FunctionCounter.builder(name, consumer, c -> value.applyAsDouble(c.state())).description(description)
                .tag("store", consumer.store().name()).register(metrics);
    }

    /** One producer for every store's rejections: idempotent, acknowledged by all replicas before a store moves on. */
    private RejectionSink rejectionSink() {
        Map<String, Object> serdes = KafkaSettings.serdeProperties(settings);
        KafkaProducer<String, Rejection> producer = new KafkaProducer<>(rejectionProducerProperties(),
                Topics.REJECTED.keySerde(serdes).serializer(), Topics.REJECTED.valueSerde(serdes).serializer());
        rejectionSink = new KafkaRejectionSink(producer, Topics.REJECTED.name(), REJECTION_TIMEOUT.plusSeconds(5));
        return rejectionSink;
    }

    /** The rejection producer's configuration: Wirestream's own values, then what a producer takes of kafka.client.*. */
    Map<String, Object> rejectionProducerProperties() {
        Map<String, Object> p = new HashMap<>();
        p.put(ProducerConfig.CLIENT_ID_CONFIG, "wirestream-publish-rejections-" + ProcessHandle.current().pid());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) REJECTION_TIMEOUT.toMillis());
        p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) REJECTION_TIMEOUT.toMillis());
        return KafkaClientConfigs.from(settings).producer(p);
    }

    private static final Duration REJECTION_TIMEOUT = Duration.ofSeconds(30);

    /**
     * A store consumer's configuration: Wirestream's own values (its group, read_committed, no automatic commit, the
     * {@code publish.*} batch size and session timeout), then what a consumer takes of kafka.client.*, which may give
     * max.poll.records or session.timeout.ms instead of their publish settings, not besides them.
     */
    Map<String, Object> consumerProperties(StoreKind kind) {
        Map<String, Object> p = new HashMap<>();
        p.put(ConsumerConfig.GROUP_ID_CONFIG, consumerSettings.groupId(kind));
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, consumerSettings.groupId(kind) + "-" + ProcessHandle.current().pid());
        // the store owns the position; Kafka commits are advisory (lag tooling) and never automatic
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // aborted enrich-stream transactions must never reach a store
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, consumerSettings.maxPollRecords());
        p.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, (int) consumerSettings.sessionTimeout().toMillis());
        return KafkaClientConfigs.from(settings).consumer(p);
    }

    /** Stops the consumers (each finishes or abandons its batch; the store keeps only what it committed) and HTTP. */
    public synchronized void stop() {
        if (subscribersReload != null) {
            subscribersReload.shutdownNow();
            subscribersReload = null;
        }
        if (http != null) {
            http.close();
            http = null;
        }
        for (StoreConsumer consumer : consumers) {
            if (!consumer.stop(Duration.ofSeconds(30))) {
                log.warn("{} consumer did not stop within 30s", consumer.store().name());
            }
        }
        consumers.clear();
        threads.clear();
        if (rejectionSink != null) {
            rejectionSink.close();
            rejectionSink = null;
        }
        clientMetrics.forEach(KafkaClientMetrics::close);
        clientMetrics.clear();
        log.info("{} stopped", SERVICE_NAME);
    }

    public List<StoreConsumerState> states() {
        return consumers.stream().map(StoreConsumer::state).toList();
    }

    /** The HTTP port (useful with port 0), or -1 without HTTP. */
    public int httpPort() {
        return http == null ? -1 : http.port();
    }

    public Map<StoreKind, ArticleStore> stores() {
        return Map.copyOf(stores);
    }
}
