package io.wirestream.enrich.service.links;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.avro.Article;
import io.wirestream.avro.PubStatus;
import io.wirestream.enrich.service.codec.StateCodec;
import io.wirestream.enrich.tagging.related.LinkSettings;
import io.wirestream.enrich.tagging.related.ProfileKey;
import io.wirestream.enrich.tagging.related.StoryProfiler;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;
import org.junit.jupiter.api.Test;

/** The router sends a story's keys as one probe message per partition of the by-key topic (issue 16). */
class LinkRouteProcessorTest {

    static final LinkSettings SETTINGS = LinkSettings.defaults().withWindow(Duration.ofDays(2));

    MockProcessorContext<String, LinkMessage> context = new MockProcessorContext<>();

    LinkRouteProcessor router(int keyPartitions) {
        WindowStore<String, IndexedKeys> keys = Stores.windowStoreBuilder(
                        Stores.inMemoryWindowStore(LinkRouteProcessor.INDEXED_KEYS_STORE, Duration.ofDays(3),
                                Duration.ofDays(3), false), Serdes.String(), StateCodec.json(IndexedKeys.class))
                .withLoggingDisabled().build();
        keys.init(context.getStateStoreContext(), keys);
        context.addStateStore(keys);
        LinkRouteProcessor router = new LinkRouteProcessor(RelatedLinkStageTest.TAGGER,
                new StoryProfiler(RelatedLinkStageTest.TAGGER.knowledge(), SETTINGS), SETTINGS.window(), keyPartitions);
        router.init(context);
        return router;
    }

    List<LinkMessage> sent(LinkMessage.Kind kind) {
        return context.forwarded().stream().<LinkMessage>map(f -> f.record().value()).filter(m -> m.kind() == kind).toList();
    }

    @Test
    void oneProbePerPartitionCarryingEveryKeyThatLandsThereKeyedSoItLandsThere() {
        int partitions = 3;
        Article story = RelatedLinkStageTest.HARBOUR_TALKS;
        router(partitions).process(new Record<>(story.getUri(), story, RelatedLinkStageTest.T0.toEpochMilli()));

        LinkMessage article = sent(LinkMessage.Kind.ARTICLE).get(0);
        List<ProfileKey> profileKeys = article.profile().keys();
        assertThat(profileKeys).hasSizeGreaterThan(partitions);
        List<MockProcessorContext.CapturedForward<? extends String, ? extends LinkMessage>> probes =
                context.forwarded().stream().filter(f -> f.record().value().kind() == LinkMessage.Kind.PROBES).toList();
        Set<Integer> byPartition = new HashSet<>();
        for (ProfileKey k : profileKeys) {
            byPartition.add(io.wirestream.enrich.service.KeyPartitions.of(k.key(), partitions));
        }
        assertThat(probes).hasSize(byPartition.size());
        assertThat(article.expectedAnswers()).isEqualTo(probes.size());
        assertThat(probes).flatExtracting(f -> f.record().value().keys()).containsExactlyInAnyOrderElementsOf(profileKeys);
        Set<Integer> seen = new HashSet<>();
        for (var probe : probes) {
            int partition = io.wirestream.enrich.service.KeyPartitions.of(probe.record().key(), partitions);
            assertThat(seen.add(partition)).as("one message per partition").isTrue();
            assertThat(probe.record().value().keys())
                    .allSatisfy(k -> assertThat(io.wirestream.enrich.service.KeyPartitions.of(k.key(), partitions)).isEqualTo(partition));
            assertThat(probe.record().value().posting().uri()).isEqualTo(story.getUri());
        }
    }

    @Test
    void aKillRetractsEveryIndexedKeyWithOneMessagePerPartition() {
        int partitions = 4;
        LinkRouteProcessor router = router(partitions);
        Article story = RelatedLinkStageTest.HARBOUR_TALKS;
        long t = RelatedLinkStageTest.T0.toEpochMilli();
        router.process(new Record<>(story.getUri(), story, t));
        List<ProfileKey> indexed = sent(LinkMessage.Kind.ARTICLE).get(0).profile().keys();
        context.resetForwards();

        Article kill = Article.newBuilder(story).setVersion(2).setPubstatus(PubStatus.canceled)
                .setHeadline("Kill").setBodyParagraphs(List.of()).build();
        router.process(new Record<>(story.getUri(), kill, t + 1000));

        List<LinkMessage> retracts = sent(LinkMessage.Kind.RETRACTS);
        assertThat(retracts).hasSizeLessThanOrEqualTo(partitions);
        assertThat(retracts).flatExtracting(LinkMessage::keys).extracting(ProfileKey::key)
                .containsExactlyInAnyOrderElementsOf(indexed.stream().map(ProfileKey::key).toList());
        assertThat(sent(LinkMessage.Kind.PROBES)).isEmpty();
        assertThat(sent(LinkMessage.Kind.ARTICLE)).singleElement()
                .satisfies(a -> assertThat(a.expectedAnswers()).isZero());
    }
}
