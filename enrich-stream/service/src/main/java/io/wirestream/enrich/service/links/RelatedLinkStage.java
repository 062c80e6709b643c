package io.wirestream.enrich.service.links;

import io.wirestream.avro.Article;
import io.wirestream.avro.PubStatus;
import io.wirestream.enrich.service.ArticleStage;
import io.wirestream.enrich.tagging.ArticleTagger;
import io.wirestream.enrich.tagging.related.LinkSettings;
import io.wirestream.enrich.tagging.related.ProfileKey;
import io.wirestream.enrich.tagging.related.RelatedStoryRanker;
import io.wirestream.enrich.tagging.related.StoryProfile;
import io.wirestream.enrich.tagging.related.StoryProfiler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;

/**
 * Tags every article and adds links to related earlier stories, correct across partitions:
 *
 * <pre>
 * articles (by uri) -> tag -> profile -+-> one probe per index key --repartition by key--> KeyIndexProcessor
 *                                      |        (reads the newest postings of the key, indexes the story)
 *                                      |                                   | hits (by uri)
 *                                      +-> the article (by uri) -----------+--repartition by uri--> RelatedLinkCollector
 *                                                                                 (ranks once all hits are in) -> articles (by uri)
 * </pre>
 *
 * <p>Stories meet their candidates on the partition of each shared key, so two stories on different partitions still
 * find each other. The index is a RocksDB window store whose retention is the link window; each key read is bounded
 * by {@link LinkSettings#postingsPerKey()}, so per-story cost does not grow with the window. Kills (canceled) and
 * tombstones pass through in order and are not indexed. Internal topics carry {@link LinkMessage} JSON with the
 * article as Avro bytes; they need no registry.
 */
public final class RelatedLinkStage implements ArticleStage {

    private final ArticleTagger tagger;
    private final LinkSettings settings;

    public RelatedLinkStage(ArticleTagger tagger, LinkSettings settings) {
        this.tagger = tagger;
        this.settings = settings;
    }

    /** The entry point the topology calls: articles keyed by uri in, tagged and linked articles keyed by uri out. */
    public static KStream<String, Article> apply(StreamsBuilder builder, KStream<String, Article> articles,
                                                 ArticleTagger tagger, LinkSettings settings) {
        return new RelatedLinkStage(tagger, settings).apply(builder, articles);
    }

    @Override
    public KStream<String, Article> apply(StreamsBuilder builder, KStream<String, Article> articles) {
        Serde<LinkMessage> messages = LinkBinary.messages();
        StoryProfiler profiler = new StoryProfiler(tagger.knowledge(), settings);
        Duration retention = settings.window().plus(Duration.ofHours(1));
        builder.addStateStore(Stores.windowStoreBuilder(
                Stores.persistentWindowStore(KeyIndexProcessor.INDEX_STORE, retention, Duration.ofMillis(1), true),
                Serdes.String(), LinkBinary.postings()));
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(RelatedLinkCollector.PENDING_STORE),
                Serdes.String(), JsonSerde.of(PendingLinks.class)));
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(LinkParts.STORE), Serdes.String(), LinkBinary.parts()));

        KStream<String, LinkMessage> routed = articles.flatMap((uri, article) -> route(uri, article, profiler),
                Named.as("related-links-route"));
        KStream<String, LinkMessage> hits = routed
                .filter((k, m) -> m.kind() == LinkMessage.Kind.PROBE, Named.as("related-links-probes"))
                .repartition(Repartitioned.with(Serdes.String(), messages).withName("related-links-by-key"))
                .process(() -> new KeyIndexProcessor(settings), Named.as("related-links-index"),
                        KeyIndexProcessor.INDEX_STORE);
        KStream<String, LinkMessage> direct = routed
                .filter((k, m) -> m.kind() != LinkMessage.Kind.PROBE, Named.as("related-links-articles"));
        RelatedStoryRanker ranker = new RelatedStoryRanker(settings);
        return direct.merge(hits, Named.as("related-links-merge"))
                .repartition(Repartitioned.with(Serdes.String(), messages).withName("related-links-by-uri"))
                .process(() -> new RelatedLinkCollector(ranker), Named.as("related-links-collect"),
                        RelatedLinkCollector.PENDING_STORE, LinkParts.STORE);
    }

    private List<KeyValue<String, LinkMessage>> route(String uri, Article article, StoryProfiler profiler) {
        List<KeyValue<String, LinkMessage>> out = new ArrayList<>();
        if (article == null) {
            out.add(KeyValue.pair(uri, LinkMessage.tombstone(uri)));
            return out;
        }
        Article tagged = tagger.tag(article);
        StoryProfile profile = profiler.profile(tagged);
        if (tagged.getPubstatus() == PubStatus.canceled) {
            profile = new StoryProfile(profile.uri(), profile.version(), profile.timeMillis(), profile.headline(),
                    profile.clusterId(), profile.excludedUris(), List.of()); // a kill is not indexed nor linked
        }
        out.add(KeyValue.pair(uri, LinkMessage.article(uri, tagged.getVersion(), RelatedLinkCollector.encode(tagged), profile)));
        for (ProfileKey key : profile.keys()) {
            out.add(KeyValue.pair(key.key(), LinkMessage.probe(uri, tagged.getVersion(), key, profile.posting(key))));
        }
        return out;
    }
}
