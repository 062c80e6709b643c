package io.wirestream.enrich.tagging.quality;

import io.wirestream.avro.Article;
import io.wirestream.avro.PubStatus;
import io.wirestream.enrich.tagging.ArticleTagger;
import io.wirestream.enrich.tagging.related.LinkSettings;
import io.wirestream.enrich.tagging.related.RelatedStoryLinker;
import io.wirestream.enrich.tagging.related.RelatedStoryRanker.ScoredStory;
import io.wirestream.enrich.tagging.related.StoryProfile;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Related-link quality on a corpus of stories grouped by event: every story is indexed, then each story asks for its
 * links among all the others (leave one out). precision@3 is the number of same-event stories among its top three
 * links divided by min(3, same-event stories available), summed over stories that have any. The rank check counts, for
 * stories whose candidates include both, how often the best same-event story ranks above the best story of the same
 * topic but another event.
 */
public final class RelatedLinkEvaluation {

    /**
     * @param precisionAt3 as defined above
     * @param returnedPrecision same-event links among all links returned in the top three
     * @param sameEventAboveOtherEvent share of rank checks won by the same-event story
     * @param rankChecks how many stories had both kinds of candidate
     * @param stories stories evaluated
     */
    public record Result(double precisionAt3, double returnedPrecision, double sameEventAboveOtherEvent, int rankChecks,
                         int stories) {
    }

    private final ArticleTagger tagger;
    private final LinkSettings settings;

    public RelatedLinkEvaluation(ArticleTagger tagger, LinkSettings settings) {
        this.tagger = tagger;
        this.settings = settings;
    }

    public Result evaluate(List<EvaluationStory> stories) {
        LinkSettings wide = new LinkSettings(settings.window(), Math.max(10, settings.maxLinks()),
                settings.postingsPerKey(), settings.maxKeysPerStory(), settings.minScore());
        RelatedStoryLinker linker = RelatedStoryLinker.inMemory(tagger.knowledge(), wide);
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        Map<String, EvaluationStory> byId = new HashMap<>();
        List<StoryProfile> profiles = new ArrayList<>();
        for (EvaluationStory s : stories) {
            Article tagged = tagger.tag(Article.newBuilder().setUri(s.id()).setVersion(1).setVersioncreated(t)
                    .setPubstatus(PubStatus.usable).setHeadline(s.headline()).setBodyParagraphs(s.paragraphs())
                    .setAgency("eval").setReceivedAt(t).build());
            StoryProfile profile = linker.profiler().profile(tagged);
            profiles.add(profile);
            linker.add(profile);
            byId.put(s.id(), s);
        }
        Map<String, Integer> eventSizes = new HashMap<>();
        stories.forEach(s -> eventSizes.merge(s.event(), 1, Integer::sum));
        long hits = 0;
        long possible = 0;
        long returned = 0;
        int rankWins = 0;
        int rankChecks = 0;
        for (StoryProfile profile : profiles) {
            EvaluationStory story = byId.get(profile.uri());
            int relevant = eventSizes.get(story.event()) - 1;
            List<ScoredStory> candidates = linker.candidates(profile);
            if (relevant > 0) {
                List<ScoredStory> top = candidates.subList(0, Math.min(3, candidates.size()));
                long right = top.stream().filter(c -> byId.get(c.story().uri()).event().equals(story.event())).count();
                hits += right;
                possible += Math.min(3, relevant);
                returned += top.size();
            }
            int bestSame = -1;
            int bestOther = -1;
            for (int i = 0; i < candidates.size(); i++) {
                EvaluationStory c = byId.get(candidates.get(i).story().uri());
                if (c.event().equals(story.event()) && bestSame < 0) {
                    bestSame = i;
                } else if (!c.event().equals(story.event()) && c.topic().equals(story.topic()) && bestOther < 0) {
                    bestOther = i;
                }
            }
            if (bestSame >= 0 && bestOther >= 0) {
                rankChecks++;
                if (bestSame < bestOther) {
                    rankWins++;
                }
            }
        }
        return new Result(possible == 0 ? 0 : (double) hits / possible, returned == 0 ? 0 : (double) hits / returned,
                rankChecks == 0 ? 0 : (double) rankWins / rankChecks, rankChecks, stories.size());
    }
}
