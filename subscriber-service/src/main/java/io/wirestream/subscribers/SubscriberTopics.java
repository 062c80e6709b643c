package io.wirestream.subscribers;

import io.wirestream.contracts.topics.Topics;
import io.wirestream.runtime.config.KafkaSettings;
import io.wirestream.runtime.config.Settings;
import io.wirestream.runtime.kafka.KafkaClientConfigs;
import io.wirestream.runtime.kafka.TopicProvisioner;
import io.wirestream.runtime.kafka.TopicSpec;
import io.wirestream.subscriptions.Subscriber;
import io.wirestream.subscriptions.SubscriberConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;

/**
 * The topics this service writes, made (or checked) before anything is written to them: each subscriber's compacted
 * topic ({@code <subscribers.topic.prefix><id>}), the webhook queue and the dead letters; and the topics it reads,
 * so that it may start before enrich-stream. A subscriber added to the file gets its topic before the new file is put
 * in force, so the fan-out never writes to a topic that does not exist.
 */
public final class SubscriberTopics {

    /** How long webhook deliveries wait on the queue topic at most (far beyond any give-up time). */
    public static final Duration QUEUE_RETENTION = Duration.ofDays(7);
    /** How long dead letters are kept for a replay. */
    public static final Duration DEAD_LETTER_RETENTION = Duration.ofDays(30);

    private final Settings settings;
    private final KafkaClientConfigs clients;
    private final Set<String> made = new HashSet<>();

    public SubscriberTopics(Settings settings) {
        this.settings = settings;
        this.clients = KafkaClientConfigs.from(settings);
    }

    public String topicOf(String subscriberId) {
        return settings.get(SubscriberSettings.TOPIC_PREFIX) + subscriberId;
    }

    /** The service's own topics and the ones it reads. */
    public void ensureFixed() {
        int partitions = settings.get(KafkaSettings.PARTITIONS);
        int rf = settings.get(KafkaSettings.REPLICATION_FACTOR);
        int minIsr = settings.get(KafkaSettings.MIN_INSYNC_REPLICAS);
        int budget = settings.get(KafkaSettings.MAX_RECORD_BYTES);
        int own = partitions > 0 ? partitions : settings.get(SubscriberSettings.TOPIC_PARTITIONS);
        List<TopicSpec> specs = new ArrayList<>();
        if (settings.get(SubscriberSettings.INPUT_TOPIC).equals(Topics.ARTICLES.name())) {
            specs.add(TopicSpec.of(Topics.ARTICLES, partitions, rf, minIsr, budget));
        }
        specs.add(TopicSpec.of(Topics.REJECTED, partitions, rf, minIsr, budget));
        specs.add(new TopicSpec(settings.get(SubscriberSettings.WEBHOOK_TOPIC), own, (short) rf, minIsr, "delete", QUEUE_RETENTION, budget));
        specs.add(new TopicSpec(settings.get(SubscriberSettings.DEAD_LETTER_TOPIC), own, (short) rf, minIsr, "delete",
                DEAD_LETTER_RETENTION, budget));
        ensure(specs);
    }

    /** The topic of every subscriber of the configuration that has the topic channel and has no topic made yet. */
    public synchronized void ensureFor(SubscriberConfig config) {
        int rf = settings.get(KafkaSettings.REPLICATION_FACTOR);
        int minIsr = settings.get(KafkaSettings.MIN_INSYNC_REPLICAS);
        int budget = settings.get(KafkaSettings.MAX_RECORD_BYTES);
        int partitions = settings.get(SubscriberSettings.TOPIC_PARTITIONS);
        List<TopicSpec> specs = new ArrayList<>();
        for (Subscriber s : config.subscribers()) {
            if (s.topic() && !made.contains(topicOf(s.id()))) {
                specs.add(new TopicSpec(topicOf(s.id()), partitions, (short) rf, minIsr, "compact", null, budget));
            }
        }
        if (specs.isEmpty()) {
            return;
        }
        ensure(specs);
        specs.forEach(s -> made.add(s.name()));
    }

    private void ensure(List<TopicSpec> specs) {
        try (Admin admin = Admin.create(clients.admin(Map.of()))) {
            TopicProvisioner provisioner = new TopicProvisioner(admin, Duration.ofSeconds(60));
            if (settings.get(KafkaSettings.FAIL_ON_TOPIC_MISMATCH)) {
                provisioner.ensureOrFail(specs);
            } else {
                provisioner.ensure(specs);
            }
        }
    }
}
