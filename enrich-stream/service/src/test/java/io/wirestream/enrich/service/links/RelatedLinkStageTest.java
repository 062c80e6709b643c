package io.wirestream.enrich.service.links;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.avro.Article;
import io.wirestream.avro.DuplicateCluster;
import io.wirestream.avro.RelatedLink;
import io.wirestream.enrich.service.codec.DueTimeKey;
import io.wirestream.enrich.service.codec.StateCodec;
import io.wirestream.enrich.tagging.ArticleTagger;
import io.wirestream.enrich.tagging.related.LinkSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The related-link stage in a topology: stories tagged and linked through the by-key and by-uri repartitions.
 * The stories are the project's own, written for these tests.
 */
class RelatedLinkStageTest {

    static final Instant T0 = Instant.parse("2026-05-04T08:00:00Z");
    static final ArticleTagger TAGGER = ArticleTagger.withBundledKnowledge();

    TopologyTestDriver driver;
    TestInputTopic<String, Article> in;
    TestOutputTopic<String, Article> out;

    @BeforeEach
    void start() {
        Serde<Article> articles = AvroBinaryArticleSerde.create();
        StreamsBuilder builder = new StreamsBuilder();
        RelatedLinkStage.apply(builder, builder.stream("in", Consumed.with(Serdes.String(), articles)), TAGGER,
                        LinkSettings.defaults().withWindow(Duration.ofDays(2)))
                .to("out", Produced.with(Serdes.String(), articles));
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "related-links-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, System.getProperty("java.io.tmpdir") + "/related-links-test-" + System.nanoTime());
        driver = new TopologyTestDriver(builder.build(), props, T0);
        in = driver.createInputTopic("in", Serdes.String().serializer(), articles.serializer(), T0, Duration.ofMinutes(5));
        out = driver.createOutputTopic("out", Serdes.String().deserializer(), articles.deserializer());
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    /**
     * Kafka Streams 4 keeps, with each entry of a store's record cache, the raw bytes of the source record that wrote
     * it (KIP-1034, for error handlers), and does not count them against {@code statestore.cache.max.bytes}. The
     * collector's source records are a story's link answers (tens of KB each), and its stores' entries are small
     * (the sweep store's an 8-byte time): with caching, a 10 MB cache held hundreds of MB of answers. A 20,000-item
     * burst through `wire bench` ran the one-JVM pipeline out of a 1 GB heap. These stores must not be cached.
     */
    @Test
    void theStoresTheLinkAnswersWriteHaveNoRecordCache() {
        try (TopologyTestDriver reference = referenceDriver()) {
            assertThat(cachedStores(reference)).as("the check finds a cache where there is one").containsExactly("cached");
        }
        for (String name : List.of(RelatedLinkCollector.PENDING_STORE, LinkParts.STORE, RelatedLinkCollector.SWEEP_STORE)) {
            assertThat(driver.getAllStateStores()).containsKey(name);
        }
        assertThat(cachedStores(driver)).doesNotContain(RelatedLinkCollector.PENDING_STORE, LinkParts.STORE,
                RelatedLinkCollector.SWEEP_STORE);
    }

    /** The stores with a caching layer (CachingKeyValueStore, CachingWindowStore: what withCachingEnabled() adds). */
    private static List<String> cachedStores(TopologyTestDriver driver) {
        List<String> cached = new java.util.ArrayList<>();
        driver.getAllStateStores().forEach((name, store) -> {
            org.apache.kafka.streams.processor.StateStore layer = store;
            while (layer instanceof org.apache.kafka.streams.state.internals.WrappedStateStore<?, ?, ?> wrapped) {
                if (layer.getClass().getSimpleName().startsWith("Caching")) {
                    cached.add(name);
                    break;
                }
                layer = wrapped.wrapped();
            }
        });
        return cached;
    }

    /** One store with the record cache and one without, so that a Kafka upgrade renaming the layer fails the check. */
    private static TopologyTestDriver referenceDriver() {
        StreamsBuilder builder = new StreamsBuilder();
        builder.addStateStore(org.apache.kafka.streams.state.Stores.keyValueStoreBuilder(
                org.apache.kafka.streams.state.Stores.persistentKeyValueStore("cached"), Serdes.String(), Serdes.Long())
                .withCachingEnabled());
        builder.addStateStore(org.apache.kafka.streams.state.Stores.keyValueStoreBuilder(
                org.apache.kafka.streams.state.Stores.persistentKeyValueStore("uncached"), Serdes.String(), Serdes.Long()));
        builder.stream("reference-in", Consumed.with(Serdes.String(), Serdes.String()))
                .process(() -> new org.apache.kafka.streams.processor.api.Processor<String, String, Void, Void>() {
                    @Override
                    public void process(org.apache.kafka.streams.processor.api.Record<String, String> record) {
                    }
                }, "cached", "uncached");
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "cache-check-reference");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, System.getProperty("java.io.tmpdir") + "/cache-check-" + System.nanoTime());
        return new TopologyTestDriver(builder.build(), props, T0);
    }

    static Article story(String uri, long version, Instant at, String headline, String... paragraphs) {
        return Article.newBuilder().setUri(uri).setVersion(version).setVersioncreated(at).setFirstcreated(at)
                .setPubstatus(io.wirestream.avro.PubStatus.usable)
                .setHeadline(headline).setBodyParagraphs(List.of(paragraphs)).setAgency("test")
                .setReceivedAt(at).build();
    }

    static final Article HARBOUR_TALKS = story("a:harbour-1", 1, T0,
            "Lavrov and Alhakim discuss Basra harbour deal in Moscow",
            "MOSCOW - Russian Foreign Minister Sergei Lavrov met Iraqi Foreign Minister Mohamed Alhakim on Tuesday to discuss a harbour deal in Basra.",
            "Lavrov said the talks on the Basra harbour had gone well and that Alhakim would return next month.");

    static final Article HARBOUR_FOLLOW_UP = story("b:harbour-2", 1, T0.plusSeconds(3600),
            "Iraq and Russia near Basra harbour agreement, Alhakim says",
            "Iraq's Foreign Minister Mohamed Alhakim said after meeting Sergei Lavrov in Moscow that an agreement on the Basra harbour was close.",
            "Alhakim told reporters that Lavrov had promised an answer within weeks.");

    static final Article OTHER_VISIT = story("c:paris-visit", 1, T0.plusSeconds(1800),
            "French foreign minister visits Cairo for talks",
            "CAIRO - The French foreign minister held talks with Egyptian officials in Cairo on Tuesday about trade and regional security.",
            "The minister said the talks had been useful.");

    @Test
    void sameEventStoryIsLinkedWithSharedEntitiesAndRanksAboveSameTopicStory() {
        in.pipeInput(HARBOUR_TALKS.getUri(), HARBOUR_TALKS);
        in.pipeInput(OTHER_VISIT.getUri(), OTHER_VISIT);
        in.pipeInput(HARBOUR_FOLLOW_UP.getUri(), HARBOUR_FOLLOW_UP);

        Map<String, Article> byUri = out.readKeyValuesToList().stream()
                .collect(Collectors.toMap(kv -> kv.key, kv -> kv.value));
        assertThat(byUri).containsKeys("a:harbour-1", "b:harbour-2", "c:paris-visit");
        assertThat(byUri.get("a:harbour-1").getRelated()).isEmpty();
        assertThat(byUri.get("a:harbour-1").getEntities()).extracting(e -> e.getName())
                .contains("Sergei Lavrov", "Mohamed Ali Alhakim", "Moscow", "Basra");

        List<RelatedLink> links = byUri.get("b:harbour-2").getRelated();
        assertThat(links).isNotEmpty();
        assertThat(links.get(0).getUri()).isEqualTo("a:harbour-1");
        assertThat(links.get(0).getReason()).contains("shared entities").contains("Mohamed Ali Alhakim");
        assertThat(links.get(0).getOrigin()).isEqualTo("computed");
        assertThat(links.get(0).getTitle()).isEqualTo(HARBOUR_TALKS.getHeadline());
        links.stream().filter(l -> l.getUri().equals("c:paris-visit")).findFirst()
                .ifPresent(other -> assertThat(other.getScore()).isLessThan(links.get(0).getScore()));
    }

    @Test
    void neverLinksToItselfNorToItsDuplicatesAndKeepsPublisherLinks() {
        in.pipeInput(HARBOUR_TALKS.getUri(), HARBOUR_TALKS);
        RelatedLink teaser = RelatedLink.newBuilder().setUri("https://example.org/read-more").setTitle("Read more")
                .setReason("publisher link").setOrigin("publisher").build();
        Article duplicate = Article.newBuilder(HARBOUR_FOLLOW_UP).setUri("d:copy-of-harbour")
                .setRelated(List.of(teaser))
                .setDuplicates(DuplicateCluster.newBuilder().setClusterId("cluster-1").setFirstUri("a:harbour-1")
                        .setFirstAgency("a").setFirstWiredAt(T0).setMemberUris(List.of("a:harbour-1", "d:copy-of-harbour"))
                        .build())
                .build();
        in.pipeInput(duplicate.getUri(), duplicate);
        Article update = Article.newBuilder(HARBOUR_TALKS).setVersion(2).build();
        in.pipeInput(update.getUri(), update);

        List<KeyValue<String, Article>> results = out.readKeyValuesToList();
        Article linkedDuplicate = results.get(1).value;
        assertThat(linkedDuplicate.getRelated()).extracting(RelatedLink::getUri)
                .containsExactly("https://example.org/read-more");
        Article linkedUpdate = results.get(2).value;
        assertThat(linkedUpdate.getVersion()).isEqualTo(2);
        assertThat(linkedUpdate.getRelated()).extracting(RelatedLink::getUri).doesNotContain("a:harbour-1");
    }

    @Test
    void storiesOutsideTheWindowAreNotLinked() {
        in.pipeInput(HARBOUR_TALKS.getUri(), HARBOUR_TALKS, T0);
        Article weekLater = Article.newBuilder(HARBOUR_FOLLOW_UP).setUri("b:late").build();
        in.pipeInput(weekLater.getUri(), weekLater, T0.plus(Duration.ofDays(5)));

        List<KeyValue<String, Article>> results = out.readKeyValuesToList();
        assertThat(results).hasSize(2);
        assertThat(results.get(1).value.getRelated()).isEmpty();
    }

    @Test
    void aStoryFirstSeenAsKilledIsPassedOnButNeverIndexedNorLinked() {
        Article killed = Article.newBuilder(HARBOUR_TALKS).setPubstatus(io.wirestream.avro.PubStatus.canceled).build();
        in.pipeInput(killed.getUri(), killed);
        in.pipeInput(HARBOUR_FOLLOW_UP.getUri(), HARBOUR_FOLLOW_UP);

        List<KeyValue<String, Article>> results = out.readKeyValuesToList();
        assertThat(results).extracting(kv -> kv.key).containsExactly("a:harbour-1", "b:harbour-2");
        assertThat(results.get(0).value.getPubstatus()).isEqualTo(io.wirestream.avro.PubStatus.canceled);
        assertThat(results.get(0).value.getRelated()).isEmpty();
        assertThat(results.get(1).value.getRelated()).extracting(RelatedLink::getUri).doesNotContain("a:harbour-1");
    }

    @Test
    void tombstonesPassThroughAndOlderVersionsNeverOvertakeNewerOnes() {
        in.pipeInput(HARBOUR_TALKS.getUri(), Article.newBuilder(HARBOUR_TALKS).setVersion(3).build());
        in.pipeInput(HARBOUR_TALKS.getUri(), Article.newBuilder(HARBOUR_TALKS).setVersion(2).build());
        in.pipeInput(HARBOUR_TALKS.getUri(), (Article) null);

        List<KeyValue<String, Article>> results = out.readKeyValuesToList();
        assertThat(results).hasSize(2);
        assertThat(results.get(0).value.getVersion()).isEqualTo(3);
        assertThat(results.get(1).key).isEqualTo(HARBOUR_TALKS.getUri());
        assertThat(results.get(1).value).isNull();
    }

    @Test
    void aRevisionAtTheSameVersionGoesOutAgainWithItsLinks() {
        in.pipeInput(HARBOUR_TALKS.getUri(), HARBOUR_TALKS);
        in.pipeInput(HARBOUR_FOLLOW_UP.getUri(), HARBOUR_FOLLOW_UP);
        assertThat(out.readValuesToList()).hasSize(2);

        // dedupe republishes the follow-up at its own version once a copy joins its cluster
        Article revised = Article.newBuilder(HARBOUR_FOLLOW_UP).setDuplicates(io.wirestream.avro.DuplicateCluster.newBuilder()
                .setClusterId("dc-1").setFirstUri(HARBOUR_FOLLOW_UP.getUri()).setFirstAgency("b").setFirstWiredAt(T0)
                .setAlsoCarriedBy(List.of("c")).setMemberUris(List.of("c:harbour-copy")).build()).build();
        in.pipeInput(revised.getUri(), revised);

        List<Article> again = out.readValuesToList();
        assertThat(again).hasSize(1);
        assertThat(again.get(0).getVersion()).isEqualTo(HARBOUR_FOLLOW_UP.getVersion());
        assertThat(again.get(0).getDuplicates().getMemberUris()).containsExactly("c:harbour-copy");
        assertThat(again.get(0).getRelated()).extracting(io.wirestream.avro.RelatedLink::getUri).contains(HARBOUR_TALKS.getUri());
    }

    @Test
    void aVersionWaitingInTheFormerInlineStateIsStillEmittedAfterAnUpgrade() {
        // state as the collector wrote it before articles and answers were kept as parts of their own
        Article waiting = story("c:legacy", 4, T0, "A story that was in flight during an upgrade", "It waited for its answers.");
        String legacyJson = "{\"waiting\":[{\"version\":4,\"firstSeenMillis\":" + T0.toEpochMilli()
                + ",\"article\":\"" + java.util.Base64.getEncoder().encodeToString(RelatedLinkCollector.encode(waiting))
                + "\",\"profile\":{\"uri\":\"c:legacy\",\"version\":4,\"timeMillis\":" + T0.toEpochMilli()
                + ",\"headline\":\"h\",\"clusterId\":null,\"excludedUris\":[],\"keys\":[]},\"hits\":[]}],"
                + "\"lastEmittedVersion\":-9223372036854775808,\"lastEmittedAtMillis\":0}";
        PendingLinks legacy = StateCodec.json(PendingLinks.class).deserializer()
                .deserialize("t", legacyJson.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        driver.<String, PendingLinks>getKeyValueStore(RelatedLinkCollector.PENDING_STORE).put("c:legacy", legacy);

        driver.advanceWallClockTime(RelatedLinkCollector.PENDING_TIMEOUT.plusMinutes(1));

        assertThat(out.readValuesToList()).singleElement().satisfies(a -> {
            assertThat(a.getUri()).isEqualTo("c:legacy");
            assertThat(a.getVersion()).isEqualTo(4L);
        });
    }

    @Test
    void theSweepForgetsEmittedStoriesAfterAnHourReadingOnlyWhatIsDue() {
        in.pipeInput(HARBOUR_TALKS.getUri(), HARBOUR_TALKS);
        org.apache.kafka.streams.state.KeyValueStore<String, PendingLinks> pending =
                driver.getKeyValueStore(RelatedLinkCollector.PENDING_STORE);
        org.apache.kafka.streams.state.KeyValueStore<String, Long> due =
                driver.getKeyValueStore(RelatedLinkCollector.SWEEP_STORE);
        assertThat(pending.get(HARBOUR_TALKS.getUri())).isNotNull();

        driver.advanceWallClockTime(Duration.ofMinutes(30));
        assertThat(pending.get(HARBOUR_TALKS.getUri())).as("remembered within the hour").isNotNull();
        driver.advanceWallClockTime(Duration.ofMinutes(31));

        assertThat(pending.get(HARBOUR_TALKS.getUri())).as("forgotten after the hour").isNull();
        try (var it = due.all()) {
            assertThat(it).toIterable().extracting(kv -> kv.key).containsExactly(DueTimeKey.LEGACY_INDEXED_MARKER);
        }
    }

    @Test
    void aStoryInFlightAcrossTheUpgradeWithOneProbePerKeyIsStillAnsweredAndWaitedFor() throws Exception {
        in.pipeInput(HARBOUR_TALKS.getUri(), HARBOUR_TALKS);
        assertThat(out.readValuesToList()).hasSize(1);

        // what the router of the version before issue 16 left on the internal topics: the article, whose answers are
        // one per key, and one single-key probe per key, in the former layout
        Article tagged = TAGGER.tag(HARBOUR_FOLLOW_UP);
        io.wirestream.enrich.tagging.related.StoryProfile profile = new io.wirestream.enrich.tagging.related.StoryProfiler(
                TAGGER.knowledge(), LinkSettings.defaults()).profile(tagged);
        assertThat(profile.keys()).hasSizeGreaterThan(3);
        TestInputTopic<String, byte[]> byUri = driver.createInputTopic("related-links-test-related-links-by-uri-repartition",
                Serdes.String().serializer(), Serdes.ByteArray().serializer());
        TestInputTopic<String, byte[]> byKey = driver.createInputTopic("related-links-test-related-links-by-key-repartition",
                Serdes.String().serializer(), Serdes.ByteArray().serializer());
        Instant at = T0.plusSeconds(3600);
        byUri.pipeInput(tagged.getUri(), LinkBinaryTest.formerMessageBytes(LinkMessage.legacyArticle(tagged.getUri(),
                tagged.getVersion(), RelatedLinkCollector.encode(tagged), profile)), at);
        List<io.wirestream.enrich.tagging.related.ProfileKey> keys = profile.keys();
        for (int i = 0; i < keys.size(); i++) {
            assertThat(out.isEmpty()).as("waits for the answer of every key").isTrue();
            byKey.pipeInput(keys.get(i).key(), LinkBinaryTest.formerMessageBytes(LinkMessage.probe(tagged.getUri(),
                    tagged.getVersion(), keys.get(i), profile.posting(keys.get(i)))), at);
        }

        assertThat(out.readValuesToList()).singleElement().satisfies(a -> {
            assertThat(a.getUri()).isEqualTo(HARBOUR_FOLLOW_UP.getUri());
            assertThat(a.getRelated()).extracting(RelatedLink::getUri).contains(HARBOUR_TALKS.getUri());
        });
        // and it was indexed under its keys: a third story finds it
        Article third = story("e:harbour-3", 1, T0.plusSeconds(7200), "Basra harbour deal signed by Lavrov and Alhakim",
                "Sergei Lavrov and Mohamed Alhakim signed the Basra harbour agreement in Moscow.");
        in.pipeInput(third.getUri(), third);
        assertThat(out.readValuesToList()).singleElement().satisfies(a -> assertThat(a.getRelated())
                .extracting(RelatedLink::getUri).contains(HARBOUR_FOLLOW_UP.getUri()));
    }

    @Test
    void aStoryWaitingForItsAnswersIsDueWhenTheyAreOverdueNotAtEveryTick() {
        long seen = T0.toEpochMilli();
        PendingLinks fresh = new PendingLinks();
        fresh.version(5, seen);
        // a story never emitted has no "forget after an hour" deadline: that would be an hour after 1970, always due
        assertThat(RelatedLinkCollector.nextDue(fresh)).isEqualTo(seen + RelatedLinkCollector.PENDING_TIMEOUT.toMillis());

        PendingLinks emitted = new PendingLinks();
        emitted.lastEmittedVersion = 4;
        emitted.lastEmittedAtMillis = seen;
        assertThat(RelatedLinkCollector.nextDue(emitted)).isEqualTo(seen + RelatedLinkCollector.REMEMBER_EMITTED.toMillis());
        emitted.version(5, seen + 1000);
        assertThat(RelatedLinkCollector.nextDue(emitted))
                .isEqualTo(seen + 1000 + RelatedLinkCollector.PENDING_TIMEOUT.toMillis());
    }
}
