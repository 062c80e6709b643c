package io.wirestream.enrich.service;

import io.wirestream.avro.Article;
import io.wirestream.enrich.normalise.ItemNormaliser;
import io.wirestream.runtime.config.KafkaSettings;
import io.wirestream.contracts.topics.Topics;
import io.wirestream.runtime.config.Settings;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;

/**
 * The enrich topology, built by one side-effect-free method that tests call unchanged:
 *
 * <pre>
 * wire.raw -> normalise -+-> [stages: versions and dedupe, tags and links] -> by uri -> release (embargo, kills) -> wire.articles
 *                        +-> wire.rejected
 * </pre>
 */
public final class EnrichTopology {

    private EnrichTopology() {}

    /**
     * @param embargoMaxAhead how far ahead an embargo may lie; a later one is withheld rather than held in the timer
     * @param maxArticleBytes the largest encoded article normalise lets through (a safe share of the size budget
     *                        {@code kafka.max.record.bytes}); a larger one is rejected with reason {@code too-large}
     */
    public record Options(Duration killTombstoneGrace, Duration embargoCheckInterval, Duration embargoMaxAhead,
                          int maxArticleBytes) {

        /** As the settings say: the one place the release gate's and the normaliser's limits are read. */
        public static Options from(Settings settings) {
            return new Options(settings.get(EnrichSettings.KILL_TOMBSTONE_GRACE),
                    settings.get(EnrichSettings.EMBARGO_CHECK_INTERVAL), settings.get(EnrichSettings.EMBARGO_MAX_AHEAD),
                    NormaliseProcessor.maxArticleBytes(settings.get(KafkaSettings.MAX_RECORD_BYTES)));
        }

        /** The declared defaults. */
        public static Options defaults() {
            return from(Settings.ofValues(Map.of()));
        }

        public Options withMaxArticleBytes(int bytes) {
            return new Options(killTombstoneGrace, embargoCheckInterval, embargoMaxAhead, bytes);
        }
    }

    public static Topology build(ItemNormaliser normaliser, List<ArticleStage> stages, EnrichSerdes serdes, Options options, Clock clock) {
        StreamsBuilder builder = new StreamsBuilder();

        KStream<String, NormaliseOutcome> outcomes = builder
                .stream(Topics.RAW.name(), Consumed.with(serdes.key(), serdes.raw()).withName("raw-in"))
                .process(() -> new NormaliseProcessor(normaliser, clock, options.maxArticleBytes()), Named.as("normalise"));

        outcomes.filterNot((k, o) -> o.isArticle(), Named.as("rejected-only"))
                .mapValues(NormaliseOutcome::rejection, Named.as("rejection"))
                .to(Topics.REJECTED.name(), Produced.with(serdes.key(), serdes.rejection()).withName("rejected-out"));

        KStream<String, Article> articles = outcomes.filter((k, o) -> o.isArticle(), Named.as("articles-only"))
                .mapValues(NormaliseOutcome::article, Named.as("article"));

        for (ArticleStage stage : stages) {
            articles = stage.apply(builder, articles);
        }

        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(ArticleReleaseProcessor.HELD_STORE),
                serdes.key(), serdes.article()));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(ArticleReleaseProcessor.TOMBSTONE_STORE),
                serdes.key(), Serdes.Long()));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(ArticleReleaseProcessor.TIMER_STORE),
                Serdes.String(), Serdes.Long()));

        articles.repartition(Repartitioned.with(serdes.key(), serdes.article()).withName("release-by-uri"))
                .process(() -> new ArticleReleaseProcessor(options.killTombstoneGrace(), options.embargoCheckInterval(),
                                options.embargoMaxAhead()), Named.as("release"), ArticleReleaseProcessor.HELD_STORE,
                        ArticleReleaseProcessor.TOMBSTONE_STORE, ArticleReleaseProcessor.TIMER_STORE)
                .to(Topics.ARTICLES.name(), Produced.with(serdes.key(), serdes.article()).withName("articles-out"));

        return builder.build();
    }
}
