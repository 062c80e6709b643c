package io.wirestream.quality.tagging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.wirestream.enrich.tagging.ArticleTagger;
import io.wirestream.enrich.tagging.related.LinkSettings;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The linking measures on stories written for this test: two ferry sinkings (one topic) and a markets story. */
class RelatedLinkEvaluationTest {

    static final ArticleTagger TAGGER = ArticleTagger.withBundledKnowledge();

    static EvaluationStory story(String id, String event, String topic, String part, String headline, String body) {
        return new EvaluationStory(id, event, topic, part, headline, List.of(body));
    }

    static final List<EvaluationStory> STORIES = List.of(
            story("l1", "lesbos", "ferry", "tuning", "Ferry sinks off Lesbos, coastguard searches for missing",
                    "A ferry carrying 80 passengers sank off Lesbos on Sunday, coastguard spokesman Nikos Andreou said."),
            story("l2", "lesbos", "ferry", "tuning", "Lesbos ferry captain arrested",
                    "Police arrested the captain of the ferry that sank off Lesbos, Nikos Andreou said."),
            story("l3", "lesbos", "ferry", "held-out", "Divers reach Lesbos ferry wreck",
                    "Divers reached the wreck of the ferry off Lesbos, coastguard spokesman Nikos Andreou said."),
            story("d1", "dhaka", "ferry", "held-out", "Ferry capsizes in Bangladesh river",
                    "A ferry capsized on the Meghna river in Bangladesh and police chief Rafiq Hossain said dozens were missing."),
            story("d2", "dhaka", "ferry", "tuning", "Bangladesh ferry owner held",
                    "Bangladesh police held the owner of the ferry that capsized on the Meghna river, Rafiq Hossain said."),
            story("m1", "markets", "markets", "tuning", "Stocks rise as oil prices fall",
                    "Shares rose in Tokyo and London as oil prices fell, traders said."));

    @Test
    void sameEventStoriesComeFirstAndEveryPairIsCounted() {
        RelatedLinkEvaluation.Result r = new RelatedLinkEvaluation(TAGGER, LinkSettings.defaults()).evaluate(STORIES);

        assertThat(r.stories()).isEqualTo(6);
        assertThat(r.precisionAt3()).isEqualTo(1.0);
        // each Lesbos story: 2 same-event x 2 other-event pairs; each Dhaka story: 1 x 3; markets has no topic mate
        assertThat(r.pairs()).isEqualTo(3 * 4 + 2 * 3);
        assertThat(r.pairwiseOrdering()).isEqualTo(1.0);
        assertThat(r.rankChecks()).isEqualTo(5);
        assertThat(r.sameEventAboveOtherEvent()).isEqualTo(1.0);
        assertThat(r.byPart()).containsOnlyKeys("tuning", "held-out");
        assertThat(r.byPart().get("tuning").stories()).isEqualTo(4);
        assertThat(r.byPart().get("held-out").pairs()).isEqualTo(4 + 3);
    }

    @Test
    void aRankingThatCannotTellTheEventsApartScoresAboutHalfOnPairs() {
        // the same text for every ferry story: same-event and other-event candidates tie
        List<EvaluationStory> alike = STORIES.stream().filter(s -> s.topic().equals("ferry"))
                .map(s -> story(s.id(), s.event(), s.topic(), null, "Ferry sinks, many missing",
                        "A ferry sank and many passengers were missing, officials said."))
                .toList();

        RelatedLinkEvaluation.Result r = new RelatedLinkEvaluation(TAGGER, LinkSettings.defaults()).evaluate(alike);

        assertThat(r.pairwiseOrdering()).isCloseTo(0.5, within(1e-9));
        assertThat(r.byPart()).isEmpty();
    }
}
