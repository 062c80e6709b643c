package io.wirestream.ops.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.avro.Article;
import io.wirestream.avro.PubStatus;
import io.wirestream.avro.RelatedLink;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The latest-stories list honours editorial state: kills take a story off the list and out of related links. */
class EditorialStoriesTest {

    private static final Instant AT = Instant.parse("2026-12-06T09:00:00Z");

    private final List<Article> topic = new ArrayList<>(); // in topic order, oldest first
    private final EditorialStories stories = new EditorialStories(n -> {
        List<Article> newest = new ArrayList<>(topic);
        java.util.Collections.reverse(newest);
        return newest.stream().limit(n).toList();
    });

    private void write(Article a) {
        topic.add(a);
        stories.observe(a);
    }

    @Test
    void aWithdrawnStoryLeavesTheListAndNoLinkNamesIt() {
        Article killedLater = SampleArticles.article(1, "reuters", AT);
        write(killedLater);
        write(linkingTo(SampleArticles.article(2, "afp", AT.plusSeconds(5)), killedLater.getUri().toString()));
        write(Article.newBuilder(killedLater).setVersion(2).setPubstatus(PubStatus.canceled).setHeadline("")
                .setSignals(List.of("kill")).setRelated(List.of()).build());

        List<StoryView> latest = stories.latest(10);

        assertThat(latest).extracting(StoryView::uri).containsExactly("urn:wirestream:afp:2");
        assertThat(latest.get(0).related()).extracting(StoryView.Link::uri).containsExactly("urn:wirestream:afp:7");
    }

    @Test
    void aTombstoneTakesTheStoryOffEvenWhenTheKillRecordWasNeverSeen() {
        write(SampleArticles.article(3, "ap", AT));
        write(linkingTo(SampleArticles.article(4, "ap", AT.plusSeconds(1)), "urn:wirestream:ap:3"));

        stories.tombstone("urn:wirestream:ap:3");

        assertThat(stories.latest(10)).extracting(StoryView::uri).containsExactly("urn:wirestream:ap:4");
        assertThat(stories.latest(10).get(0).related()).extracting(StoryView.Link::uri)
                .doesNotContain("urn:wirestream:ap:3");
    }

    @Test
    void aStoryWhoseNewestVersionIsWithheldIsNotListed() {
        Article first = SampleArticles.article(8, "reuters", AT);
        write(first);
        write(SampleArticles.article(9, "reuters", AT.plusSeconds(1)));
        write(Article.newBuilder(first).setVersion(2).setPubstatus(PubStatus.withheld).setHeadline("").build());

        assertThat(stories.latest(10)).extracting(StoryView::uri).containsExactly("urn:wirestream:reuters:9");
    }

    @Test
    void aCorrectedStoryShowsOnceAtItsNewestVersionAndTheLimitCountsShownStories() {
        Article first = SampleArticles.article(5, "dpa", AT);
        write(first);
        write(SampleArticles.article(6, "dpa", AT.plusSeconds(1)));
        write(Article.newBuilder(first).setVersion(2).setHeadline("Corrected: cranes idle").build());

        List<StoryView> latest = stories.latest(2);

        assertThat(latest).extracting(StoryView::uri).containsExactly("urn:wirestream:dpa:5", "urn:wirestream:dpa:6");
        assertThat(latest.get(0).version()).isEqualTo(2);
    }

    private static Article linkingTo(Article a, String uri) {
        List<RelatedLink> related = new ArrayList<>(a.getRelated());
        related.add(RelatedLink.newBuilder().setUri(uri).setTitle("earlier story").setScore(0.9).setReason("shared entities").build());
        return Article.newBuilder(a).setRelated(related).build();
    }

    @Test
    void aLinkWithoutAUriIsKeptWhileKillsAreKnown() {
        stories.tombstone("urn:wirestream:ap:9");
        Article a = SampleArticles.article(8, "ap", AT);
        write(Article.newBuilder(a).setRelated(List.of(RelatedLink.newBuilder(a.getRelated().get(0)).setUri(null).build())).build());

        assertThat(stories.latest(10)).singleElement().satisfies(s -> assertThat(s.related()).hasSize(1));
    }
}
