package io.wirestream.subscribers.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.wirestream.subscriptions.EditorialState;
import io.wirestream.subscriptions.OutputFormat;
import io.wirestream.subscriptions.Product;
import io.wirestream.subscriptions.Subscriber;
import io.wirestream.subscriptions.SubscriberConfig;
import io.wirestream.subscriptions.WebhookChannel;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.internals.AutoOffsetResetStrategy;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The dispatcher's lanes on a mock consumer and producer, with a sender the test scripts. */
class WebhookDispatcherTest {

    private static final String QUEUE = "wire.subscribers.webhooks";
    private static final TopicPartition P0 = new TopicPartition(QUEUE, 0);

    private final MockConsumer<String, byte[]> consumer = new MockConsumer<>(AutoOffsetResetStrategy.EARLIEST.name());
    private final MockProducer<String, byte[]> deadLetters = new MockProducer<>(true, null, new StringSerializer(), new ByteArraySerializer());
    private final AtomicReference<SubscriberConfig> config = new AtomicReference<>(config("site-a", "site-b"));
    private final List<String> sent = new CopyOnWriteArrayList<>();
    private final AtomicBoolean siteADown = new AtomicBoolean();
    private WebhookDispatcher dispatcher;

    private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();

    private static SubscriberConfig config(String... ids) {
        return config(Duration.ofHours(1), ids);
    }

    private static SubscriberConfig config(Duration giveUpAfter, String... ids) {
        List<Subscriber> list = new ArrayList<>();
        for (String id : ids) {
            list.add(new Subscriber(id, id, Set.of(), List.of(new Product("p", Set.of("*"), Set.of(), Set.of(), null, null, Set.of(),
                    Set.of(), Set.of())), OutputFormat.OFFICIAL, false, new WebhookChannel(URI.create("http://127.0.0.1:9/" + id),
                    new WebhookChannel.Secret("test", "0123456789abcdef0123".getBytes(StandardCharsets.UTF_8)), giveUpAfter)));
        }
        return new SubscriberConfig(list, "test");
    }

    private void start() {
        WebhookSender sender = (channel, m, attempt) -> {
            if (m.subscriber().equals("site-a") && siteADown.get()) {
                return WebhookSender.Attempt.failed(503, "HTTP 503");
            }
            sent.add(m.subscriber() + ":" + m.uri() + "@" + m.version());
            return WebhookSender.Attempt.ok(200);
        };
        dispatcher = new WebhookDispatcher(consumer, deadLetters, QUEUE, "wire.subscribers.dead-letters", config::get, sender,
                new RetryPolicy(Duration.ofMillis(10), Duration.ofMillis(40)), Duration.ofHours(1), 1000, 2, Clock.systemUTC(),
                metrics);
        consumer.schedulePollTask(() -> {
            consumer.rebalance(List.of(P0));
            consumer.updateBeginningOffsets(Map.of(P0, 0L));
        });
        dispatcher.start();
    }

    private long offset;

    private void queue(String subscriber, String uri, long version) {
        WebhookMessage m = new WebhookMessage(subscriber, uri, version, EditorialState.USABLE, uri + "-" + version, 0, 0, "{}", null);
        long at = offset++;
        consumer.schedulePollTask(() -> consumer.addRecord(new ConsumerRecord<>(QUEUE, 0, at, subscriber, m.toBytes())));
    }

    private long committed() {
        Map<TopicPartition, OffsetAndMetadata> c = new HashMap<>(consumer.committed(Set.of(P0)));
        return c.get(P0) == null ? -1 : c.get(P0).offset();
    }

    @AfterEach
    void stop() {
        if (dispatcher != null) {
            dispatcher.close(Duration.ofSeconds(5));
        }
    }

    @Test
    void aFailingLaneWaitsInOrderWhileTheOthersGoOnAndOffsetsStopAtTheOldestUndelivered() {
        siteADown.set(true);
        start();
        queue("site-a", "s1", 1);
        queue("site-b", "s9", 1);
        queue("site-a", "s1", 2);
        queue("site-a", "s2", 1);
        await().atMost(Duration.ofSeconds(20)).until(() -> sent.contains("site-b:s9@1"));
        await().atMost(Duration.ofSeconds(20)).until(() -> dispatcher.status().stream()
                .anyMatch(l -> l.subscriber().equals("site-a") && l.state().equals("RETRYING") && l.failedAttempts() >= 3));
        assertThat(sent).containsExactly("site-b:s9@1");
        assertThat(committed()).as("not past site-a's first, undelivered message").isLessThanOrEqualTo(0);

        siteADown.set(false);
        await().atMost(Duration.ofSeconds(20)).until(() -> sent.size() == 4);
        assertThat(sent.stream().filter(s -> s.startsWith("site-a")).toList()).containsExactly("site-a:s1@1", "site-a:s1@2", "site-a:s2@1");
        await().atMost(Duration.ofSeconds(20)).until(() -> committed() == 4);
    }

    private WebhookDispatcher.Health health(String subscriber) {
        return dispatcher.status().stream().filter(l -> l.subscriber().equals(subscriber)).findFirst()
                .map(WebhookDispatcher.LaneStatus::health).orElse(null);
    }

    private double gauge(String name, String subscriber) {
        return metrics.get(name).tag("subscriber", subscriber).gauge().value();
    }

    @Test
    void theWebhookStateSaysRetryingSinceWhenWithTheErrorThenDeadLetteredUntilTheNextDelivery() {
        config.set(config(Duration.ofMillis(400), "site-a"));
        siteADown.set(true);
        start();
        queue("site-a", "s1", 1);

        await().atMost(Duration.ofSeconds(20)).until(() -> health("site-a") != null
                && health("site-a").state() == WebhookDispatcher.WebhookState.RETRYING);
        WebhookDispatcher.Health retrying = health("site-a");
        assertThat(retrying.lastError()).isEqualTo("HTTP 503");
        assertThat(retrying.retryingSince()).isNotNull();
        assertThat(retrying.giveUpAt()).isEqualTo(retrying.retryingSince().plus(Duration.ofMillis(400)));
        assertThat(retrying.lastDeliveredAt()).isNull();
        assertThat(gauge("wirestream.subscribers.webhook.state", "site-a")).isEqualTo(1.0);

        await().atMost(Duration.ofSeconds(20)).until(() -> health("site-a").state() == WebhookDispatcher.WebhookState.DEAD_LETTERED);
        WebhookDispatcher.Health dead = health("site-a");
        assertThat(deadLetters.history()).hasSize(1);
        assertThat(dead.deadLetteredSinceDelivery()).isEqualTo(1);
        assertThat(dead.lastDeadLetterAt()).isNotNull();
        assertThat(dead.retryingSince()).as("nothing is failing now").isNull();
        assertThat(dead.lastError()).isNull();
        assertThat(dead.attemptsFailed()).isGreaterThanOrEqualTo(1);
        assertThat(gauge("wirestream.subscribers.webhook.state", "site-a")).isEqualTo(3.0);

        siteADown.set(false);
        queue("site-a", "s2", 1);
        await().atMost(Duration.ofSeconds(20)).until(() -> health("site-a").state() == WebhookDispatcher.WebhookState.OK);
        WebhookDispatcher.Health ok = health("site-a");
        assertThat(ok.deadLetteredSinceDelivery()).isZero();
        assertThat(ok.lastDeliveredAt()).isNotNull();
        assertThat(gauge("wirestream.subscribers.webhook.state", "site-a")).isZero();
        assertThat(metrics.get("wirestream.subscribers.last.delivery.timestamp.seconds").tags("subscriber", "site-a", "channel", "webhook")
                .gauge().value()).isEqualTo(ok.lastDeliveredAt().toEpochMilli() / 1000.0);
    }

    @Test
    void aSubscriberNoLongerInTheFileDeadLettersWhatWasQueuedForIt() {
        config.set(config("site-b"));
        start();
        queue("site-a", "s1", 1);
        queue("site-b", "s2", 1);
        await().atMost(Duration.ofSeconds(20)).until(() -> deadLetters.history().size() == 1 && sent.contains("site-b:s2@1"));
        WebhookMessage dead = WebhookMessage.fromBytes(deadLetters.history().get(0).value());
        assertThat(dead.subscriber()).isEqualTo("site-a");
        assertThat(dead.deadLetter().lastError()).contains("no longer in the subscribers file");
        assertThat(deadLetters.history().get(0).key()).isEqualTo("site-a");
        await().atMost(Duration.ofSeconds(20)).until(() -> committed() == 2);
    }
}
