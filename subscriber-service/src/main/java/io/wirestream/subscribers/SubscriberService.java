package io.wirestream.subscribers;

import io.javalin.config.RoutesConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.wirestream.runtime.config.KafkaSettings;
import io.wirestream.runtime.config.Settings;
import io.wirestream.runtime.http.ApiDocs;
import io.wirestream.runtime.http.HttpRoute;
import io.wirestream.runtime.http.ServiceHttpServer;
import io.wirestream.runtime.kafka.KafkaClientConfigs;
import io.wirestream.runtime.lifecycle.WireService;
import io.wirestream.subscriptions.LiveSubscribers;
import io.wirestream.subscriptions.SubscribersFile;
import io.wirestream.subscribers.fanout.CorruptRecordHandler;
import io.wirestream.subscribers.fanout.FanOutLag;
import io.wirestream.subscribers.fanout.FanOutMetrics;
import io.wirestream.subscribers.fanout.FanOutTopology;
import io.wirestream.subscribers.webhook.DeadLetterReplay;
import io.wirestream.subscribers.webhook.HttpWebhookSender;
import io.wirestream.subscribers.webhook.RetryPolicy;
import io.wirestream.subscribers.webhook.WebhookDispatcher;
import io.wirestream.subscribers.webhook.WebhookSender;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * subscriber-service: the subscribers file (re-read while running), the exactly-once fan-out of {@code wire.articles}
 * to each subscriber's topic and webhook queue (Kafka Streams), the webhook dispatcher, and HTTP for health,
 * metrics, the subscribers' state and dead-letter replay.
 */
public final class SubscriberService implements WireService {

    private static final Logger log = LoggerFactory.getLogger(SubscriberService.class);
    public static final String SERVICE_NAME = "subscriber-service";
    /** The operator routes' OpenAPI 3.1 description, served at {@code /openapi.json}, {@code /openapi.yaml} and {@code /docs}. */
    static final String OPENAPI = "/io/wirestream/subscribers/openapi.yaml";
    /** How often the fan-out's lag behind wire.articles is measured. */
    static final Duration LAG_INTERVAL = Duration.ofSeconds(5);

    private final Settings settings;
    private final Map<String, String> env;
    private final Clock clock;
    private final WebhookSender sender;
    private final PrometheusMeterRegistry metrics = ServiceHttpServer.newMetrics(SERVICE_NAME);
    private SubscriberTopics topics;
    private LiveSubscribers subscribers;
    private ScheduledExecutorService reloader;
    private volatile KafkaStreams streams;
    private volatile boolean stopping;
    private KafkaStreamsMetrics streamsMetrics;
    private WebhookDispatcher dispatcher;
    private ServiceHttpServer http;
    private FanOutMetrics fanOutMetrics;
    private FanOutLag fanOutLag;
    private ScheduledExecutorService lagSampler;
    private SubscriberStatus status;

    public SubscriberService(Settings settings) {
        this(settings, System.getenv(), Clock.systemUTC(), null);
    }

    /**
     * @param env    where the subscribers file's {@code secret: {env: NAME}} are read
     * @param sender how webhooks are sent (null: over HTTP with {@code subscribers.webhook.timeout})
     */
    public SubscriberService(Settings settings, Map<String, String> env, Clock clock, WebhookSender sender) {
        SubscriberSettings.validate(settings);
        this.settings = settings;
        this.env = env;
        this.clock = clock;
        this.sender = sender != null ? sender : new HttpWebhookSender(settings.get(SubscriberSettings.WEBHOOK_TIMEOUT), clock);
        // read once here, so a bad file at start is an invalid setting (exit status 2) naming each problem
        SubscribersFile.read(Path.of(settings.get(SubscriberSettings.FILE)), env);
    }

    @Override
    public synchronized void start() {
        stopping = false;
        topics = new SubscriberTopics(settings);
        topics.ensureFixed();
        subscribers = new LiveSubscribers(Path.of(settings.get(SubscriberSettings.FILE)), env, topics::ensureFor, clock).bindTo(metrics);
        KafkaClientConfigs clients = KafkaClientConfigs.from(settings);
        Map<String, Object> serde = KafkaSettings.serdeProperties(settings);

        FanOutTopology.Options options = FanOutTopology.Options.from(settings);
        fanOutMetrics = new FanOutMetrics(metrics);
        streams = new KafkaStreams(FanOutTopology.build(options, subscribers, serde, clock, fanOutMetrics),
                streamsConfig(settings));
        Counter replacements = metrics.counter("wirestream.subscribers.thread.replacements");
        streams.setUncaughtExceptionHandler(e -> {
            replacements.increment();
            if (stopping) {
                return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
            }
            log.error("fan-out stream thread failed; replacing it", e);
            return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
        });
        streamsMetrics = new KafkaStreamsMetrics(streams);
        streamsMetrics.bindTo(metrics);

        dispatcher = new WebhookDispatcher(webhookConsumer(clients), deadLetterProducer(clients), settings.get(SubscriberSettings.WEBHOOK_TOPIC),
                settings.get(SubscriberSettings.DEAD_LETTER_TOPIC), subscribers, sender,
                new RetryPolicy(settings.get(SubscriberSettings.WEBHOOK_RETRY_INITIAL), settings.get(SubscriberSettings.WEBHOOK_RETRY_MAX)),
                settings.get(SubscriberSettings.WEBHOOK_GIVE_UP_AFTER), settings.get(SubscriberSettings.WEBHOOK_QUEUE_MAX), 4, clock, metrics);

        fanOutLag = new FanOutLag(Admin.create(clients.admin(Map.of(AdminClientConfig.CLIENT_ID_CONFIG,
                settings.get(SubscriberSettings.APPLICATION_ID) + "-lag-" + ProcessHandle.current().pid()))), lagReader(clients),
                settings.get(SubscriberSettings.APPLICATION_ID), settings.get(SubscriberSettings.INPUT_TOPIC), clock);
        MultiGauge lagRecords = MultiGauge.builder("wirestream.subscribers.fanout.lag.records")
                .description("Records of wire.articles the fan-out has not yet processed (the same for every subscriber: one pass serves all)")
                .register(metrics);
        MultiGauge lagSeconds = MultiGauge.builder("wirestream.subscribers.fanout.lag.seconds")
                .description("Age (since ingest receipt) of the oldest wire.articles record the fan-out has not yet processed; 0 when none waits")
                .register(metrics);
        status = new SubscriberStatus(this::subscribers, id -> topics.topicOf(id), () -> dispatcher.status(), fanOutMetrics,
                fanOutLag::latest, clock);
        Runnable sampleLag = () -> {
            FanOutLag.Figures f = fanOutLag.sample();
            List<String> ids = subscribers.get().subscribers().stream().map(s -> s.id()).toList();
            lagRecords.register(ids.stream().<MultiGauge.Row<?>>map(id -> MultiGauge.Row.of(Tags.of("subscriber", id), f.records())).toList(), true);
            lagSeconds.register(ids.stream().<MultiGauge.Row<?>>map(id -> MultiGauge.Row.of(Tags.of("subscriber", id), f.seconds())).toList(), true);
        };
        ApiDocs docs = ApiDocs.fromClasspath(OPENAPI);
        http = new ServiceHttpServer(SERVICE_NAME, metrics, httpRoutes(new AdminRoutes(this, settings.get(SubscriberSettings.ADMIN_TOKEN)), docs));
        http.warning("subscribers-file", subscribers::problem);
        http.readiness("fan-out", () -> {
            KafkaStreams.State s = state();
            return s == KafkaStreams.State.RUNNING || s == KafkaStreams.State.REBALANCING ? null : "Kafka Streams is " + s;
        });
        http.readiness("webhook-queue", dispatcher::problem);

        streams.start();
        dispatcher.start();
        reloader = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "subscribers-file-reload");
            t.setDaemon(true);
            return t;
        });
        long every = settings.get(SubscriberSettings.RELOAD_INTERVAL).toMillis();
        reloader.scheduleWithFixedDelay(subscribers::check, every, every, TimeUnit.MILLISECONDS);
        lagSampler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "fanout-lag-sampler");
            t.setDaemon(true);
            return t;
        });
        lagSampler.scheduleWithFixedDelay(() -> {
            try {
                sampleLag.run();
            } catch (RuntimeException e) {
                log.warn("fan-out lag sample failed: {}", e.toString());
            }
        }, 0, LAG_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
        http.start(settings.get(SubscriberSettings.HTTP_HOST), settings.get(SubscriberSettings.HTTP_PORT));
        log.info("{} started: {} subscriber(s) from {}", SERVICE_NAME, subscribers.get().subscribers().size(), subscribers.file());
    }

    /**
     * Every route of the service's HTTP server besides the platform's: the operator routes and the OpenAPI document
     * with Swagger UI. Tests build the same composition to hold it against the document.
     */
    static Consumer<RoutesConfig> httpRoutes(AdminRoutes admin, ApiDocs docs) {
        return app -> {
            admin.register(app);
            docs.register(app);
        };
    }

    /** A read_committed consumer without a group: the lag sampler reads the next waiting record with it. */
    private static KafkaConsumer<byte[], byte[]> lagReader(KafkaClientConfigs clients) {
        Map<String, Object> p = new HashMap<>();
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 50);
        return new KafkaConsumer<>(clients.consumer(p), new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    /**
     * The Streams configuration, in rising precedence: the connection of the wire settings and the registry's; what
     * this service sets (exactly-once, application id, state directory, the size budget, the corrupt-record handler,
     * lz4 and earliest as defaults); then {@code kafka.client.*}, except what this service sets itself.
     */
    static Properties streamsConfig(Settings settings) {
        KafkaClientConfigs clients = KafkaClientConfigs.from(settings);
        Map<String, Object> own = new HashMap<>();
        own.put(StreamsConfig.APPLICATION_ID_CONFIG, settings.get(SubscriberSettings.APPLICATION_ID));
        own.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        own.put(StreamsConfig.STATE_DIR_CONFIG, settings.get(SubscriberSettings.STATE_DIR));
        own.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, settings.get(SubscriberSettings.STREAM_THREADS));
        own.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, settings.get(SubscriberSettings.COMMIT_INTERVAL).toMillis());
        own.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, settings.get(KafkaSettings.REPLICATION_FACTOR));
        own.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, CorruptRecordHandler.class);
        own.put(StreamsConfig.topicPrefix("max.message.bytes"), String.valueOf(settings.get(KafkaSettings.MAX_RECORD_BYTES)));
        own.put(StreamsConfig.topicPrefix("min.insync.replicas"), settings.get(KafkaSettings.MIN_INSYNC_REPLICAS));
        KafkaSettings.producerSizeProperties(settings).forEach((k, v) -> own.put(StreamsConfig.producerPrefix(k), v));
        own.put(StreamsConfig.producerPrefix(ProducerConfig.COMPRESSION_TYPE_CONFIG), "lz4");
        own.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
        Properties p = new Properties();
        p.putAll(clients.connection());
        p.putAll(KafkaSettings.serdeProperties(settings)); // the corrupt-record handler writes rejections in the wire format
        p.putAll(own);
        // Kafka Streams hands each client property to the inner clients that declare it
        clients.passthrough().forEach((name, value) -> {
            if (!own.containsKey(name)) {
                p.put(name, value);
            }
        });
        return p;
    }

    private KafkaConsumer<String, byte[]> webhookConsumer(KafkaClientConfigs clients) {
        Map<String, Object> p = new HashMap<>();
        String group = settings.get(SubscriberSettings.APPLICATION_ID) + "-webhooks";
        p.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, group + "-" + ProcessHandle.current().pid());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"); // only what the fan-out committed
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500);
        return new KafkaConsumer<>(clients.consumer(p), new StringDeserializer(), new ByteArrayDeserializer());
    }

    private KafkaProducer<String, byte[]> deadLetterProducer(KafkaClientConfigs clients) {
        Map<String, Object> p = new HashMap<>();
        p.put(ProducerConfig.CLIENT_ID_CONFIG, settings.get(SubscriberSettings.APPLICATION_ID) + "-dead-letters-" + ProcessHandle.current().pid());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.putAll(KafkaSettings.producerSizeProperties(settings));
        return new KafkaProducer<>(clients.producer(p), new StringSerializer(), new ByteArraySerializer());
    }

    /** A replay's short-lived clients (a consumer without a group, an idempotent producer). */
    DeadLetterReplay.Result replay(String subscriber, java.time.Instant since) {
        KafkaClientConfigs clients = KafkaClientConfigs.from(settings);
        DeadLetterReplay replay = new DeadLetterReplay(settings.get(SubscriberSettings.DEAD_LETTER_TOPIC),
                settings.get(SubscriberSettings.WEBHOOK_TOPIC), clock);
        try (KafkaConsumer<String, byte[]> consumer = replayConsumer(clients); KafkaProducer<String, byte[]> producer = deadLetterProducer(clients)) {
            return replay.replay(consumer, producer, subscriber, since);
        }
    }

    java.util.List<DeadLetterReplay.Entry> deadLetters(String subscriber, java.time.Instant since) {
        DeadLetterReplay replay = new DeadLetterReplay(settings.get(SubscriberSettings.DEAD_LETTER_TOPIC),
                settings.get(SubscriberSettings.WEBHOOK_TOPIC), clock);
        try (KafkaConsumer<String, byte[]> consumer = replayConsumer(KafkaClientConfigs.from(settings))) {
            return replay.list(consumer, subscriber, since);
        }
    }

    private static KafkaConsumer<String, byte[]> replayConsumer(KafkaClientConfigs clients) {
        Map<String, Object> p = new HashMap<>();
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return new KafkaConsumer<>(clients.consumer(p), new StringDeserializer(), new ByteArrayDeserializer());
    }

    @Override
    public void stop() {
        stopping = true;
        synchronized (this) {
            Duration timeout = settings.get(SubscriberSettings.CLOSE_TIMEOUT);
            if (reloader != null) {
                reloader.shutdownNow();
                reloader = null;
            }
            if (http != null) {
                http.close();
                http = null;
            }
            if (lagSampler != null) {
                lagSampler.shutdownNow();
                try {
                    lagSampler.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                lagSampler = null;
            }
            if (fanOutLag != null) {
                fanOutLag.close();
                fanOutLag = null;
            }
            if (dispatcher != null) {
                dispatcher.close(timeout);
                dispatcher = null;
            }
            if (streams != null) {
                boolean closed = streams.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                        .withTimeout(timeout));
                if (!closed) {
                    log.warn("fan-out threads did not stop within {}", timeout);
                }
                streams = null;
            }
            if (streamsMetrics != null) {
                streamsMetrics.close();
                streamsMetrics = null;
            }
        }
    }

    public KafkaStreams.State state() {
        KafkaStreams s = streams;
        return s == null ? KafkaStreams.State.NOT_RUNNING : s.state();
    }

    public LiveSubscribers subscribers() {
        return subscribers;
    }

    public WebhookDispatcher dispatcher() {
        return dispatcher;
    }

    public SubscriberTopics topics() {
        return topics;
    }

    /** Each subscriber's delivery figures, as {@code GET /health/subscribers} answers them. */
    SubscriberStatus status() {
        return status;
    }

    public PrometheusMeterRegistry metrics() {
        return metrics;
    }

    /** Every route its HTTP server answers, the platform's included (tests hold them against the OpenAPI document). */
    public Set<HttpRoute> routes() {
        return http == null ? Set.of() : http.routes();
    }

    /** The HTTP port (useful with port 0). */
    public int httpPort() {
        return http == null ? -1 : http.port();
    }
}
