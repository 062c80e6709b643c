package io.wirestream.subscribers;

import io.wirestream.contracts.topics.Topics;
import io.wirestream.runtime.config.Setting;
import io.wirestream.runtime.config.Settings;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Every setting subscriber-service reads besides the shared {@link io.wirestream.runtime.config.KafkaSettings}. The
 * subscribers themselves are not settings: they live in the file {@link #FILE} names, which is re-read while the
 * service runs (module README).
 */
public final class SubscriberSettings {

    private static final Pattern TOPIC_CHARS = Pattern.compile("[A-Za-z0-9._-]+");

    public static final Setting<String> FILE = Setting.string("subscribers.file", "subscribers.yaml",
            "The subscribers file (YAML or JSON): each subscriber's id, credentials, products, format and channels; re-read while running");
    public static final Setting<Duration> RELOAD_INTERVAL = Setting.duration("subscribers.reload.interval", "2s",
            "How often the subscribers file is checked for a change (by content); a valid change applies to the stories that follow");
    public static final Setting<String> APPLICATION_ID = Setting.string("subscribers.application.id", "wirestream-subscribers",
            "Kafka Streams application id of the fan-out (consumer group, prefix of its internal topics); keep it stable");
    public static final Setting<String> STATE_DIR = Setting.string("subscribers.state.dir", "data/subscribers-state",
            "Local state of the fan-out (who received which story, embargoes held); rebuilt from its changelog when lost");
    public static final Setting<String> INPUT_TOPIC = Setting.string("subscribers.input.topic", Topics.ARTICLES.name(),
            "The topic fanned out");
    public static final Setting<String> TOPIC_PREFIX = new Setting<>("subscribers.topic.prefix", "wire.sub.",
            SubscriberSettings::topicName, "Each subscriber's own compacted topic is <prefix><subscriber id>", false);
    public static final Setting<Integer> TOPIC_PARTITIONS = Setting.integer("subscribers.topic.partitions", 3,
            "Partitions of each subscriber topic this service creates (records are keyed by story uri)");
    public static final Setting<String> WEBHOOK_TOPIC = new Setting<>("subscribers.webhook.topic", "wire.subscribers.webhooks",
            SubscriberSettings::topicName, "Internal queue of webhook deliveries (written by the fan-out in its transaction, keyed by subscriber)", false);
    public static final Setting<String> DEAD_LETTER_TOPIC = new Setting<>("subscribers.dead.letter.topic", "wire.subscribers.dead-letters",
            SubscriberSettings::topicName, "Webhook deliveries given up on, with the reason; replayed from here", false);
    public static final Setting<Duration> COMMIT_INTERVAL = Setting.duration("subscribers.commit.interval", "100ms",
            "Kafka Streams commit interval: under exactly-once, how soon a delivery becomes visible to read_committed readers");
    public static final Setting<Integer> STREAM_THREADS = Setting.integer("subscribers.stream.threads", 1, "Stream threads of the fan-out");
    public static final Setting<Duration> EMBARGO_CHECK_INTERVAL = Setting.duration("subscribers.embargo.check.interval", "1s",
            "How often versions held for their embargo are released once due (defence in depth behind enrich-stream's gate)");
    public static final Setting<Duration> DELIVERED_RETENTION = Setting.duration("subscribers.delivered.retention", "90d",
            "How long the fan-out remembers who received a story after its last delivery; a kill or correction later than this reaches no one");
    public static final Setting<Duration> WEBHOOK_TIMEOUT = Setting.duration("subscribers.webhook.timeout", "10s",
            "How long one webhook request may take before it counts as failed");
    public static final Setting<Duration> WEBHOOK_RETRY_INITIAL = Setting.duration("subscribers.webhook.retry.initial", "1s",
            "Wait after a webhook's first failed attempt; doubles per failure, with jitter");
    public static final Setting<Duration> WEBHOOK_RETRY_MAX = Setting.duration("subscribers.webhook.retry.max", "5m",
            "Longest wait between two attempts at one webhook delivery");
    public static final Setting<Duration> WEBHOOK_GIVE_UP_AFTER = Setting.duration("subscribers.webhook.give.up.after", "24h",
            "How long a webhook delivery is retried before it becomes a dead letter (a subscriber's giveUpAfter overrides it)");
    public static final Setting<Integer> WEBHOOK_QUEUE_MAX = Setting.integer("subscribers.webhook.queue.max", 10_000,
            "Webhook deliveries read ahead and held in memory across all subscribers; beyond it the queue topic is paused");
    public static final Setting<String> ADMIN_TOKEN = Setting.secret("subscribers.admin.token",
            "Bearer token of the operator routes (GET /v1/subscribers, GET /v1/dead-letters, POST /v1/dead-letters/replay; secret, also from WIRE_SUBSCRIBERS_ADMIN_TOKEN_FILE); unset: those routes answer 403");
    public static final Setting<String> HTTP_HOST = Setting.string("subscribers.http.host", "0.0.0.0", "Health, metrics and replay bind address");
    public static final Setting<Integer> HTTP_PORT = Setting.integer("subscribers.http.port", 8084,
            "Health, metrics and replay port; 0 = any free port");
    public static final Setting<Duration> CLOSE_TIMEOUT = Setting.duration("subscribers.close.timeout", "30s",
            "How long a stop waits for the stream threads and webhook attempts in flight");

    public static final List<Setting<?>> ALL = List.of(FILE, RELOAD_INTERVAL, APPLICATION_ID, STATE_DIR, INPUT_TOPIC, TOPIC_PREFIX,
            TOPIC_PARTITIONS, WEBHOOK_TOPIC, DEAD_LETTER_TOPIC, COMMIT_INTERVAL, STREAM_THREADS, EMBARGO_CHECK_INTERVAL,
            DELIVERED_RETENTION, WEBHOOK_TIMEOUT, WEBHOOK_RETRY_INITIAL, WEBHOOK_RETRY_MAX, WEBHOOK_GIVE_UP_AFTER, WEBHOOK_QUEUE_MAX,
            ADMIN_TOKEN, HTTP_HOST, HTTP_PORT, CLOSE_TIMEOUT);

    private SubscriberSettings() {}

    /** Reads every setting so a bad value stops the service at start, with the setting named. */
    public static void validate(Settings settings) {
        ALL.forEach(settings::get);
        if (settings.get(TOPIC_PARTITIONS) < 1) {
            throw new IllegalArgumentException(TOPIC_PARTITIONS.key() + " must be at least 1");
        }
        if (settings.get(STREAM_THREADS) < 1) {
            throw new IllegalArgumentException(STREAM_THREADS.key() + " must be at least 1");
        }
        if (settings.get(WEBHOOK_QUEUE_MAX) < 1) {
            throw new IllegalArgumentException(WEBHOOK_QUEUE_MAX.key() + " must be at least 1");
        }
        if (settings.get(WEBHOOK_RETRY_MAX).compareTo(settings.get(WEBHOOK_RETRY_INITIAL)) < 0) {
            throw new IllegalArgumentException(WEBHOOK_RETRY_MAX.key() + " must not be shorter than " + WEBHOOK_RETRY_INITIAL.key());
        }
    }

    private static String topicName(String text) {
        String t = text.strip();
        if (!TOPIC_CHARS.matcher(t).matches() || t.length() > 180) {
            throw new IllegalArgumentException("a topic name (or prefix) is letters, digits, '.', '_' and '-', at most 180 characters");
        }
        return t;
    }
}
