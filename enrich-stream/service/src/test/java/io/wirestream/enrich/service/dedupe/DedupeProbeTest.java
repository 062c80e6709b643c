package io.wirestream.enrich.service.dedupe;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.avro.Article;
import io.wirestream.enrich.dedupe.fingerprint.FingerprintSettings;
import io.wirestream.enrich.dedupe.fingerprint.Fingerprinter;
import io.wirestream.enrich.dedupe.fingerprint.IndexKeys;
import io.wirestream.enrich.dedupe.fingerprint.MatchKind;
import io.wirestream.enrich.dedupe.index.IndexedStory;
import io.wirestream.enrich.service.codec.StateWriter;
import io.wirestream.enrich.service.dedupe.DedupeMessage.IndexAnswer;
import io.wirestream.enrich.service.dedupe.DedupeMessage.IndexProbe;
import io.wirestream.enrich.service.dedupe.DedupeMessage.StoryCandidate;
import io.wirestream.runtime.config.Settings;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Probes grouped by index partition (issue 16): a story's keys travel in one probe per partition they land on, each
 * probe is answered once with every copy found under any of its keys, and a later-wired copy hears of an earlier one
 * once per probe, not once per shared key. Single-key probes of the former format are still read and counted.
 */
class DedupeProbeTest {

    static final Instant WIRED = Instant.parse("2026-03-03T06:00:00Z");
    static final FingerprintSettings FINGERPRINT = FingerprintSettings.DEFAULTS;

    final DedupeMessageSerde serde = new DedupeMessageSerde(new AvroBinarySerde<>(Article.class), "wire.articles");
    final Fingerprinter fingerprinter = new Fingerprinter(FINGERPRINT);
    MockProcessorContext<String, DedupeMessage> context;
    DedupeIndexProcessor index;

    @BeforeEach
    void setUp() {
        context = new MockProcessorContext<>();
        WindowStore<String, byte[]> store = Stores.windowStoreBuilder(
                        Stores.inMemoryWindowStore(DedupeIndexProcessor.STORE, Duration.ofDays(7), Duration.ofMillis(1), true),
                        Serdes.String(), Serdes.ByteArray())
                .withLoggingDisabled().build();
        store.init(context.getStateStoreContext(), store);
        context.addStateStore(store);
        index = new DedupeIndexProcessor(DedupeSettings.from(Settings.ofValues(Map.of())));
        index.init(context);
    }

    IndexedStory indexed(Article article) {
        return new IndexedStory(article.getUri(), article.getAgency(), article.getReceivedAt(),
                fingerprinter.fingerprint(article));
    }

    List<String> keys(IndexedStory story) {
        return IndexKeys.of(story.signature(), FINGERPRINT);
    }

    List<Record<String, DedupeMessage>> probe(IndexProbe probe) {
        context.resetForwards();
        index.process(new Record<>(probe.keys().get(0), probe, 0L));
        List<Record<String, DedupeMessage>> out = new ArrayList<>();
        context.forwarded().forEach(f -> out.add(new Record<>(f.record().key(), f.record().value(), f.record().timestamp())));
        return out;
    }

    static List<IndexAnswer> answers(List<Record<String, DedupeMessage>> records, boolean counted) {
        return records.stream().map(r -> (IndexAnswer) r.value()).filter(a -> a.counted() == counted).toList();
    }

    @Test
    void aStorysKeysTravelInOneProbePerIndexPartitionTheyLandOn() {
        List<String> keys = keys(indexed(Stories.ferry("reu:ferry", "REU", 1, WIRED)));
        assertThat(keys).hasSize(FINGERPRINT.bands() + 1);

        List<List<String>> groups = StoryVersionProcessor.probeGroups(keys, 3);

        assertThat(groups).hasSizeBetween(1, 3);
        assertThat(groups.stream().flatMap(List::stream)).containsExactlyInAnyOrderElementsOf(keys);
        for (List<String> group : groups) {
            // the group is keyed by its first key, so it must land where every one of its keys is owned
            int partition = io.wirestream.enrich.service.KeyPartitions.of(group.get(0), 3);
            assertThat(group).allSatisfy(k -> assertThat(io.wirestream.enrich.service.KeyPartitions.of(k, 3)).isEqualTo(partition));
        }
        assertThat(groups.stream().map(g -> io.wirestream.enrich.service.KeyPartitions.of(g.get(0), 3)).distinct()).hasSize(groups.size());
        assertThat(StoryVersionProcessor.probeGroups(keys, 0)).hasSize(keys.size()).allSatisfy(g -> assertThat(g).hasSize(1));
    }

    @Test
    void theIndexPartitionIsTheOneKafkasDefaultPartitionerPicks() {
        for (String key : List.of("x:abc", "b0:1f", "b31:ffee00", "b7:0")) {
            byte[] bytes = Serdes.String().serializer().serialize("t", key);
            assertThat(io.wirestream.enrich.service.KeyPartitions.of(key, 6))
                    .isEqualTo(org.apache.kafka.clients.producer.internals.BuiltInPartitioner.partitionForKey(bytes, 6));
        }
    }

    @Test
    void aProbeIsAnsweredOnceWithEachCopyOnceAndTheLaterCopyHearsOfTheEarlierOneOnce() {
        IndexedStory later = indexed(Stories.ferry("dpa:ferry", "DPA", 1, WIRED.plusSeconds(60)));
        IndexedStory earlier = indexed(Stories.ferry("reu:ferry", "REU", 1, WIRED));

        // the later-wired copy reaches the index first: nothing found, one counted answer for its one probe
        assertThat(probe(new IndexProbe(keys(later), later))).singleElement().satisfies(r -> {
            assertThat(r.key()).isEqualTo("dpa:ferry");
            assertThat(((IndexAnswer) r.value()).counted()).isTrue();
            assertThat(((IndexAnswer) r.value()).copies()).isEmpty();
        });

        // the earlier one shares all 33 keys with it, in one probe: one answer, one copy, one notice
        List<Record<String, DedupeMessage>> out = probe(new IndexProbe(keys(earlier), earlier));

        assertThat(answers(out, true)).singleElement().satisfies(a -> {
            assertThat(a.storyUri()).isEqualTo("reu:ferry");
            assertThat(a.copies()).singleElement().satisfies(c -> {
                assertThat(c.uri()).isEqualTo("dpa:ferry");
                assertThat(c.kind()).isEqualTo(MatchKind.EXACT);
            });
        });
        assertThat(out.stream().filter(r -> r.key().equals("dpa:ferry"))).singleElement()
                .satisfies(r -> assertThat(answers(List.of(r), false)).singleElement()
                        .satisfies(n -> assertThat(n.copies()).extracting(CopySeen::uri).containsExactly("reu:ferry")));
    }

    @Test
    void aStoryIsFiledUnderEveryKeyOfItsProbeAndARedeliveryIsNotFiledTwice() {
        IndexedStory story = indexed(Stories.ferry("reu:ferry", "REU", 1, WIRED));
        probe(new IndexProbe(keys(story), story));
        probe(new IndexProbe(keys(story), story));
        WindowStore<String, byte[]> store = context.getStateStore(DedupeIndexProcessor.STORE);
        for (String key : keys(story)) {
            try (var filed = store.fetch(key, 0, Long.MAX_VALUE)) {
                assertThat(filed).toIterable().hasSize(1);
            }
        }
    }

    @Test
    void aProbeCarriesAllItsKeysThroughTheCodec() {
        IndexedStory story = indexed(Stories.ferry("reu:ferry", "REU", 1, WIRED));
        IndexProbe read = (IndexProbe) serde.decode(serde.encode(new IndexProbe(keys(story), story)));
        assertThat(read.keys()).isEqualTo(keys(story));
        assertThat(read.story().uri()).isEqualTo("reu:ferry");
        assertThat(read.story().signature().exact()).isEqualTo(story.signature().exact());
    }

    /** A probe as the release before grouping wrote it: format 1, kind 2, one key, the story. */
    static byte[] formerProbe(String key, IndexedStory story) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (StateWriter out = new StateWriter(bytes)) {
            out.writeByte(1);
            out.writeByte(2);
            out.writeUTF(key);
            DedupeBinary.writeIndexed(out, story);
        }
        return bytes.toByteArray();
    }

    @Test
    void aSingleKeyProbeOfTheFormerFormatIsReadAsAProbeWithOneKey() throws IOException {
        IndexedStory story = indexed(Stories.ferry("reu:ferry", "REU", 1, WIRED));
        String key = keys(story).get(5);
        IndexProbe read = (IndexProbe) serde.decode(formerProbe(key, story));
        assertThat(read.keys()).containsExactly(key);
        assertThat(read.story().uri()).isEqualTo("reu:ferry");
    }

    @Test
    void aStoryProbedKeyByKeyBeforeAnUpgradeIsJudgedOnceEveryFormerProbeIsAnswered() throws IOException {
        // the copy wired first is filed by the new release, in grouped probes
        IndexedStory earlier = indexed(Stories.ferry("reu:ferry", "REU", 1, WIRED));
        StoryVersionProcessor.probeGroups(keys(earlier), 3).forEach(g -> probe(new IndexProbe(g, earlier)));
        // the later copy's candidate (expecting one answer per key) and its 33 single-key probes were written before
        // the upgrade and are read after it
        Article laterArticle = Stories.ferry("dpa:ferry", "DPA", 1, WIRED.plusSeconds(60));
        IndexedStory later = indexed(laterArticle);
        List<IndexAnswer> counted = new ArrayList<>();
        for (String key : keys(later)) {
            counted.addAll(answers(probe((IndexProbe) serde.decode(formerProbe(key, later))), true));
        }
        assertThat(counted).hasSize(keys(later).size());

        PendingStory waiting = PendingStory.answersOnly(0).withCandidate(later, keys(later).size(), 0);
        for (IndexAnswer answer : counted.subList(0, counted.size() - 1)) {
            waiting = waiting.withAnswer(answer.counted(), answer.copies());
        }
        assertThat(waiting.ready(10_000, 1_000, 300_000)).as("one former probe still unanswered").isFalse();
        IndexAnswer last = counted.get(counted.size() - 1);
        waiting = waiting.withAnswer(last.counted(), last.copies());
        assertThat(waiting.ready(10_000, 1_000, 300_000)).isTrue();
        assertThat(waiting.copies()).containsOnlyKeys("reu:ferry");
        assertThat(new StoryCandidate(laterArticle, later, keys(later).size()).expectedAnswers()).isEqualTo(33);
    }
}
