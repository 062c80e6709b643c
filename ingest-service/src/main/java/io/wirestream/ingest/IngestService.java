package io.wirestream.ingest;

import io.javalin.config.RoutesConfig;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.wirestream.avro.RawItem;
import io.wirestream.contracts.topics.Topics;
import io.wirestream.ingest.auth.CredentialStore;
import io.wirestream.ingest.classify.NewsPayloadClassifier;
import io.wirestream.ingest.fate.FateLookup;
import io.wirestream.ingest.limit.AgencyRateLimiter;
import io.wirestream.ingest.limit.LookupLimits;
import io.wirestream.ingest.metrics.IngestMetrics;
import io.wirestream.ingest.publish.ItemIntake;
import io.wirestream.ingest.publish.RawItemPublisher;
import io.wirestream.ingest.publish.ReceiptLookup;
import io.wirestream.ingest.pull.DropFolderWatcher;
import io.wirestream.ingest.pull.FeedPoller;
import io.wirestream.ingest.pull.FeedState;
import io.wirestream.ingest.pull.PullScheduler;
import io.wirestream.ingest.pull.PullSources;
import io.wirestream.ingest.push.PushApi;
import io.wirestream.newsformats.hash.Sha256;
import io.wirestream.runtime.config.KafkaSettings;
import io.wirestream.runtime.config.Settings;
import io.wirestream.runtime.http.ApiDocs;
import io.wirestream.runtime.http.HttpLimits;
import io.wirestream.runtime.http.ServiceHttpServer;
import io.wirestream.runtime.kafka.KafkaClientConfigs;
import io.wirestream.runtime.kafka.TopicMismatchException;
import io.wirestream.runtime.kafka.TopicProvisioner;
import io.wirestream.runtime.kafka.TopicSpec;
import io.wirestream.runtime.lifecycle.WireService;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ingest service: push API, feed pollers and drop-folder watchers in front of one idempotent acks=all producer
 * to {@code wire.raw}. {@link #start()} makes sure the topic exists and is writable before the first push is taken.
 */
public final class IngestService implements WireService, AutoCloseable {

    /** The push API's OpenAPI 3.1 description, in this module's resources. */
    static final String OPENAPI = "/io/wirestream/ingest/openapi.yaml";

    private static final Logger log = LoggerFactory.getLogger(IngestService.class);
    private final Settings settings;
    private final NewsPayloadClassifier classifier;
    private final List<AutoCloseable> running = new ArrayList<>();
    private final List<FeedPoller> feedPollers = new ArrayList<>();
    private final List<DropFolderWatcher> dropFolders = new ArrayList<>();
    private ServiceHttpServer http;
    private PullScheduler scheduler;

    public IngestService(Settings settings) {
        this(settings, NewsClassifiers.standard());
    }

    public IngestService(Settings settings, NewsPayloadClassifier classifier) {
        this.settings = settings;
        this.classifier = classifier;
    }

    public synchronized void start() {
        if (http != null) {
            return;
        }
        try {
            startAll();
        } catch (RuntimeException | IOException e) {
            stop();
            throw e instanceof RuntimeException r ? r : new IllegalStateException(e.getMessage(), e);
        }
    }

    private void startAll() throws IOException {
        KafkaClientConfigs clients = KafkaClientConfigs.from(settings);
        Map<String, Object> serde = KafkaSettings.serdeProperties(settings);
        Duration kafkaTimeout = settings.get(IngestSettings.KAFKA_TIMEOUT);
        long maxBody = settings.get(IngestSettings.MAX_BODY_BYTES);
        // before anything starts: an item accepted now must fit every record it becomes later
        SizeBudget.check(settings);
        long maxRecord = SizeBudget.maxRawRecordBytes(settings);
        // a malformed publish-service URL is a setting error: found before Kafka is asked anything
        FateLookup fates = FateLookup.of(settings.get(IngestSettings.FATE_URL), settings.get(IngestSettings.FATE_KEY),
                settings.get(IngestSettings.FATE_TIMEOUT));

        Admin admin = Admin.create(clients.admin(Map.of()));
        // a bounded close: an unanswered request (Kafka down at start) would otherwise hold close() for a minute
        running.add(() -> admin.close(Duration.ofSeconds(5)));
        KafkaHealth health = new KafkaHealth(admin, Duration.ofSeconds(3), Duration.ofSeconds(5));
        Duration startupTimeout = settings.get(IngestSettings.STARTUP_TIMEOUT);
        try {
            provisionRawTopic(admin, startupTimeout);
            RawTopicLimits.ensureRecordsFit(admin, maxRecord, startupTimeout);
        } catch (TopicMismatchException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new IllegalStateException("Kafka at " + settings.get(KafkaSettings.BOOTSTRAP_SERVERS) + " could not create or check "
                    + Topics.RAW.name() + " within " + startupTimeout.toSeconds() + "s (" + rootMessage(e) + ")", e);
        }

        PrometheusMeterRegistry registry = ServiceHttpServer.newMetrics("ingest-service");
        KafkaProducer<String, RawItem> producer = RawItemPublisher.createProducer(clients, serde, kafkaTimeout, maxRecord);
        RawItemPublisher publisher = new RawItemPublisher(producer, kafkaTimeout, Clock.systemUTC(), registry);
        running.add(publisher);
        // the producer's own figures (request latency, retries, buffer use) belong on /metrics beside ours
        KafkaClientMetrics producerMetrics = new KafkaClientMetrics(producer);
        producerMetrics.bindTo(registry);
        running.add(producerMetrics);
        ReceiptLookup lookup = new ReceiptLookup(clients, serde, kafkaTimeout);
        running.add(lookup);
        ItemIntake intake = new ItemIntake(classifier, publisher, new IngestMetrics(registry), maxBody, settings.get(IngestSettings.RETRY_AFTER),
                settings.get(IngestSettings.MAX_ID_BYTES));

        CredentialStore credentials = new CredentialStore(Path.of(settings.get(IngestSettings.CREDENTIALS_FILE)),
                settings.get(IngestSettings.CREDENTIALS_RECHECK), Clock.systemUTC());
        AgencyRateLimiter.Rate defaultRate = new AgencyRateLimiter.Rate(settings.get(IngestSettings.RATE_PER_SECOND), settings.get(IngestSettings.RATE_BURST));
        AgencyRateLimiter limiter = new AgencyRateLimiter(defaultRate,
                AgencyRateLimiter.parseOverrides(settings.get(IngestSettings.RATE_OVERRIDES), defaultRate), System::nanoTime);
        int batchMaxItems = settings.get(IngestSettings.BATCH_MAX_ITEMS);
        long batchMaxBytes = settings.get(IngestSettings.BATCH_MAX_BYTES);
        AgencyRateLimiter.Rate lookupRate = new AgencyRateLimiter.Rate(settings.get(IngestSettings.LOOKUP_RATE_PER_SECOND),
                settings.get(IngestSettings.LOOKUP_RATE_BURST));
        LookupLimits lookupLimits = new LookupLimits(new AgencyRateLimiter(lookupRate,
                AgencyRateLimiter.parseOverrides(settings.get(IngestSettings.LOOKUP_RATE_OVERRIDES), lookupRate), System::nanoTime),
                settings.get(IngestSettings.LOOKUP_MAX_CONCURRENT), registry);
        PushApi api = new PushApi(credentials, limiter, intake, lookup, fates, lookupLimits, batchMaxItems, batchMaxBytes);

        startPullSources(intake);

        HttpLimits httpLimits = new HttpLimits(settings.get(IngestSettings.HTTP_MAX_HEADER_BYTES), settings.get(IngestSettings.HTTP_HEADER_TIMEOUT),
                settings.get(IngestSettings.HTTP_IDLE_TIMEOUT), settings.get(IngestSettings.HTTP_MIN_DATA_RATE));
        http = new ServiceHttpServer("ingest", registry, httpRoutes(api), httpLimits)
                .readiness("kafka", health::problem)
                .readiness("credentials", () -> credentials.size() == 0
                        ? "no API keys loaded from " + settings.get(IngestSettings.CREDENTIALS_FILE) : null)
                .start(settings.get(IngestSettings.HTTP_HOST), settings.get(IngestSettings.HTTP_PORT));
        log.info("ingest-service ready: push API on port {}, {} feed(s), {} drop folder(s)", http.port(), feedPollers.size(), dropFolders.size());
    }

    /**
     * The push API plus its OpenAPI document ({@value #OPENAPI}, served at {@code /openapi.json} and
     * {@code /openapi.yaml}) and Swagger UI at {@code /docs}; the platform adds health and metrics.
     */
    static Consumer<RoutesConfig> httpRoutes(PushApi api) {
        ApiDocs docs = ApiDocs.fromClasspath(OPENAPI);
        return routes -> {
            api.register(routes);
            docs.register(routes);
        };
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }

    /**
     * wire.raw as every service declares it, with the pipeline's record budget as its max.message.bytes: enrich-stream
     * provisions the same topic, and two declarations that differ read as a mismatch (a startup failure under
     * kafka.topic.fail.on.mismatch).
     */
    static TopicSpec rawTopicSpec(Settings settings) {
        return TopicSpec.of(Topics.RAW, settings.get(KafkaSettings.PARTITIONS), settings.get(KafkaSettings.REPLICATION_FACTOR),
                settings.get(KafkaSettings.MIN_INSYNC_REPLICAS), settings.get(KafkaSettings.MAX_RECORD_BYTES));
    }

    private void provisionRawTopic(Admin admin, Duration timeout) {
        TopicSpec spec = rawTopicSpec(settings);
        TopicProvisioner provisioner = new TopicProvisioner(admin, timeout);
        if (settings.get(KafkaSettings.FAIL_ON_TOPIC_MISMATCH)) {
            provisioner.ensureOrFail(List.of(spec));
        } else {
            provisioner.ensure(List.of(spec));
        }
    }

    private void startPullSources(ItemIntake intake) throws IOException {
        String sourcesFile = settings.get(IngestSettings.SOURCES_FILE);
        PullSources sources = sourcesFile == null || sourcesFile.isBlank() ? PullSources.none()
                : PullSources.read(Path.of(sourcesFile), settings.get(IngestSettings.FEED_DEFAULT_INTERVAL));
        if (sources.feeds().isEmpty() && sources.folders().isEmpty()) {
            return;
        }
        scheduler = new PullScheduler();
        Duration httpTimeout = settings.get(IngestSettings.FEED_HTTP_TIMEOUT);
        HttpClient client = HttpClient.newBuilder().connectTimeout(httpTimeout).followRedirects(HttpClient.Redirect.NORMAL).build();
        Path stateDir = Path.of(settings.get(IngestSettings.STATE_DIR));
        for (PullSources.FeedSource feed : sources.feeds()) {
            FeedState state = new FeedState(stateDir.resolve("feeds").resolve(feedDirName(feed)), 20_000);
            running.add(state);
            FeedPoller poller = new FeedPoller(feed, state, intake, client, httpTimeout, settings.get(IngestSettings.FEED_MAX_BYTES));
            feedPollers.add(poller);
            scheduler.every("feed " + feed.agency() + " " + feedDirName(feed), feed.interval(), poller::pollQuietly);
        }
        Duration scan = settings.get(IngestSettings.DROP_SCAN_INTERVAL);
        for (PullSources.DropFolderSource folder : sources.folders()) {
            DropFolderWatcher watcher = new DropFolderWatcher(folder, intake);
            dropFolders.add(watcher);
            scheduler.every("folder " + folder.agency() + " " + folder.directory().getFileName(), scan, watcher::scanQuietly);
        }
    }

    /** A readable, stable directory name per feed: agency plus a hash of the URL. */
    static String feedDirName(PullSources.FeedSource feed) {
        return feed.agency() + "-" + Sha256.hexPrefix(feed.url().toString(), 8);
    }

    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.close();
            scheduler = null;
        }
        if (http != null) {
            http.close();
            http = null;
        }
        for (int i = running.size() - 1; i >= 0; i--) {
            try {
                running.get(i).close();
            } catch (Exception e) {
                log.warn("closing {} failed: {}", running.get(i).getClass().getSimpleName(), e.toString());
            }
        }
        running.clear();
        feedPollers.clear();
        dropFolders.clear();
    }

    @Override
    public void close() {
        stop();
    }

    /** The port the push API listens on (useful with {@code ingest.http.port=0}). */
    public synchronized int port() {
        if (http == null) {
            throw new IllegalStateException("not started");
        }
        return http.port();
    }

    public synchronized ServiceHttpServer http() {
        return http;
    }
}
