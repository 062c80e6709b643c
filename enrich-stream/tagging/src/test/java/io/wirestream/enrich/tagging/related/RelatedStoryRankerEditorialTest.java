package io.wirestream.enrich.tagging.related;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.avro.RelatedLink;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Issue 15: what the ranker may offer as a link, by the candidate's editorial state at the time of ranking. */
class RelatedStoryRankerEditorialTest {

    static final long NOW = 1_800_000_000_000L;
    static final ProfileKey PORT = new ProfileKey("e:port", "Port", 1.0, true);
    static final StoryProfile STORY = new StoryProfile("q", 1, NOW, "query", null, Set.of(), List.of(PORT));
    final RelatedStoryRanker ranker = new RelatedStoryRanker(LinkSettings.defaults());

    static Posting posting(String uri, long version, long visibleFrom) {
        return new Posting(uri, version, NOW - 1000, "headline " + uri + " v" + version, null, 1.0, 1.0, visibleFrom);
    }

    private List<String> linked(Posting... postings) {
        return ranker.rank(STORY, List.of(new KeyHits(PORT, List.of(postings))), NOW).stream().map(RelatedLink::getUri).toList();
    }

    @Test
    void aStoryUnderEmbargoIsNotLinkedUntilTheEmbargoTime() {
        assertThat(linked(posting("a", 1, NOW + 1), posting("b", 1, 0))).containsExactly("b");
        assertThat(linked(posting("a", 1, NOW), posting("b", 1, 0))).contains("a", "b");
    }

    @Test
    void aWithheldOrKilledStoryIsNeverLinked() {
        assertThat(linked(posting("a", 1, Posting.NEVER))).isEmpty();
        assertThat(ranker.rank(STORY, List.of(new KeyHits(PORT, List.of(posting("a", 1, Posting.NEVER)))))).isEmpty();
    }

    @Test
    void theNewestVersionDecidesEvenWhenAnOlderOneWasReleasedUnderAnotherKey() {
        ProfileKey other = new ProfileKey("e:deal", "Deal", 1.0, true);
        StoryProfile story = new StoryProfile("q", 1, NOW, "query", null, Set.of(), List.of(PORT, other));
        List<KeyHits> hits = List.of(new KeyHits(PORT, List.of(posting("a", 1, 0))),
                new KeyHits(other, List.of(posting("a", 2, NOW + 60_000))));

        assertThat(ranker.rank(story, hits, NOW)).isEmpty();
        assertThat(ranker.rank(story, hits, NOW + 60_000)).extracting(RelatedLink::getTitle).containsExactly("headline a v2");
    }

    @Test
    void aStoryIsNeverLinkedToItselfEvenWhenItsOwnUriIsNotListedAsExcluded() {
        assertThat(linked(posting("q", 1, 0), posting("b", 1, 0))).containsExactly("b");
    }
}
