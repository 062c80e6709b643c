package io.wirestream.enrich.service.dedupe;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.avro.Article;
import io.wirestream.avro.DedupeAudit;
import io.wirestream.avro.PubStatus;
import io.wirestream.enrich.dedupe.fingerprint.MatchKind;
import io.wirestream.runtime.config.Settings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
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
import org.junit.jupiter.api.io.TempDir;

class StoryDedupeStageTest {

    static final Instant START = Instant.parse("2026-03-03T06:00:00Z");
    static final Duration HOLD_BACK = Duration.ofSeconds(2);

    @TempDir
    Path stateDir;

    TopologyTestDriver driver;
    org.apache.kafka.streams.Topology topology;
    AvroBinarySerde<Article> articleSerde = new AvroBinarySerde<>(Article.class);
    TestInputTopic<String, Article> in;
    TestOutputTopic<String, Article> out;
    TestOutputTopic<String, DedupeAudit> audit;

    @BeforeEach
    void setUp() throws Exception {
        AvroBinarySerde<DedupeAudit> auditSerde = new AvroBinarySerde<>(DedupeAudit.class);
        DedupeSettings settings = settings();
        StreamsBuilder builder = new StreamsBuilder();
        StoryDedupeStage.apply(builder, builder.stream("normalised", Consumed.with(Serdes.String(), articleSerde)),
                        settings, articleSerde, auditSerde)
                .to("published", Produced.with(Serdes.String(), articleSerde));
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "dedupe-stage-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.STATE_DIR_CONFIG, Files.createDirectories(stateDir.resolve("state")).toString());
        topology = builder.build();
        driver = new TopologyTestDriver(topology, props, START);
        in = driver.createInputTopic("normalised", Serdes.String().serializer(), articleSerde.serializer());
        out = driver.createOutputTopic("published", Serdes.String().deserializer(), articleSerde.deserializer());
        audit = driver.createOutputTopic(settings.auditTopic(), Serdes.String().deserializer(), auditSerde.deserializer());
    }

    /**
     * As the service runs it: probes grouped by partition of a three-partition index topic (the driver has one
     * partition, so grouping changes what travels, never where); {@link StoryDedupeStagePerKeyProbesTest} runs every
     * case with one probe per key.
     */
    DedupeSettings settings() {
        return DedupeSettings.from(Settings.ofValues(Map.of("enrich.dedupe.hold.back", HOLD_BACK.toMillis() + "ms",
                "kafka.topic.partitions", "3")));
    }

    @AfterEach
    void tearDown() {
        driver.close();
    }

    /** Items arrive keyed by whatever the ingest used, here the raw receipt id, never the story uri. */
    void send(Article article) {
        in.pipeInput("raw-" + article.getAgency() + "-" + article.getVersion() + "-" + article.getReceivedAt(), article);
    }

    void passHoldBack() {
        driver.advanceWallClockTime(HOLD_BACK.plusMillis(500));
    }

    static Instant at(int minutes) {
        return START.plus(Duration.ofMinutes(minutes));
    }

    @Test
    void publishesOnlyTheNewestVersionWhenVersionsArriveOutOfOrder() {
        send(Stories.ferry("reu:ferry", "REU", 2, at(5)));
        passHoldBack();
        send(Stories.ferry("reu:ferry", "REU", 1, at(1)));
        passHoldBack();

        List<Article> published = out.readValuesToList();
        assertThat(published).extracting(Article::getVersion).containsExactly(2L);
        List<DedupeAudit> drops = audit.readValuesToList();
        assertThat(drops).singleElement().satisfies(d -> {
            assertThat(d.getReason()).isEqualTo("stale-version");
            assertThat(d.getVersion()).isEqualTo(1L);
            assertThat(d.getSurvivorUri()).isEqualTo("reu:ferry");
            assertThat(d.getSurvivorVersion()).isEqualTo(2L);
        });
    }

    @Test
    void aFirstVersionReplacedWhileItWaitsIsAuditedSoItsItemHasAFate() {
        Article first = Stories.ferry("reu:ferry", "REU", 1, at(1));
        first.setRaw(io.wirestream.avro.RawRef.newBuilder().setItemId("item-v1").setAgency("REU").build());
        send(first);
        send(Stories.killed(Stories.ferry("reu:ferry", "REU", 2, at(2))));
        passHoldBack();

        assertThat(out.readValuesToList()).extracting(Article::getVersion).containsExactly(2L);
        assertThat(audit.readValuesToList()).singleElement().satisfies(d -> {
            assertThat(d.getReason()).isEqualTo("superseded");
            assertThat(d.getVersion()).isEqualTo(1L);
            assertThat(d.getSurvivorUri()).isEqualTo("reu:ferry");
            assertThat(d.getSurvivorVersion()).isEqualTo(2L);
            assertThat(d.getRaw()).isEqualTo(first.getRaw());
        });
    }

    @Test
    void publishesACorrectionAsANewVersionMarkedAsCorrection() {
        send(Stories.ferry("reu:ferry", "REU", 1, at(1)));
        passHoldBack();
        send(Stories.withSignals(Stories.ferry("reu:ferry", "REU", 2, at(9)), "sig:correction"));

        List<Article> published = out.readValuesToList();
        assertThat(published).extracting(Article::getVersion).containsExactly(1L, 2L);
        assertThat(published.get(0).getSignals()).doesNotContain("correction");
        assertThat(published.get(1).getSignals()).contains("correction");
        assertThat(audit.isEmpty()).isTrue();
    }

    @Test
    void aKillWinsOverAnOlderVersionArrivingLate() {
        send(Stories.ferry("reu:ferry", "REU", 1, at(1)));
        passHoldBack();
        send(Stories.killed(Stories.ferry("reu:ferry", "REU", 3, at(20))));
        send(Stories.ferry("reu:ferry", "REU", 2, at(10)));
        passHoldBack();

        List<Article> published = out.readValuesToList();
        assertThat(published).extracting(Article::getVersion).containsExactly(1L, 3L);
        assertThat(published.get(1).getPubstatus()).isEqualTo(PubStatus.canceled);
        assertThat(published.get(1).getSignals()).contains("kill");
        assertThat(audit.readValuesToList()).singleElement()
                .satisfies(d -> assertThat(d.getReason()).isEqualTo("after-kill"));
    }

    @Test
    void anExactCopyFromASecondAgencyIsNotPublishedAndTheSurvivorNamesIt() {
        send(Stories.ferry("reu:ferry", "REU", 1, at(1)));
        send(Stories.ferryResyndicated("afp:ferry-1", "AFP", at(3)));
        passHoldBack();

        List<Article> published = out.readValuesToList();
        assertThat(published).extracting(Article::getUri).containsOnly("reu:ferry");
        Article latest = published.get(published.size() - 1);
        assertThat(latest.getDuplicates().getAlsoCarriedBy()).containsExactly("AFP");
        assertThat(latest.getDuplicates().getMemberUris()).containsExactly("afp:ferry-1");
        assertThat(latest.getDuplicates().getFirstUri()).isEqualTo("reu:ferry");
        assertThat(latest.getDuplicates().getFirstAgency()).isEqualTo("REU");
        assertThat(audit.readValuesToList()).singleElement().satisfies(d -> {
            assertThat(d.getUri()).isEqualTo("afp:ferry-1");
            assertThat(d.getReason()).isEqualTo("exact-duplicate");
            assertThat(d.getMatchedBy()).isEqualTo("same text");
            assertThat(d.getSurvivorUri()).isEqualTo("reu:ferry");
            assertThat(d.getClusterId()).isEqualTo(latest.getDuplicates().getClusterId());
        });
    }

    @Test
    void aNearCopyProbedKeyByKeyBeforeAnUpgradeStillJoinsTheFirstStorysCluster() throws Exception {
        send(Stories.ferry("reu:ferry", "REU", 1, at(1)));
        passHoldBack();
        assertThat(out.readValuesToList()).extracting(Article::getUri).containsExactly("reu:ferry");
        // the copy as the release before grouped probes left it in flight: its candidate expecting one answer per
        // index key on the judge's topic, and one single-key probe per key on the index topic
        Article copy = Stories.ferryRewritten("dpa:ferry", "DPA", at(7));
        var fingerprint = io.wirestream.enrich.dedupe.fingerprint.FingerprintSettings.DEFAULTS;
        var indexed = new io.wirestream.enrich.dedupe.index.IndexedStory("dpa:ferry", "DPA", at(7),
                new io.wirestream.enrich.dedupe.fingerprint.Fingerprinter(fingerprint).fingerprint(copy));
        List<String> keys = io.wirestream.enrich.dedupe.fingerprint.IndexKeys.of(indexed.signature(), fingerprint);
        DedupeMessageSerde messages = new DedupeMessageSerde(new AvroBinarySerde<>(Article.class), "wire.articles");
        driver.createInputTopic("dedupe-stage-test-dedupe-by-judged-story-repartition", Serdes.String().serializer(),
                        Serdes.ByteArray().serializer())
                .pipeInput("dpa:ferry", messages.encode(new DedupeMessage.StoryCandidate(copy, indexed, keys.size())));
        var byIndexKey = driver.createInputTopic("dedupe-stage-test-dedupe-by-index-key-repartition",
                Serdes.String().serializer(), Serdes.ByteArray().serializer());
        for (String key : keys) {
            byIndexKey.pipeInput(key, DedupeProbeTest.formerProbe(key, indexed));
        }
        passHoldBack();

        List<Article> published = out.readValuesToList();
        assertThat(published).extracting(Article::getUri).containsOnly("reu:ferry");
        assertThat(published.get(published.size() - 1).getDuplicates().getMemberUris()).containsExactly("dpa:ferry");
        assertThat(audit.readValuesToList()).singleElement().satisfies(d -> {
            assertThat(d.getUri()).isEqualTo("dpa:ferry");
            assertThat(d.getReason()).isEqualTo("near-duplicate");
            assertThat(d.getSurvivorUri()).isEqualTo("reu:ferry");
        });
    }

    @Test
    void aNearCopyFromASecondAgencyJoinsTheFirstStorysCluster() {
        send(Stories.ferry("reu:ferry", "REU", 1, at(1)));
        passHoldBack();
        send(Stories.ferryRewritten("dpa:ferry", "DPA", at(7)));
        passHoldBack();

        List<Article> published = out.readValuesToList();
        assertThat(published).extracting(Article::getUri).containsOnly("reu:ferry");
        assertThat(published.get(published.size() - 1).getDuplicates().getAlsoCarriedBy()).containsExactly("DPA");
        assertThat(audit.readValuesToList()).singleElement().satisfies(d -> {
            assertThat(d.getReason()).isEqualTo("near-duplicate");
            assertThat(d.getSurvivorUri()).isEqualTo("reu:ferry");
        });
    }

    @Test
    void aCopyStillUnderEmbargoJoinsTheClusterWithoutBeingListedInIt() {
        send(Stories.ferry("reu:ferry", "REU", 1, at(1)));
        passHoldBack();
        Article embargoed = Stories.ferryRewritten("dpa:ferry", "DPA", at(7));
        embargoed.setEmbargoed(Instant.now().plus(Duration.ofDays(1)));
        send(embargoed);
        passHoldBack();

        List<Article> published = out.readValuesToList();
        assertThat(published).extracting(Article::getUri).containsOnly("reu:ferry");
        assertThat(published).as("no published record names the embargoed copy").allSatisfy(a -> {
            if (a.getDuplicates() != null) {
                assertThat(a.getDuplicates().getMemberUris()).doesNotContain("dpa:ferry");
                assertThat(a.getDuplicates().getFirstUri()).isNotEqualTo("dpa:ferry");
                assertThat(a.getDuplicates().getAlsoCarriedBy()).doesNotContain("DPA");
            }
        });
        assertThat(audit.readValuesToList()).singleElement().satisfies(d -> {
            assertThat(d.getReason()).isEqualTo("near-duplicate");
            assertThat(d.getSurvivorUri()).as("its item still has a fate").isEqualTo("reu:ferry");
        });
    }

    @Test
    void aWithheldCopyJoinsTheClusterWithoutBeingListedInIt() {
        send(Stories.ferry("reu:ferry", "REU", 1, at(1)));
        passHoldBack();
        Article withheld = Stories.ferryRewritten("dpa:ferry", "DPA", at(7));
        withheld.setPubstatus(PubStatus.withheld);
        send(withheld);
        passHoldBack();

        assertThat(out.readValuesToList()).allSatisfy(a -> {
            if (a.getDuplicates() != null) {
                assertThat(a.getDuplicates().getMemberUris()).doesNotContain("dpa:ferry");
            }
        });
        assertThat(audit.readValuesToList()).singleElement()
                .satisfies(d -> assertThat(d.getSurvivorUri()).isEqualTo("reu:ferry"));
    }

    @Test
    void aStoryOnTheSameTopicButAnotherEventIsPublishedToo() {
        send(Stories.ferry("reu:ferry", "REU", 1, at(1)));
        send(Stories.otherFerry("ap:coral-wren", "AP", at(2)));
        passHoldBack();

        assertThat(out.readValuesToList()).extracting(Article::getUri).containsExactlyInAnyOrder("reu:ferry", "ap:coral-wren");
        assertThat(audit.isEmpty()).isTrue();
    }

    @Test
    void theCopyWiredFirstSurvivesEvenWhenItReachesThePipelineSecond() {
        send(Stories.ferryRewritten("dpa:ferry", "DPA", at(7)));
        send(Stories.ferry("reu:ferry", "REU", 1, at(1)));
        passHoldBack();

        assertThat(out.readValuesToList()).extracting(Article::getUri).containsOnly("reu:ferry");
        assertThat(audit.readValuesToList()).singleElement()
                .satisfies(d -> assertThat(d.getUri()).isEqualTo("dpa:ferry"));
    }

    @Test
    void laterVersionsFollowTheFirstVersionsFate() {
        send(Stories.ferry("reu:ferry", "REU", 1, at(1)));
        send(Stories.ferryResyndicated("afp:ferry-1", "AFP", at(3)));
        passHoldBack();
        out.readValuesToList();
        audit.readValuesToList();

        send(Stories.ferry("reu:ferry", "REU", 2, at(30)));
        send(Stories.article("afp:ferry-1", "AFP", 2, at(31), Stories.HEADLINE, List.of("Updated text from AFP.")));

        List<Article> published = out.readValuesToList();
        assertThat(published).extracting(Article::getUri, Article::getVersion).containsExactly(
                org.assertj.core.groups.Tuple.tuple("reu:ferry", 2L));
        assertThat(published.get(0).getDuplicates().getMemberUris()).containsExactly("afp:ferry-1");
        assertThat(audit.readValuesToList()).singleElement().satisfies(d -> {
            assertThat(d.getReason()).isEqualTo("duplicate-story-update");
            assertThat(d.getSurvivorUri()).isEqualTo("reu:ferry");
        });
    }

    @Test
    void nothingIsPublishedBeforeTheHoldBackHasPassed() {
        send(Stories.ferry("reu:ferry", "REU", 1, at(1)));
        assertThat(out.isEmpty()).isTrue();
        passHoldBack();
        assertThat(out.readValuesToList()).hasSize(1);
    }

    @Test
    void theClustersRunInTheJudgesTaskWithNoRepartitionTopicOfTheirOwn() {
        var judgeTask = topology.describe().subtopologies().stream()
                .filter(sub -> sub.nodes().stream().anyMatch(n -> n.name().equals("dedupe-judge")))
                .findFirst().orElseThrow();
        assertThat(judgeTask.nodes()).extracting(org.apache.kafka.streams.TopologyDescription.Node::name)
                .contains("dedupe-clusters", "dedupe-former-clusters-in");
        assertThat(topology.describe().toString()).doesNotContain("dedupe-by-cluster\n").doesNotContain("-> dedupe-by-cluster-repartition");
    }

    @Test
    void aClusterEventAnEarlierVersionLeftOnItsFormerTopicIsStillApplied() {
        TestInputTopic<String, DedupeMessage> former = formerClusters();
        Article head = Stories.ferry("dpa:ferry", "DPA", 1, at(7));
        former.pipeInput("dpa:ferry", new DedupeMessage.ClusterEvent("dpa:ferry", head, null));
        former.pipeInput("dpa:ferry", new DedupeMessage.ClusterEvent("dpa:ferry", null,
                new CopySeen("reu:ferry", "REU", at(1).toEpochMilli(), MatchKind.NEAR)));

        List<Article> published = out.readValuesToList();
        assertThat(published).extracting(Article::getUri).containsExactly("dpa:ferry", "dpa:ferry");
        assertThat(published.get(1).getDuplicates().getMemberUris()).containsExactly("reu:ferry");
    }

    @Test
    void anOlderVersionLeftOnTheFormerTopicNeverReplacesANewerHead() {
        send(Stories.ferry("dpa:ferry", "DPA", 1, at(1)));
        passHoldBack();
        send(Stories.ferry("dpa:ferry", "DPA", 2, at(5)));
        assertThat(out.readValuesToList()).extracting(Article::getVersion).containsExactly(1L, 2L);

        // version 1's event, left behind on the former topic at the upgrade, is read after version 2's
        TestInputTopic<String, DedupeMessage> former = formerClusters();
        former.pipeInput("dpa:ferry", new DedupeMessage.ClusterEvent("dpa:ferry", Stories.ferry("dpa:ferry", "DPA", 1, at(1)), null));
        assertThat(out.isEmpty()).as("a story never goes back to an older version").isTrue();

        former.pipeInput("dpa:ferry", new DedupeMessage.ClusterEvent("dpa:ferry", null,
                new CopySeen("reu:ferry", "REU", at(2).toEpochMilli(), MatchKind.NEAR)));
        assertThat(out.readValuesToList()).singleElement().satisfies(a -> {
            assertThat(a.getVersion()).isEqualTo(2L);
            assertThat(a.getDuplicates().getMemberUris()).containsExactly("reu:ferry");
        });
    }

    TestInputTopic<String, DedupeMessage> formerClusters() {
        DedupeSettings settings = settings();
        return driver.createInputTopic(settings.formerClustersTopic(), Serdes.String().serializer(),
                new DedupeMessageSerde(articleSerde, settings.articlesTopic()).serializer());
    }

    @Test
    void anEarlierCopyArrivingAfterALaterOneWasPublishedJoinsItsClusterInsteadOfBeingPublishedToo() {
        // the later-wired copy gets through first and is published (the earlier copy's partition lagged far behind)
        send(Stories.ferryRewritten("dpa:ferry", "DPA", at(7)));
        passHoldBack();
        assertThat(out.readValuesToList()).extracting(Article::getUri).containsExactly("dpa:ferry");

        send(Stories.ferry("reu:ferry", "REU", 1, at(1)));
        passHoldBack();

        List<Article> published = out.readValuesToList();
        assertThat(published).extracting(Article::getUri).containsOnly("dpa:ferry");
        Article latest = published.get(published.size() - 1);
        assertThat(latest.getVersion()).isEqualTo(1L);
        assertThat(latest.getDuplicates().getMemberUris()).containsExactly("reu:ferry");
        assertThat(latest.getDuplicates().getAlsoCarriedBy()).containsExactly("REU");
        // the cluster keeps the first-to-wire attribution although the first copy is not the one published
        assertThat(latest.getDuplicates().getFirstUri()).isEqualTo("reu:ferry");
        assertThat(latest.getDuplicates().getFirstAgency()).isEqualTo("REU");
        assertThat(latest.getDuplicates().getFirstWiredAt()).isEqualTo(at(1));
        assertThat(audit.readValuesToList()).singleElement().satisfies(d -> {
            assertThat(d.getUri()).isEqualTo("reu:ferry");
            assertThat(d.getReason()).isEqualTo("near-duplicate");
            assertThat(d.getSurvivorUri()).isEqualTo("dpa:ferry");
            assertThat(d.getClusterId()).isEqualTo(latest.getDuplicates().getClusterId());
        });

        // and its later versions follow that fate
        send(Stories.ferry("reu:ferry", "REU", 2, at(30)));
        assertThat(out.isEmpty()).isTrue();
        assertThat(audit.readValuesToList()).singleElement()
                .satisfies(d -> assertThat(d.getReason()).isEqualTo("duplicate-story-update"));
    }

    @Test
    void anEarlierCopyArrivingWhileALaterOneStillWaitsHeadsTheClusterAndTheLaterOneYields() {
        send(Stories.ferryRewritten("dpa:ferry", "DPA", at(7)));
        driver.advanceWallClockTime(HOLD_BACK.dividedBy(2));
        send(Stories.ferry("reu:ferry", "REU", 1, at(1)));
        passHoldBack();

        List<Article> published = out.readValuesToList();
        assertThat(published).extracting(Article::getUri).containsOnly("reu:ferry");
        assertThat(published.get(published.size() - 1).getDuplicates().getMemberUris()).containsExactly("dpa:ferry");
        assertThat(audit.readValuesToList()).singleElement().satisfies(d -> {
            assertThat(d.getUri()).isEqualTo("dpa:ferry");
            assertThat(d.getSurvivorUri()).isEqualTo("reu:ferry");
        });
    }

    @Test
    void aThirdCopyArrivingLastJoinsTheOneAlreadyPublishedWhateverItsWireTime() {
        send(Stories.ferry("reu:ferry", "REU", 1, at(3)));
        passHoldBack();
        send(Stories.ferryResyndicated("afp:ferry-1", "AFP", at(5)));
        passHoldBack();
        send(Stories.ferryRewritten("dpa:ferry", "DPA", at(1)));
        passHoldBack();

        List<Article> published = out.readValuesToList();
        assertThat(published).extracting(Article::getUri).containsOnly("reu:ferry");
        Article latest = published.get(published.size() - 1);
        assertThat(latest.getDuplicates().getMemberUris()).containsExactlyInAnyOrder("afp:ferry-1", "dpa:ferry");
        assertThat(latest.getDuplicates().getFirstUri()).isEqualTo("dpa:ferry");
        assertThat(audit.readValuesToList()).extracting(DedupeAudit::getUri, DedupeAudit::getSurvivorUri)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("afp:ferry-1", "reu:ferry"),
                        org.assertj.core.groups.Tuple.tuple("dpa:ferry", "reu:ferry"));
    }

    @Test
    void anEarlierCopyArrivingAfterTheLaterOneWasKilledIsPublishedOnItsOwn() {
        send(Stories.ferryRewritten("dpa:ferry", "DPA", at(7)));
        passHoldBack();
        send(Stories.killed(Stories.article("dpa:ferry", "DPA", 2, at(9), Stories.HEADLINE, List.of("Withdrawn."))));
        assertThat(out.readValuesToList()).extracting(Article::getPubstatus).endsWith(PubStatus.canceled);

        // the kill was about DPA's copy: REU's own copy of the story is not swallowed by a withdrawn cluster
        send(Stories.ferry("reu:ferry", "REU", 1, at(1)));
        passHoldBack();

        assertThat(out.readValuesToList()).singleElement().satisfies(a -> {
            assertThat(a.getUri()).isEqualTo("reu:ferry");
            assertThat(a.getPubstatus()).isNotEqualTo(PubStatus.canceled);
        });
        assertThat(audit.readValuesToList()).isEmpty();
    }

    @Test
    void aStoryWaitingInBookkeepingThatStillCarriesItsArticleIsPublishedAfterAnUpgrade() {
        // bookkeeping as versions before the article store wrote it: the article inside, all answers in
        Article waiting = Stories.ferry("reu:ferry", "REU", 1, at(1));
        io.wirestream.enrich.dedupe.index.IndexedStory indexed = new io.wirestream.enrich.dedupe.index.IndexedStory(
                "reu:ferry", "REU", at(1), new io.wirestream.enrich.dedupe.fingerprint.StorySignature("", 0, new int[0]));
        PendingStory legacy = new PendingStory(waiting, indexed, 0, 0, new java.util.LinkedHashMap<>(),
                START.toEpochMilli(), new java.util.LinkedHashMap<>());
        driver.<String, PendingStory>getKeyValueStore(DuplicateGatherProcessor.PENDING_STORE).put("reu:ferry", legacy);

        passHoldBack();

        assertThat(out.readValuesToList()).singleElement().satisfies(a -> {
            assertThat(a.getUri()).isEqualTo("reu:ferry");
            assertThat(a.getHeadline()).isEqualTo(waiting.getHeadline());
        });
    }

    @Test
    void templatedStoriesOfOneFamilyAreEachPublished() {
        send(TemplatedWireStories.dividend("ntb:div-halvard", at(1), "Halvard Mills", "HVM", "12"));
        send(TemplatedWireStories.dividend("ntb:div-orrin", at(2), "Orrin Savings Bank", "OSB", "12"));
        send(TemplatedWireStories.reserveOperation("ntb:repo-mon", at(3), "two", "1.5"));
        send(TemplatedWireStories.reserveOperation("ntb:repo-tue", at(4), "three", "2.25"));
        send(TemplatedWireStories.bargePrice("ntb:barge-up", at(5), "raises", "raised"));
        send(TemplatedWireStories.bargePrice("ntb:barge-down", at(6), "cuts", "cut"));
        send(TemplatedWireStories.listing("ntb:list-hvi", at(7), "Halvard Instruments", "HVI"));
        send(TemplatedWireStories.listing("ntb:list-olc", at(8), "Orrin Land Cruisers", "OLC"));
        passHoldBack();

        assertThat(out.readValuesToList()).extracting(Article::getUri).containsExactlyInAnyOrder(
                "ntb:div-halvard", "ntb:div-orrin", "ntb:repo-mon", "ntb:repo-tue", "ntb:barge-up", "ntb:barge-down",
                "ntb:list-hvi", "ntb:list-olc");
        assertThat(audit.isEmpty()).isTrue();
    }

    @Test
    void aCorrectionFromAnotherAgencyJoinsTheStoryItCorrectsNotItsTemplateSibling() {
        send(TemplatedWireStories.dividend("ntb:div-halvard", at(1), "Halvard Mills", "HVM", "12"));
        send(TemplatedWireStories.dividend("ntb:div-orrin", at(2), "Orrin Savings Bank", "OSB", "12"));
        passHoldBack();
        out.readValuesToList();
        send(TemplatedWireStories.correctedDividend("afp:div-halvard", "AFP", at(9), "Halvard Mills", "HVM", "14"));
        passHoldBack();

        assertThat(audit.readValuesToList()).singleElement().satisfies(d -> {
            assertThat(d.getUri()).isEqualTo("afp:div-halvard");
            assertThat(d.getReason()).isEqualTo("near-duplicate");
            assertThat(d.getMatchedBy()).contains("same names", "less similar text, but the same names and figures in headline and lead");
            assertThat(d.getSurvivorUri()).isEqualTo("ntb:div-halvard");
        });
        assertThat(out.readValuesToList()).extracting(Article::getUri).containsOnly("ntb:div-halvard");
    }

    /** Paragraphs of a story that is retold twice, each retelling keeping part of the one before. */
    static final String LEAD = "Harbour pilots at Port Selwyn walked off the job on Friday morning, leaving a queue of "
            + "container ships anchored outside the breakwater while their union and the port authority traded blame.";
    static final List<String> PILOTS_A = List.of(LEAD,
            "The pilots guide every vessel of more than a modest size through the narrow channel, and no captain "
                    + "may bring a ship alongside the quays without one of them on the bridge.",
            "Their union says the authority has ignored repeated warnings about fatigue on the night roster, where "
                    + "crews now work long shifts with short breaks between them.",
            "The authority says it has offered talks on the roster since the spring and accuses the union of "
                    + "choosing the busiest weekend of the season to make its point.",
            "Shipping agents said the queue was growing by the hour and that perishable cargo on some of the waiting "
                    + "vessels would soon have to be diverted to ports further along the coast.",
            "Local hauliers, who depend on the container terminal for most of their work, said their drivers had "
                    + "been sent home and that they would seek compensation from whoever was found at fault.");
    static final String PILOTS_B_NEW = "A mediator appointed by the regional government arrived at the port in the "
            + "afternoon and began separate meetings with both sides in the harbour master's office.";
    static final String PILOTS_C_NEW1 = "By evening the mediator said both sides had agreed to meet face to face for "
            + "the first time since the dispute began, although no date had yet been set for the meeting.";
    static final String PILOTS_C_NEW2 = "Pilots gathered outside the union hall cheered the news but said they would "
            + "stay off the job until the authority put a new night roster in writing.";

    @Test
    void aCopyOfACopyIsListedInThePublishedHeadsClusterAndItsAuditNamesTheHead() {
        List<String> b = List.of(LEAD, PILOTS_A.get(2), PILOTS_A.get(3), PILOTS_A.get(4), PILOTS_A.get(5), PILOTS_B_NEW);
        List<String> c = List.of(LEAD, PILOTS_A.get(4), PILOTS_A.get(5), PILOTS_B_NEW, PILOTS_C_NEW1, PILOTS_C_NEW2);
        io.wirestream.enrich.dedupe.fingerprint.Fingerprinter prints =
                new io.wirestream.enrich.dedupe.fingerprint.Fingerprinter(
                        io.wirestream.enrich.dedupe.fingerprint.FingerprintSettings.DEFAULTS);
        io.wirestream.enrich.dedupe.fingerprint.DuplicateVerifier verifier =
                new io.wirestream.enrich.dedupe.fingerprint.DuplicateVerifier(
                        io.wirestream.enrich.dedupe.fingerprint.FingerprintSettings.DEFAULTS);
        var sigA = prints.fingerprint("Port Selwyn pilots strike", PILOTS_A);
        var sigB = prints.fingerprint("Port Selwyn pilots strike", b);
        var sigC = prints.fingerprint("Port Selwyn pilots strike", c);
        assertThat(verifier.compare(sigB, sigA)).as("B copies A").isPresent();
        assertThat(verifier.compare(sigC, sigB)).as("C copies B").isPresent();
        assertThat(verifier.compare(sigC, sigA)).as("C alone does not copy A").isEmpty();

        send(Stories.article("reu:pilots", "REU", 1, at(1), "Port Selwyn pilots strike", PILOTS_A));
        passHoldBack();
        send(Stories.article("afp:pilots", "AFP", 1, at(2), "Port Selwyn pilots strike", b));
        passHoldBack();
        send(Stories.article("dpa:pilots", "DPA", 1, at(3), "Port Selwyn pilots strike", c));
        passHoldBack();

        List<Article> published = out.readValuesToList();
        assertThat(published).extracting(Article::getUri).containsOnly("reu:pilots");
        Article head = published.get(published.size() - 1);
        assertThat(head.getDuplicates().getMemberUris()).containsExactlyInAnyOrder("afp:pilots", "dpa:pilots");
        assertThat(audit.readValuesToList()).hasSize(2).allSatisfy(d -> {
            assertThat(d.getSurvivorUri()).isEqualTo("reu:pilots");
            assertThat(d.getClusterId()).isEqualTo(head.getDuplicates().getClusterId());
        });
    }
}
