package io.wirestream.enrich.service.dedupe;

import io.wirestream.avro.Article;
import io.wirestream.avro.DedupeAudit;
import io.wirestream.enrich.service.dedupe.DedupeMessage.AuditEvent;
import io.wirestream.enrich.service.dedupe.DedupeMessage.ClusterEvent;
import io.wirestream.enrich.service.dedupe.DedupeMessage.CopyReply;
import io.wirestream.enrich.service.dedupe.DedupeMessage.IndexAnswer;
import io.wirestream.enrich.service.dedupe.DedupeMessage.IndexProbe;
import io.wirestream.enrich.service.dedupe.DedupeMessage.JoinRequest;
import io.wirestream.enrich.service.dedupe.DedupeMessage.StoryCandidate;
import io.wirestream.enrich.service.ArticleStage;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;

/**
 * Story versions and dedupe as one topology step:
 *
 * <pre>
 * articles (any key) -> by uri [dedupe-by-story] -> version guard --drops--> audit topic
 *      -> first versions: one probe per index partition [dedupe-by-index-key] -> index (window store) -> answers
 *      -> candidates + answers + replies by uri [dedupe-by-judged-story] -> judge --duplicates--> audit topic
 *                                                    ^--- replies to notices, join requests [{app}-dedupe-replies] ---'
 *      -> heads + joined copies, in the judge's task -> cluster -> articles to publish, by uri
 *         (the cluster also reads [{app}-dedupe-by-cluster-repartition], where versions before 2026-12-08 sent them)
 * </pre>
 *
 * Every decision is taken in the task that owns its key, so it is correct whichever partition or instance an item
 * lands on; all state is in RocksDB stores changelogged by Kafka Streams, so it survives restarts and rebalances
 * under exactly_once_v2. See enrich-stream/dedupe/README.md for the design and its limits.
 */
public final class StoryDedupeStage {

    private StoryDedupeStage() {
    }

    /** The stage as the service composes it, declaring its feedback topic so the service provisions it. */
    public static ArticleStage stage(DedupeSettings settings, Serde<Article> articleSerde, Serde<DedupeAudit> auditSerde,
            Serde<String> auditKeySerde) {
        return new ArticleStage() {
            @Override
            public KStream<String, Article> apply(StreamsBuilder builder, KStream<String, Article> articles) {
                return StoryDedupeStage.apply(builder, articles, settings, articleSerde, auditSerde, auditKeySerde);
            }

            @Override
            public List<String> ownTopics() {
                return List.of(settings.repliesTopic());
            }

            @Override
            public List<String> formerTopics() {
                return List.of(settings.formerClustersTopic());
            }
        };
    }

    /**
     * Adds the stage to the builder.
     *
     * @param normalised canonical articles, keyed by anything
     * @return the articles to publish, keyed by uri, each head carrying its duplicate cluster
     */
    public static KStream<String, Article> apply(StreamsBuilder builder, KStream<String, Article> normalised,
            DedupeSettings settings, Serde<Article> articleSerde, Serde<DedupeAudit> auditSerde) {
        return apply(builder, normalised, settings, articleSerde, auditSerde, Serdes.String());
    }

    /**
     * As above, with the key serde of the audit topic: the pipeline passes the catalogue's Avro wire-format key serde
     * so the audit topic, like every public topic, carries schema-registered keys.
     */
    public static KStream<String, Article> apply(StreamsBuilder builder, KStream<String, Article> normalised,
            DedupeSettings settings, Serde<Article> articleSerde, Serde<DedupeAudit> auditSerde, Serde<String> auditKeySerde) {
        Serde<String> keys = Serdes.String();
        DedupeMessageSerde messages = new DedupeMessageSerde(articleSerde, settings.articlesTopic());
        DedupeBinary binary = new DedupeBinary(articleSerde, settings.articlesTopic());
        addStores(builder, settings, binary, messages);

        KStream<String, DedupeMessage> versioned = normalised
                .selectKey((key, article) -> article.getUri(), Named.as("dedupe-key-by-story"))
                .repartition(Repartitioned.with(keys, articleSerde).withName("dedupe-by-story"))
                .process(() -> new StoryVersionProcessor(settings), Named.as("dedupe-versions"), StoryVersionProcessor.STORE,
                        StoryVersionProcessor.EXPIRY_STORE);

        // a probe carries the keys of one partition of this topic (StoryVersionProcessor.probeGroups), so its
        // partitions are fixed, not left to Kafka Streams
        Repartitioned<String, DedupeMessage> byIndexKey = Repartitioned.with(keys, messages).withName("dedupe-by-index-key");
        if (settings.indexPartitions() > 0) {
            byIndexKey = byIndexKey.withNumberOfPartitions(settings.indexPartitions());
        }
        KStream<String, DedupeMessage> answers = versioned
                .filter((key, message) -> message instanceof IndexProbe, Named.as("dedupe-probes"))
                .repartition(byIndexKey)
                .process(() -> new DedupeIndexProcessor(settings), Named.as("dedupe-index-lookup"), DedupeIndexProcessor.STORE);

        // a later-wired copy's reply to a notice goes back to the earlier story's judge: a loop, which Kafka Streams
        // only allows through a topic of the application's own
        KStream<String, DedupeMessage> replies = builder.stream(settings.repliesTopic(),
                Consumed.with(keys, messages).withName("dedupe-replies-in"));
        KStream<String, DedupeMessage> judged = versioned
                .filter((key, message) -> message instanceof StoryCandidate, Named.as("dedupe-candidates"))
                .merge(answers.filter((key, message) -> message instanceof IndexAnswer, Named.as("dedupe-answers")),
                        Named.as("dedupe-candidates-and-answers"))
                .merge(replies, Named.as("dedupe-candidates-answers-and-replies"))
                .repartition(Repartitioned.with(keys, messages).withName("dedupe-by-judged-story"))
                .process(() -> new DuplicateGatherProcessor(settings), Named.as("dedupe-judge"),
                        DuplicateGatherProcessor.PENDING_STORE, DuplicateGatherProcessor.FATE_STORE,
                        DuplicateGatherProcessor.PENDING_ARTICLE_STORE, DuplicateGatherProcessor.FOLLOWER_STORE,
                        DuplicateGatherProcessor.DUE_STORE);
        judged.filter((key, message) -> message instanceof CopyReply || message instanceof JoinRequest,
                        Named.as("dedupe-replies"))
                .to(settings.repliesTopic(), Produced.with(keys, messages).withName("dedupe-replies-out"));

        versioned.filter((key, message) -> message instanceof AuditEvent, Named.as("dedupe-version-drops"))
                .merge(judged.filter((key, message) -> message instanceof AuditEvent, Named.as("dedupe-duplicate-drops")),
                        Named.as("dedupe-all-drops"))
                .mapValues(message -> ((AuditEvent) message).audit(), Named.as("dedupe-audit-records"))
                // operators see drops by reason on /metrics; the audit topic holds each one with its survivor
                .peek((key, audit) -> io.micrometer.core.instrument.Metrics.counter("wirestream.dedupe.dropped",
                        "reason", audit.getReason()).increment(), Named.as("dedupe-audit-count"))
                .to(settings.auditTopic(), Produced.with(auditKeySerde, auditSerde).withName("dedupe-audit-out"));

        // every cluster event the judge forwards is keyed by a story of its own task (a copy that joins a cluster in
        // another task asks that task through the feedback topic), so the clusters run in the judge's task. Before,
        // they ran behind a repartition topic of their own: what an earlier version left there is still read.
        KStream<String, DedupeMessage> former = builder.stream(settings.formerClustersTopic(),
                Consumed.with(keys, messages).withName("dedupe-former-clusters-in"));
        return judged
                .filter((key, message) -> message instanceof ClusterEvent, Named.as("dedupe-cluster-events"))
                .merge(former, Named.as("dedupe-cluster-events-and-former"))
                .process(() -> new DuplicateClusterProcessor(settings), Named.as("dedupe-clusters"),
                        DuplicateClusterProcessor.STORE);
    }

    private static void addStores(StreamsBuilder builder, DedupeSettings settings, DedupeBinary binary,
            DedupeMessageSerde messages) {
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(StoryVersionProcessor.STORE),
                Serdes.String(), DedupeBinary.storyStates()));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(StoryVersionProcessor.EXPIRY_STORE),
                Serdes.String(), Serdes.Long()));
        builder.addStateStore(Stores.windowStoreBuilder(
                Stores.persistentWindowStore(DedupeIndexProcessor.STORE, settings.window(), Duration.ofMillis(1), true),
                Serdes.String(), Serdes.ByteArray()));
        // a pending story is rewritten by its candidate, each answer, each notice and each reply, mostly within one
        // commit: the record cache sends the changelog its last value per commit, not every rewrite
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(DuplicateGatherProcessor.PENDING_STORE), Serdes.String(),
                PendingStory.serde(binary)).withCachingEnabled());
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(DuplicateGatherProcessor.PENDING_ARTICLE_STORE), Serdes.String(),
                binary.articles()));
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(DuplicateGatherProcessor.FATE_STORE), Serdes.String(), StoryFate.serde()));
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(DuplicateGatherProcessor.DUE_STORE), Serdes.String(), Serdes.String()));
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(DuplicateGatherProcessor.FOLLOWER_STORE), Serdes.String(),
                messages));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(DuplicateClusterProcessor.STORE),
                Serdes.String(), ClusterState.serde(binary)));
    }
}
