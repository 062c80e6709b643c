package io.wirestream.subscribers.fanout;

import io.wirestream.avro.Article;
import io.wirestream.avro.Rejection;
import io.wirestream.contracts.topics.Topics;
import io.wirestream.subscribers.SubscriberSettings;
import io.wirestream.subscriptions.SubscriberConfig;
import io.wirestream.subscribers.webhook.WebhookMessage;
import io.wirestream.runtime.config.Settings;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.processor.TopicNameExtractor;
import org.apache.kafka.streams.state.Stores;

/**
 * The fan-out as a Kafka Streams topology: {@code wire.articles} -> {@link FanOutProcessor} (with its two stores) ->
 * each subscriber's compacted topic ({@code <prefix><id>}, chosen per record), the webhook queue, and
 * {@code wire.rejected}. Built by one side-effect-free method that the tests call unchanged.
 */
public final class FanOutTopology {

    public static final String SOURCE = "articles";
    public static final String PROCESSOR = "fan-out";
    public static final String TOPIC_SINK = "subscriber-topics";
    public static final String WEBHOOK_SINK = "webhook-queue";
    public static final String REJECTION_SINK = "rejections";
    /** Story uri -> who received which version ({@link Recipients}). */
    public static final String RECIPIENTS_STORE = "subscriber-deliveries";
    /** Story uri -> the version waiting for its embargo. */
    public static final String HELD_STORE = "subscriber-embargo-held";

    /** What the topology is built with. */
    public record Options(String inputTopic, String topicPrefix, String webhookTopic, Duration embargoCheckInterval,
                          Duration expiryCheckInterval, Duration deliveredRetention) {

        public static Options from(Settings s) {
            return new Options(s.get(SubscriberSettings.INPUT_TOPIC), s.get(SubscriberSettings.TOPIC_PREFIX),
                    s.get(SubscriberSettings.WEBHOOK_TOPIC), s.get(SubscriberSettings.EMBARGO_CHECK_INTERVAL), Duration.ofHours(1),
                    s.get(SubscriberSettings.DELIVERED_RETENTION));
        }

        /** The topic of one subscriber. */
        public String topicOf(String subscriberId) {
            return topicPrefix + subscriberId;
        }
    }

    private FanOutTopology() {}

    /**
     * @param serdeConfig registry settings for the article and rejection serdes (Confluent names)
     */
    public static Topology build(Options options, Supplier<SubscriberConfig> subscribers, Map<String, ?> serdeConfig,
                                 Clock clock, FanOutMetrics metrics) {
        return build(options, subscribers, serdeConfig, clock, metrics, Renderer::new);
    }

    /** With the renderer the tests choose (one per task). */
    static Topology build(Options options, Supplier<SubscriberConfig> subscribers, Map<String, ?> serdeConfig,
                          Clock clock, FanOutMetrics metrics, Supplier<Renderer> renderers) {
        Serde<String> articleKeys = Topics.ARTICLES.keySerde(serdeConfig);
        Serde<Article> articles = Topics.ARTICLES.valueSerde(serdeConfig);
        Serde<String> rejectionKeys = Topics.REJECTED.keySerde(serdeConfig);
        Serde<Rejection> rejections = Topics.REJECTED.valueSerde(serdeConfig);

        Topology t = new Topology();
        t.addSource(SOURCE, articleKeys.deserializer(), articles.deserializer(), options.inputTopic());
        t.addProcessor(PROCESSOR, () -> new FanOutProcessor(subscribers, options, clock, metrics, renderers.get()), SOURCE);
        t.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(RECIPIENTS_STORE), Serdes.String(),
                Recipients.serde()), PROCESSOR);
        t.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(HELD_STORE), Serdes.String(), articles), PROCESSOR);

        TopicNameExtractor<String, Delivery> perSubscriber = (key, delivery, ctx) -> options.topicOf(delivery.subscriberId());
        Serializer<Delivery> bodies = (topic, d) -> d == null ? null : d.body();
        t.addSink(TOPIC_SINK, perSubscriber, new StringSerializer(), bodies, PROCESSOR);
        t.addSink(WEBHOOK_SINK, options.webhookTopic(), new StringSerializer(), WebhookMessage.serde().serializer(), PROCESSOR);
        t.addSink(REJECTION_SINK, Topics.REJECTED.name(), rejectionKeys.serializer(), rejections.serializer(), PROCESSOR);
        return t;
    }
}
