package io.wirestream.subscribers.fanout;

import io.wirestream.avro.Article;
import io.wirestream.avro.RawRef;
import io.wirestream.avro.Rejection;
import io.wirestream.subscriptions.EditorialState;
import io.wirestream.subscriptions.OutputFormat;
import io.wirestream.subscriptions.Subscriber;
import io.wirestream.subscriptions.SubscriberConfig;
import io.wirestream.subscribers.webhook.WebhookMessage;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The fan-out of one story version to every subscriber that should have it, in one exactly-once transaction with
 * the record of who received it.
 *
 * <p>For each record of {@code wire.articles} (keyed by story uri):
 * <ol>
 *   <li>A tombstone (the kill's grace is over) is passed to the topic of every subscriber that received the story,
 *   and the story's recipients are forgotten.</li>
 *   <li>A usable version whose embargo lies ahead on this machine's clock is held in {@code subscriber-embargo-held}
 *   and fanned out by a wall-clock punctuator once due (enrich-stream already holds embargoes; this is defence in
 *   depth against a clock that runs behind or a producer that does not). A newer version, a kill or a withheld notice
 *   replaces what is held.</li>
 *   <li>Every subscriber in force that received the story gets the version, whatever its products say now (a kill
 *   often strips the fields a product matched on), unless it is older than what it has, the same content again, or
 *   the story was killed for it. Every other subscriber gets the version only if it may start a delivery (usable,
 *   update, correction, advisory: never a kill or a withheld notice) and one of its products matches.</li>
 * </ol>
 * Each delivery goes to the subscriber's topic (key story uri, value the document, headers
 * {@code wirestream-version}, {@code wirestream-state}, {@code wirestream-idempotency-key}) and/or its webhook queue
 * (key subscriber id), and its recipients entry is updated, all in the task's transaction.
 *
 * <p>A record that cannot be fanned out (a rendering failure) goes to {@code wire.rejected} with stage
 * {@value #STAGE}, and the partition goes on.
 */
public final class FanOutProcessor implements Processor<String, Article, String, Object> {

    private static final Logger log = LoggerFactory.getLogger(FanOutProcessor.class);
    public static final String STAGE = "subscribers";
    public static final String HEADER_VERSION = "wirestream-version";
    public static final String HEADER_STATE = "wirestream-state";
    public static final String HEADER_IDEMPOTENCY_KEY = "wirestream-idempotency-key";

    private final Supplier<SubscriberConfig> subscribers;
    private final FanOutTopology.Options options;
    private final Clock clock;
    private final FanOutMetrics metrics;
    private final Renderer renderer;
    private ProcessorContext<String, Object> context;
    private KeyValueStore<String, Recipients> recipients;
    private KeyValueStore<String, Article> held;

    FanOutProcessor(Supplier<SubscriberConfig> subscribers, FanOutTopology.Options options, Clock clock, FanOutMetrics metrics,
                    Renderer renderer) {
        this.renderer = renderer;
        this.subscribers = subscribers;
        this.options = options;
        this.clock = clock;
        this.metrics = metrics;
    }

    @Override
    public void init(ProcessorContext<String, Object> context) {
        this.context = context;
        this.recipients = context.getStateStore(FanOutTopology.RECIPIENTS_STORE);
        this.held = context.getStateStore(FanOutTopology.HELD_STORE);
        context.schedule(options.embargoCheckInterval(), PunctuationType.WALL_CLOCK_TIME, t -> releaseDue());
        context.schedule(options.expiryCheckInterval(), PunctuationType.WALL_CLOCK_TIME, t -> forgetExpired());
    }

    @Override
    public void process(Record<String, Article> record) {
        String uri = record.key();
        if (uri == null) {
            return; // wire.articles is keyed by story uri; a keyless record names no story
        }
        Article article = record.value();
        try {
            if (article == null) {
                tombstone(uri, record.timestamp());
                return;
            }
            Instant now = clock.instant();
            EditorialState state = EditorialState.of(article);
            Article heldVersion = held.get(uri);
            if (heldVersion != null) {
                if (heldVersion.getVersion() > article.getVersion() && state.isDeliverableFirst()) {
                    return; // an older version than the one waiting for its embargo
                }
                held.delete(uri);
            }
            if (state.isDeliverableFirst() && article.getEmbargoed() != null && article.getEmbargoed().isAfter(now)) {
                held.put(uri, article);
                metrics.held();
                return;
            }
            fanOut(uri, article, state, record.timestamp(), now);
        } catch (RuntimeException e) {
            reject(uri, article, e, record.timestamp());
        }
    }

    /** Decides every delivery first (rendering may fail), then sends them and records who received what. */
    private void fanOut(String uri, Article article, EditorialState state, long timestamp, Instant now) {
        SubscriberConfig config = subscribers.get();
        Recipients who = recipients.get(uri);
        Map<OutputFormat, byte[]> rendered = new EnumMap<>(OutputFormat.class);
        Map<OutputFormat, String> digests = new EnumMap<>(OutputFormat.class);
        Map<OutputFormat, String> keys = new EnumMap<>(OutputFormat.class);
        List<Map.Entry<Subscriber, Delivery>> plan = new ArrayList<>();
        for (Subscriber s : config.subscribers()) {
            Recipients.Received before = who == null ? null : who.get(s.id());
            if (before == null) {
                if (!state.isDeliverableFirst() || !s.entitledTo(article)) {
                    continue;
                }
            } else if (before.killed() || article.getVersion() < before.version()) {
                continue;
            }
            // written once per format, whatever the number of subscribers taking it
            byte[] body = rendered.computeIfAbsent(s.format(), f -> renderer.render(article, state, f));
            String digest = digests.computeIfAbsent(s.format(), f -> Renderer.digest(body));
            if (before != null && article.getVersion() == before.version() && digest.equals(before.digest())) {
                continue; // the same content again (a replay upstream)
            }
            plan.add(Map.entry(s, new Delivery(s.id(), uri, article.getVersion(), state, body,
                    keys.computeIfAbsent(s.format(), f -> Renderer.idempotencyKey(uri, article.getVersion(), digest)),
                    article.getReceivedAt() == null ? 0 : article.getReceivedAt().toEpochMilli())));
        }
        if (plan.isEmpty()) {
            return;
        }
        Recipients updated = who == null ? new Recipients() : who;
        for (Map.Entry<Subscriber, Delivery> e : plan) {
            Delivery d = e.getValue();
            send(e.getKey(), d, timestamp, now);
            updated.put(d.subscriberId(), new Recipients.Received(d.version(), digests.get(e.getKey().format()), state, now.toEpochMilli()));
        }
        recipients.put(uri, updated);
    }

    private void send(Subscriber s, Delivery d, long timestamp, Instant now) {
        Duration sinceReceipt = Duration.ofMillis(now.toEpochMilli() - d.receivedAtMillis());
        if (s.topic()) {
            RecordHeaders headers = new RecordHeaders();
            headers.add(HEADER_VERSION, Long.toString(d.version()).getBytes(StandardCharsets.UTF_8));
            headers.add(HEADER_STATE, d.state().configName().getBytes(StandardCharsets.UTF_8));
            headers.add(HEADER_IDEMPOTENCY_KEY, d.idempotencyKey().getBytes(StandardCharsets.UTF_8));
            context.forward(new Record<String, Object>(d.uri(), d, timestamp, headers), FanOutTopology.TOPIC_SINK);
            metrics.delivered(s.id(), "topic", d.state().configName(), now);
            metrics.delay(s.id(), "topic", sinceReceipt);
        }
        if (s.webhook() != null) {
            WebhookMessage m = new WebhookMessage(s.id(), d.uri(), d.version(), d.state(), d.idempotencyKey(), d.receivedAtMillis(),
                    now.toEpochMilli(), new String(d.body(), StandardCharsets.UTF_8), null);
            context.forward(new Record<String, Object>(s.id(), m, timestamp), FanOutTopology.WEBHOOK_SINK);
            metrics.delivered(s.id(), "webhook-queue", d.state().configName(), now);
            metrics.delay(s.id(), "webhook-queue", sinceReceipt);
        }
    }

    /** The kill's grace is over upstream: each subscriber topic that carried the story gets its tombstone too. */
    private void tombstone(String uri, long timestamp) {
        held.delete(uri);
        Recipients who = recipients.get(uri);
        if (who == null) {
            return;
        }
        SubscriberConfig config = subscribers.get();
        for (String id : who.all().keySet()) {
            Subscriber s = config.byId(id);
            if (s != null && s.topic()) {
                context.forward(new Record<String, Object>(uri, new Delivery(id, uri, who.get(id).version(), EditorialState.KILLED,
                        null, "", 0), timestamp), FanOutTopology.TOPIC_SINK);
            }
        }
        recipients.delete(uri);
    }

    private void releaseDue() {
        Instant now = clock.instant();
        List<KeyValue<String, Article>> due = new ArrayList<>();
        try (KeyValueIterator<String, Article> it = held.all()) {
            while (it.hasNext()) {
                KeyValue<String, Article> kv = it.next();
                if (kv.value != null && (kv.value.getEmbargoed() == null || !kv.value.getEmbargoed().isAfter(now))) {
                    due.add(kv);
                }
            }
        }
        for (KeyValue<String, Article> kv : due) {
            held.delete(kv.key);
            metrics.released();
            try {
                fanOut(kv.key, kv.value, EditorialState.of(kv.value), now.toEpochMilli(), now);
            } catch (RuntimeException e) {
                reject(kv.key, kv.value, e, now.toEpochMilli());
            }
        }
    }

    /** Stories nobody received anything of within the retention are forgotten (full scan; see the module README). */
    private void forgetExpired() {
        long cutoff = clock.millis() - options.deliveredRetention().toMillis();
        List<String> expired = new ArrayList<>();
        try (KeyValueIterator<String, Recipients> it = recipients.all()) {
            while (it.hasNext()) {
                KeyValue<String, Recipients> kv = it.next();
                if (kv.value != null && kv.value.lastDeliveredMillis() < cutoff) {
                    expired.add(kv.key);
                }
            }
        }
        expired.forEach(recipients::delete);
        if (!expired.isEmpty()) {
            metrics.forgotten(expired.size());
            log.info("forgot the recipients of {} stories last delivered before the retention ({})", expired.size(), options.deliveredRetention());
        }
    }

    private void reject(String uri, Article article, RuntimeException e, long timestamp) {
        log.error("story {} could not be fanned out; rejecting it and going on", uri, e);
        RawRef ref = article != null && article.getRaw() != null ? article.getRaw()
                : RawRef.newBuilder().setItemId(uri).build();
        String detail = "story " + uri + (article == null ? "" : " version " + article.getVersion()) + ": " + e;
        Rejection rejection = Rejection.newBuilder().setStage(STAGE).setReason("fanout-failed")
                .setDetail(detail.length() > 500 ? detail.substring(0, 500) + "..." : detail)
                .setErrorClass(e.getClass().getName()).setRaw(ref).setRejectedAt(clock.instant()).build();
        context.forward(new Record<String, Object>(ref.getItemId(), rejection, timestamp), FanOutTopology.REJECTION_SINK);
        metrics.failed("fanout-failed");
        for (String id : dueTo(uri, article)) {
            metrics.failedFor(id);
        }
    }

    /**
     * The subscribers a version that could not be fanned out was due to, by the same rule as {@link #fanOut} without
     * writing anything: those that received the story (and not its kill), and those whose products admit a version
     * that may start a delivery. Best effort: a failure while deciding it counts no one.
     */
    private List<String> dueTo(String uri, Article article) {
        if (article == null) {
            return List.of();
        }
        try {
            EditorialState state = EditorialState.of(article);
            Recipients who = recipients.get(uri);
            List<String> due = new ArrayList<>();
            for (Subscriber s : subscribers.get().subscribers()) {
                Recipients.Received before = who == null ? null : who.get(s.id());
                boolean isDue = before == null ? state.isDeliverableFirst() && s.entitledTo(article)
                        : !before.killed() && article.getVersion() >= before.version();
                if (isDue) {
                    due.add(s.id());
                }
            }
            return due;
        } catch (RuntimeException e) {
            log.warn("could not tell which subscribers story {} was due to: {}", uri, e.toString());
            return List.of();
        }
    }
}
