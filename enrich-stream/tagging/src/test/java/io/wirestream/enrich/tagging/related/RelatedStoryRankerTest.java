package io.wirestream.enrich.tagging.related;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** Scoring on hand-built index reads: which shared keys count, and how much. */
class RelatedStoryRankerTest {

    static final LinkSettings SETTINGS = LinkSettings.defaults();

    static ProfileKey key(String name) {
        return new ProfileKey("e:" + name, name, 1.0, true);
    }

    static Posting posting(String uri) {
        return new Posting(uri, 1, 0, "headline " + uri, null, 3.0, 1.0);
    }

    /** What reading {@code key} returns: {@code uris} plus {@code others} further stories carrying the key. */
    static KeyHits hits(ProfileKey key, List<String> uris, int others) {
        List<Posting> postings = new ArrayList<>();
        uris.forEach(u -> postings.add(posting(u)));
        for (int i = 0; i < others; i++) {
            postings.add(posting(key.label() + "-other-" + i));
        }
        return new KeyHits(key, postings);
    }

    static double scoreOf(List<RelatedStoryRanker.ScoredStory> ranked, String uri) {
        return ranked.stream().filter(s -> s.story().uri().equals(uri)).findFirst().orElseThrow().score();
    }

    @Test
    void oneKeyNoOtherStoryCarriesOutweighsFiveKeysEveryStoryCarries() {
        ProfileKey rare = key("Tomas Varenko");
        List<ProfileKey> common = List.of(key("Country"), key("Capital"), key("Party"), key("Parliament"), key("Army"));
        List<ProfileKey> keys = new ArrayList<>(common);
        keys.add(rare);
        StoryProfile story = new StoryProfile("q", 1, 0, "query", null, Set.of("q"), keys);
        List<KeyHits> hits = new ArrayList<>();
        hits.add(hits(rare, List.of("same-event"), 0));
        // "same-topic" shares all five common keys, each of which fills the bounded read
        common.forEach(k -> hits.add(hits(k, List.of("same-topic"), SETTINGS.postingsPerKey() - 1)));

        List<RelatedStoryRanker.ScoredStory> ranked = new RelatedStoryRanker(SETTINGS).scoreAll(story, hits);

        assertThat(ranked.get(0).story().uri()).isEqualTo("same-event");
        assertThat(scoreOf(ranked, "same-event")).isGreaterThan(scoreOf(ranked, "same-topic"));
    }

    @Test
    void scoreAllKeepsWhatTheLinkCutOffsDrop() {
        LinkSettings oneLink = new LinkSettings(SETTINGS.window(), 1, SETTINGS.postingsPerKey(), 20, 0.05);
        ProfileKey k = key("Port");
        StoryProfile story = new StoryProfile("q", 1, 0, "query", null, Set.of("q"), List.of(k));
        List<KeyHits> hits = List.of(hits(k, List.of("a", "b", "c"), 0));
        RelatedStoryRanker ranker = new RelatedStoryRanker(oneLink);

        assertThat(ranker.score(story, hits)).hasSize(1);
        assertThat(ranker.scoreAll(story, hits)).extracting(s -> s.story().uri())
                .containsExactlyInAnyOrder("a", "b", "c");
    }

    @Property(tries = 200)
    void rarityFallsAsMoreStoriesCarryTheKey(@ForAll @IntRange(min = 1, max = 63) int stories,
                                            @ForAll @IntRange(min = 1, max = 256) int bound) {
        double here = RelatedStoryRanker.rarity(stories, bound);
        assertThat(here).isBetween(0.0, 1.0);
        assertThat(RelatedStoryRanker.rarity(stories + 1, bound)).isLessThanOrEqualTo(here);
    }

    @Test
    void rarityIsOneForAKeyOnlyOneStoryCarriesAndAboutASixthForAFullRead() {
        assertThat(RelatedStoryRanker.rarity(1, 64)).isEqualTo(1.0);
        assertThat(RelatedStoryRanker.rarity(64, 64)).isBetween(0.15, 0.18);
        // a key three stories share still counts most of what a key of one story counts
        assertThat(RelatedStoryRanker.rarity(3, 64)).isGreaterThan(0.7);
    }
}
