package io.wirestream.enrich.service.links;

import io.wirestream.avro.Article;
import io.wirestream.enrich.service.ArticleStage;
import io.wirestream.enrich.tagging.ArticleTagger;
import io.wirestream.enrich.tagging.related.LinkSettings;
import io.wirestream.enrich.tagging.related.RelatedStoryRanker;
import io.wirestream.enrich.tagging.related.StoryProfiler;
import io.wirestream.contracts.topics.Topics;
import java.time.Duration;
import io.wirestream.enrich.service.codec.StateCodec;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;

/**
 * Tags every article and adds links to related earlier stories, correct across partitions:
 *
 * <pre>
 * articles (by uri) -> tag -> profile -+-> one probe per by-key partition --repartition by key--> KeyIndexProcessor
 *                                      |   (the story's keys on it)     (reads each key's newest postings, indexes the story)
 *                                      |                                   | one answer per probe (by uri)
 *                                      +-> the article (by uri) -----------+--repartition by uri--> RelatedLinkCollector
 *                                                                                 (ranks once all hits are in) -> articles (by uri)
 * </pre>
 *
 * <p>Stories meet their candidates on the partition of each shared key, so two stories on different partitions still
 * find each other. The index is a RocksDB window store whose retention is the link window; each key read is bounded
 * by {@link LinkSettings#postingsPerKey()}, so per-story cost does not grow with the window. Kills (canceled) and
 * tombstones pass through in order and are not indexed; a kill retracts the story from every key it was indexed
 * under. Each posting carries when other stories may link to it (embargo, withheld, killed: see
 * {@link LinkRouteProcessor}), and the ranker hides a story whose newest posting is not yet visible. A kill also
 * goes to every partition of the by-uri topic ({@link KillsToEveryPartition}), where each collector republishes the
 * stories it emitted with a link to the killed one, without that link ({@link LinkBackrefs}).
 *
 * <p>Records per story (issue 16): the by-key topic has a fixed number of partitions, so the router groups a story's
 * keys by the partition each lands on and sends one probe message per group (at most that many, rather than one
 * per key) and gets one answer message back per probe. The collector's bookkeeping, sweep index and parts are
 * rewritten at every message of a story; their stores are cached, so Kafka Streams writes the last value per
 * commit to RocksDB and the changelog, and parts put and deleted within one commit never reach either.
 *
 * <p>Internal topics carry {@link LinkMessage} records in the binary form of {@link LinkBinary}, the article inside
 * as Avro bytes; they need no registry.
 */
public final class RelatedLinkStage implements ArticleStage {

    /** Partitions of the by-key topic when the deployment does not say: the catalogue's default for its topics. */
    public static final int DEFAULT_KEY_PARTITIONS = Topics.RAW.defaultPartitions();

    private final ArticleTagger tagger;
    private final LinkSettings settings;
    private final int keyPartitions;
    private final int cachedPostings;

    public RelatedLinkStage(ArticleTagger tagger, LinkSettings settings) {
        this(tagger, settings, DEFAULT_KEY_PARTITIONS);
    }

    public RelatedLinkStage(ArticleTagger tagger, LinkSettings settings, int keyPartitions) {
        this(tagger, settings, keyPartitions, KeyIndexProcessor.CACHED_POSTINGS);
    }

    /**
     * @param keyPartitions partitions of the {@code related-links-by-key} topic, fixed so that the router can group a
     *                      story's keys by the partition each lands on. An existing topic must have this many; before
     *                      issue 16 Streams gave it as many as the stage's input topics have.
     * @param cachedPostings decoded postings each index task keeps in front of its store (0: none)
     */
    public RelatedLinkStage(ArticleTagger tagger, LinkSettings settings, int keyPartitions, int cachedPostings) {
        if (keyPartitions < 1) {
            throw new IllegalArgumentException("the by-key topic needs at least one partition: " + keyPartitions);
        }
        if (cachedPostings < 0) {
            throw new IllegalArgumentException("cached postings cannot be negative: " + cachedPostings);
        }
        this.tagger = tagger;
        this.settings = settings;
        this.keyPartitions = keyPartitions;
        this.cachedPostings = cachedPostings;
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
        // the collector's stores have no record cache: Kafka Streams keeps each cached entry's source record (here a
        // story's link answers, tens of KB) without counting it against the cache's bound (service README)
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(RelatedLinkCollector.PENDING_STORE),
                Serdes.String(), StateCodec.json(PendingLinks.class)));
        builder.addStateStore(Stores.keyValueStoreBuilder(
                        Stores.persistentKeyValueStore(LinkParts.STORE), Serdes.String(), LinkBinary.parts()));
        builder.addStateStore(Stores.windowStoreBuilder(
                Stores.persistentWindowStore(LinkRouteProcessor.INDEXED_KEYS_STORE, retention, retention, false),
                Serdes.String(), StateCodec.json(IndexedKeys.class)));

        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(RelatedLinkCollector.SWEEP_STORE), Serdes.String(), Serdes.Long()));
        builder.addStateStore(Stores.windowStoreBuilder(
                Stores.persistentWindowStore(LinkBackrefs.BACKREFS_STORE, retention, Duration.ofMillis(1), false),
                Serdes.String(), Serdes.Long()));
        builder.addStateStore(Stores.windowStoreBuilder(
                Stores.persistentWindowStore(LinkBackrefs.EMITTED_STORE, retention, Duration.ofMillis(1), false),
                Serdes.String(), Serdes.ByteArray()));

        KStream<String, LinkMessage> routed = articles.process(
                () -> new LinkRouteProcessor(tagger, profiler, settings.window(), keyPartitions),
                Named.as("related-links-route"), LinkRouteProcessor.INDEXED_KEYS_STORE);
        KStream<String, LinkMessage> hits = routed
                .filter((k, m) -> m.kind().toKeys(), Named.as("related-links-probes"))
                .repartition(Repartitioned.with(Serdes.String(), messages).withName("related-links-by-key")
                        .withNumberOfPartitions(keyPartitions))
                .process(() -> new KeyIndexProcessor(settings, cachedPostings, KeyIndexProcessor.CACHE_SLACK_PER_KEY),
                        Named.as("related-links-index"),
                        KeyIndexProcessor.INDEX_STORE);
        KStream<String, LinkMessage> direct = routed
                .filter((k, m) -> !m.kind().toKeys(), Named.as("related-links-articles"));
        RelatedStoryRanker ranker = new RelatedStoryRanker(settings);
        return direct.merge(hits, Named.as("related-links-merge"))
                .repartition(Repartitioned.with(Serdes.String(), messages).withName("related-links-by-uri")
                        .withStreamPartitioner(new KillsToEveryPartition()))
                .process(() -> new RelatedLinkCollector(ranker, settings.window()), Named.as("related-links-collect"),
                        RelatedLinkCollector.PENDING_STORE, LinkParts.STORE, LinkBackrefs.BACKREFS_STORE,
                        LinkBackrefs.EMITTED_STORE, RelatedLinkCollector.SWEEP_STORE);
    }
}
