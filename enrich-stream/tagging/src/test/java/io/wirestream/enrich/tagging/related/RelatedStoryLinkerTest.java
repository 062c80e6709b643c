package io.wirestream.enrich.tagging.related;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.avro.Article;
import io.wirestream.avro.DuplicateCluster;
import io.wirestream.avro.PubStatus;
import io.wirestream.avro.RelatedLink;
import io.wirestream.enrich.tagging.ArticleTagger;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Linking on stories written for these tests: two events of one kind (two ferry sinkings), plus an unrelated story. */
class RelatedStoryLinkerTest {

    static final ArticleTagger TAGGER = ArticleTagger.withBundledKnowledge();
    static final Instant T0 = Instant.parse("2026-06-01T06:00:00Z");

    static Article story(String uri, int hoursLater, String headline, String... paragraphs) {
        Instant at = T0.plus(Duration.ofHours(hoursLater));
        return TAGGER.tag(Article.newBuilder().setUri(uri).setVersion(1).setVersioncreated(at).setFirstcreated(at)
                .setPubstatus(PubStatus.usable).setHeadline(headline).setBodyParagraphs(List.of(paragraphs))
                .setAgency("test").setReceivedAt(at).build());
    }

    static final Article FERRY_A1 = story("a1", 0, "Ferry sinks off Lesbos, coastguard searches for missing",
            "ATHENS - A ferry carrying 80 passengers sank off the island of Lesbos on Sunday, the Greek coastguard said.",
            "Coastguard spokesman Nikos Andreou said 12 people were missing and rescuers had pulled 60 from the sea.");
    static final Article FERRY_A2 = story("a2", 5, "Lesbos ferry captain arrested as search goes on",
            "Greek police arrested the captain of the ferry that sank off Lesbos, coastguard spokesman Nikos Andreou said.",
            "Rescuers were still searching for the missing passengers near Lesbos.");
    static final Article FERRY_B = story("b1", 3, "Ferry sinks in Bangladesh river, dozens missing",
            "DHAKA - A ferry capsized on a river in Bangladesh on Sunday and dozens of passengers were missing, police said.",
            "Rescuers said the ferry was overloaded.");
    static final Article MARKETS = story("m1", 4, "Stocks rise as oil prices fall",
            "Shares rose in Tokyo and London as oil prices fell, traders said.");

    @Test
    void sameEventRanksAboveSameKindOfEventAndReasonNamesSharedEntities() {
        RelatedStoryLinker linker = RelatedStoryLinker.inMemory(TAGGER.knowledge(), LinkSettings.defaults());
        linker.link(FERRY_A1);
        linker.link(FERRY_B);
        linker.link(MARKETS);
        List<RelatedLink> links = linker.link(FERRY_A2).getRelated();

        assertThat(links).isNotEmpty();
        assertThat(links.get(0).getUri()).isEqualTo("a1");
        assertThat(links.get(0).getReason()).startsWith("shared entities:").contains("Nikos Andreou");
        assertThat(links).extracting(RelatedLink::getUri).doesNotContain("m1", "a2");
        links.stream().filter(l -> l.getUri().equals("b1")).findFirst()
                .ifPresent(b -> assertThat(b.getScore()).isLessThan(links.get(0).getScore()));
        assertThat(links).isSortedAccordingTo((x, y) -> Double.compare(y.getScore(), x.getScore()));
    }

    @Test
    void duplicatesAreNeverLinkedAndPublisherLinksAreKept() {
        RelatedStoryLinker linker = RelatedStoryLinker.inMemory(TAGGER.knowledge(), LinkSettings.defaults());
        linker.link(FERRY_A1);
        RelatedLink teaser = RelatedLink.newBuilder().setUri("https://example.org/more").setOrigin("publisher")
                .setReason("publisher link").build();
        Article copy = Article.newBuilder(FERRY_A2).setUri("a2-copy").setRelated(List.of(teaser))
                .setDuplicates(DuplicateCluster.newBuilder().setClusterId("c1").setFirstUri("a1").setFirstAgency("x")
                        .setFirstWiredAt(T0).setMemberUris(List.of("a1", "a2-copy")).build())
                .build();
        assertThat(linker.link(copy).getRelated()).containsExactly(teaser);
    }

    @Test
    void linksOnlyWithinTheWindow() {
        LinkSettings oneHour = LinkSettings.defaults().withWindow(Duration.ofHours(1));
        RelatedStoryLinker linker = RelatedStoryLinker.inMemory(TAGGER.knowledge(), oneHour);
        linker.link(FERRY_A1);
        assertThat(linker.link(FERRY_A2).getRelated()).isEmpty();
    }

    @Test
    void aStorysOwnEarlierVersionDoesNotMakeItsKeysLookCommon() {
        Article revised = Article.newBuilder(FERRY_A2).setVersion(2).build();
        RelatedStoryLinker withEarlierVersion = RelatedStoryLinker.inMemory(TAGGER.knowledge(), LinkSettings.defaults());
        withEarlierVersion.link(FERRY_A1);
        withEarlierVersion.link(FERRY_A2);
        RelatedStoryLinker without = RelatedStoryLinker.inMemory(TAGGER.knowledge(), LinkSettings.defaults());
        without.link(FERRY_A1);

        List<RelatedLink> links = withEarlierVersion.link(revised).getRelated();

        assertThat(links).extracting(RelatedLink::getUri).containsExactly("a1");
        assertThat(links).isEqualTo(without.link(revised).getRelated());
    }
}
