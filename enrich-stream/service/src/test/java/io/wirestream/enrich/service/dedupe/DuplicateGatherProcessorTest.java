package io.wirestream.enrich.service.dedupe;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.avro.Article;
import io.wirestream.enrich.dedupe.fingerprint.FingerprintSettings;
import io.wirestream.enrich.dedupe.fingerprint.MatchKind;
import io.wirestream.enrich.dedupe.fingerprint.StorySignature;
import io.wirestream.enrich.dedupe.index.IndexedStory;
import io.wirestream.enrich.service.dedupe.DedupeMessage.AuditEvent;
import io.wirestream.enrich.service.dedupe.DedupeMessage.ClusterEvent;
import io.wirestream.enrich.service.dedupe.DedupeMessage.CopyReply;
import io.wirestream.enrich.service.dedupe.DedupeMessage.IndexAnswer;
import io.wirestream.enrich.service.dedupe.DedupeMessage.StoryCandidate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The judge on its own, where a reply can be made to arrive late: the only way left to publish a story twice is a
 * reply that misses the answer timeout, and then it is audited once.
 */
class DuplicateGatherProcessorTest {

    static final Instant WIRED = Instant.parse("2026-03-03T06:00:00Z");
    static final Duration HOLD_BACK = Duration.ofSeconds(1);
    static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(30);
    static final StorySignature NO_SIGNATURE = new StorySignature("", 0, new int[0]);

    MockProcessorContext<String, DedupeMessage> context;
    DuplicateGatherProcessor judge;
    long now = 1_000_000;
    /** Pending stories read back from the store (deserialised), to see what a timer tick costs. */
    int pendingReads;
    /** The lower bound of every range scan of the due store, in order. */
    final List<String> dueScansFrom = new ArrayList<>();

    @BeforeEach
    void setUp() {
        DedupeSettings settings = new DedupeSettings(Duration.ofDays(7), HOLD_BACK, ANSWER_TIMEOUT, Duration.ofHours(1),
                "audit", "replies", "wire.articles", FingerprintSettings.DEFAULTS, 0);
        Serde<Article> articles = new AvroBinarySerde<>(Article.class);
        DedupeBinary binary = new DedupeBinary(articles, "wire.articles");
        context = new MockProcessorContext<>();
        context.setCurrentSystemTimeMs(now);
        Serde<PendingStory> pendingSerde = PendingStory.serde(binary);
        addStore(DuplicateGatherProcessor.PENDING_STORE, Serdes.serdeFrom(pendingSerde.serializer(), (topic, data) -> {
            pendingReads++;
            return pendingSerde.deserializer().deserialize(topic, data);
        }));
        addStore(DuplicateGatherProcessor.DUE_STORE, Serdes.String());
        addStore(DuplicateGatherProcessor.FATE_STORE, StoryFate.serde());
        addStore(DuplicateGatherProcessor.PENDING_ARTICLE_STORE, binary.articles());
        addStore(DuplicateGatherProcessor.FOLLOWER_STORE, new DedupeMessageSerde(articles, "wire.articles"));
        judge = new DuplicateGatherProcessor(settings);
        judge.init(context);
    }

    @SuppressWarnings("unchecked")
    <V> void addStore(String name, Serde<V> values) {
        KeyValueStore<String, V> store = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(name), Serdes.String(), values)
                .withLoggingDisabled().build();
        store.init(context.getStateStoreContext(), store);
        if (name.equals(DuplicateGatherProcessor.DUE_STORE)) {
            // the same store, telling where each scan starts
            KeyValueStore<String, V> inner = store;
            store = (KeyValueStore<String, V>) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {KeyValueStore.class}, (proxy, method, args) -> {
                        if (method.getName().equals("range")) {
                            dueScansFrom.add((String) args[0]);
                        }
                        try {
                            return method.invoke(inner, args);
                        } catch (java.lang.reflect.InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        }
        context.addStateStore(store);
    }

    void process(String key, DedupeMessage message) {
        judge.process(new Record<>(key, message, now));
    }

    void advance(Duration by) {
        now += by.toMillis();
        context.setCurrentSystemTimeMs(now);
        // a timer fires when its interval has elapsed (the hourly purge does not fire on a few seconds' advance)
        context.scheduledPunctuators().stream().filter(p -> p.getInterval().compareTo(by) <= 0)
                .forEach(p -> p.getPunctuator().punctuate(now));
    }

    List<DedupeMessage> forwarded() {
        List<DedupeMessage> messages = context.forwarded().stream().<DedupeMessage>map(f -> f.record().value()).toList();
        context.resetForwards();
        return messages;
    }

    static Article story(String uri, String agency, Instant wired) {
        return Article.newBuilder().setUri(uri).setVersion(1).setVersioncreated(wired).setFirstcreated(wired)
                .setPubstatus(io.wirestream.avro.PubStatus.usable).setHeadline("Ferry runs aground off Hel")
                .setBodyParagraphs(List.of("The ferry ran aground on Monday.")).setAgency(agency).setReceivedAt(wired).build();
    }

    /**
     * A tick deletes every due key it reads, but a RocksDB store keeps deleted keys as tombstones until a compaction,
     * and a scan from the start of time steps over all of them: about 0.2 us each, 19 ms a tick after 100,000
     * stories (DedupeJudgeBenchmark). So a scan starts where the previous tick's ended, unless a key was filed
     * earlier than that since.
     */
    @Test
    void aTickScansTheDueStoreOnlyFromWhereThePreviousTickEnded() {
        for (int i = 0; i < 3; i++) {
            String uri = "reu:scan-" + i;
            process(uri, new StoryCandidate(story(uri, "REU", WIRED), new IndexedStory(uri, "REU", WIRED, NO_SIGNATURE), 1));
            process(uri, new IndexAnswer(uri, true, List.of()));
        }
        advance(HOLD_BACK);
        assertThat(forwarded()).as("the three stories were judged at the tick").hasSize(3);
        long firstTick = now;

        advance(HOLD_BACK);
        assertThat(dueScansFrom).hasSizeGreaterThanOrEqualTo(2);
        assertThat(dueScansFrom.get(dueScansFrom.size() - 1)).as("the second tick's scan starts past the first tick")
                .isGreaterThan(io.wirestream.enrich.service.codec.DueTimeKey.of(firstTick, "\uffff"));

        // a story filed now is still found by the next tick, and one that waits for an answer at its timeout
        process("reu:later", new StoryCandidate(story("reu:later", "REU", WIRED), new IndexedStory("reu:later", "REU", WIRED, NO_SIGNATURE), 1));
        process("reu:later", new IndexAnswer("reu:later", true, List.of()));
        process("reu:waits", new StoryCandidate(story("reu:waits", "REU", WIRED), new IndexedStory("reu:waits", "REU", WIRED, NO_SIGNATURE), 2));
        process("reu:waits", new IndexAnswer("reu:waits", true, List.of()));
        advance(HOLD_BACK);
        assertThat(forwarded()).as("judged at the next tick").singleElement().isInstanceOfSatisfying(ClusterEvent.class,
                e -> assertThat(e.head().getUri()).isEqualTo("reu:later"));
        advance(ANSWER_TIMEOUT);
        assertThat(forwarded()).as("the story still missing an answer, at its timeout").singleElement()
                .isInstanceOfSatisfying(ClusterEvent.class, e -> assertThat(e.head().getUri()).isEqualTo("reu:waits"));
    }

    @Test
    void aStoryWaitsForItsLaterCopysReplyAndOnlyTheAnswerTimeoutEndsTheWait() {
        Article earlier = story("reu:ferry", "REU", WIRED);
        IndexedStory indexed = new IndexedStory("reu:ferry", "REU", WIRED, NO_SIGNATURE);
        CopySeen later = new CopySeen("dpa:ferry", "DPA", WIRED.plusSeconds(60).toEpochMilli(), MatchKind.NEAR);
        process("reu:ferry", new StoryCandidate(earlier, indexed, 1));
        process("reu:ferry", new IndexAnswer("reu:ferry", true, List.of(later)));

        advance(HOLD_BACK.multipliedBy(3));
        assertThat(forwarded()).as("judged before the later copy said where it stands").isEmpty();

        advance(ANSWER_TIMEOUT);
        assertThat(forwarded()).singleElement().isInstanceOfSatisfying(ClusterEvent.class,
                e -> assertThat(e.head().getUri()).isEqualTo("reu:ferry"));

        // the reply comes after all, saying the later copy was published too: said once, on the audit topic
        CopySeen self = CopySeen.of(indexed, MatchKind.NEAR);
        process("reu:ferry", new CopyReply(self, "dpa:ferry", true));
        process("reu:ferry", new CopyReply(self, "dpa:ferry", true));
        assertThat(forwarded()).singleElement().isInstanceOfSatisfying(AuditEvent.class, a -> {
            assertThat(a.audit().getReason()).isEqualTo("late-duplicate");
            assertThat(a.audit().getUri()).isEqualTo("reu:ferry");
            assertThat(a.audit().getSurvivorUri()).isEqualTo("dpa:ferry");
            assertThat(a.audit().getReceivedAt()).isEqualTo(WIRED);
        });
    }

    @Test
    void aNoticeIsAnsweredAtOnceWithWhereTheStoryStands() {
        Article later = story("dpa:ferry", "DPA", WIRED.plusSeconds(60));
        process("dpa:ferry", new StoryCandidate(later, new IndexedStory("dpa:ferry", "DPA", WIRED.plusSeconds(60), NO_SIGNATURE), 0));
        CopySeen earlier = new CopySeen("reu:ferry", "REU", WIRED.toEpochMilli(), MatchKind.NEAR);

        // still waiting: it will yield to the earlier copy
        process("dpa:ferry", new IndexAnswer("dpa:ferry", false, List.of(earlier)));
        assertThat(forwarded()).singleElement().isInstanceOfSatisfying(CopyReply.class, r -> {
            assertThat(r.story().uri()).isEqualTo("reu:ferry");
            assertThat(r.publishedHead()).isFalse();
        });
        advance(HOLD_BACK.multipliedBy(2));
        // dropped: the earlier copy's task is asked where it ended up, and answers with the audit naming the head
        List<DedupeMessage> judged = forwarded();
        assertThat(judged).filteredOn(AuditEvent.class::isInstance).isEmpty();
        DedupeMessage.JoinRequest join = judged.stream().filter(DedupeMessage.JoinRequest.class::isInstance)
                .map(DedupeMessage.JoinRequest.class::cast).findFirst().orElseThrow();
        assertThat(join.survivorUri()).isEqualTo("reu:ferry");
        process("reu:ferry", join);
        assertThat(forwarded()).anySatisfy(m -> assertThat(m).isInstanceOfSatisfying(AuditEvent.class, a -> {
            assertThat(a.audit().getUri()).isEqualTo("dpa:ferry");
            assertThat(a.audit().getSurvivorUri()).isEqualTo("reu:ferry");
        }));
    }

    @Test
    void aTimerTickReadsOnlyTheStoriesThatAreDueNotEveryPendingOne() {
        advance(HOLD_BACK.dividedBy(2)); // the task's first tick, before any story
        for (int i = 0; i < 200; i++) {
            String uri = "ntb:waiting-" + i;
            // each still waits for one index answer, so none is ready before its timeout
            process(uri, new StoryCandidate(story(uri, "NTB", WIRED.plusSeconds(i)),
                    new IndexedStory(uri, "NTB", WIRED.plusSeconds(i), NO_SIGNATURE), 1));
        }
        pendingReads = 0;
        advance(HOLD_BACK.dividedBy(2));
        assertThat(pendingReads).as("a tick before anything is due").isZero();

        advance(HOLD_BACK);
        // the hold-back passed: each story is looked at once and found still waiting for its answer
        assertThat(pendingReads).isEqualTo(200);
        pendingReads = 0;
        advance(HOLD_BACK);
        advance(HOLD_BACK);
        assertThat(pendingReads).as("waiting stories are not re-read before their timeout").isZero();
        assertThat(forwarded()).isEmpty();

        advance(ANSWER_TIMEOUT);
        assertThat(forwarded()).filteredOn(ClusterEvent.class::isInstance).hasSize(200);
    }

    @Test
    void aStoryFiledUnderTheFormerDecimalDueKeyIsStillJudgedAfterTheUpgrade() {
        KeyValueStore<String, String> due = context.getStateStore(DuplicateGatherProcessor.DUE_STORE);
        due.put(DuplicateGatherProcessor.DUE_STORE_FILLED, ""); // the former release had its due store
        process("reu:ferry", new StoryCandidate(story("reu:ferry", "REU", WIRED),
                new IndexedStory("reu:ferry", "REU", WIRED, NO_SIGNATURE), 0));
        List<String> filed = new ArrayList<>();
        try (var all = due.all()) {
            all.forEachRemaining(kv -> filed.add(kv.key));
        }
        String current = filed.stream().filter(k -> !k.startsWith("~")).findFirst().orElseThrow();
        // as the former release filed it: due millis in 15 decimal digits, a newline, the uri
        due.delete(current);
        due.put(String.format("%015d", now + HOLD_BACK.toMillis()) + "\nreu:ferry", "reu:ferry");

        advance(HOLD_BACK.multipliedBy(2));
        assertThat(forwarded()).singleElement().isInstanceOfSatisfying(ClusterEvent.class,
                e -> assertThat(e.head().getUri()).isEqualTo("reu:ferry"));
        try (var all = due.all()) {
            assertThat(all).toIterable().extracting(kv -> kv.key).allMatch(k -> k.startsWith("~"));
        }
    }
}
