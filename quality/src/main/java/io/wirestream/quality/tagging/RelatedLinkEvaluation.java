package io.wirestream.quality.tagging;

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
import java.util.TreeMap;

/**
 * Related-link quality on a corpus of stories grouped by event: every story is indexed, then each story asks for its
 * links among all the others (leave one out).
 * <ul>
 * <li>precision@3: same-event stories among a story's top three links divided by min(3, same-event stories
 * available), summed over stories that have any.</li>
 * <li>Same event above other event: for each story whose corpus holds both a same-event story and a story of the same
 * topic but another event, and whose ranking names at least one of them, whether the best-ranked same-event story
 * comes before the best-ranked other-event one (a story the ranking does not name ranks last); also head to head,
 * counting only the stories whose ranking names both.</li>
 * <li>Pairwise ordering: over every (story, same-event story, same-topic other-event story) triple, the share in which
 * the same-event story scores higher (ties and pairs the ranking names neither of count half, as a coin toss would).</li>
 * </ul>
 * The two rank measures use the whole ranking, before the minimum score and the number of links cut it. Stories
 * carrying a {@link EvaluationStory#part() part} are also reported per part (queried against all stories).
 */
public final class RelatedLinkEvaluation {

    /**
     * @param precisionAt3 as defined above
     * @param returnedPrecision same-event links among all links returned in the top three
     * @param sameEventAboveOtherEvent share of rank checks won by the same-event story
     * @param rankChecks stories checked for it
     * @param headToHead share of the stories whose ranking names both kinds in which the same-event story comes first
     *                   (the report used to count this within the top ten links only)
     * @param headToHeadChecks stories checked for it
     * @param pairwiseOrdering share of (same-event, same-topic other-event) pairs ordered right
     * @param pairs pairs checked for it
     * @param stories stories queried
     * @param byPart the same measures for the stories of each part, queried against all stories (empty within a part)
     */
    public record Result(double precisionAt3, double returnedPrecision, double sameEventAboveOtherEvent, int rankChecks,
                         double headToHead, int headToHeadChecks, double pairwiseOrdering, long pairs, int stories, Map<String, Result> byPart) {
    }

    private final ArticleTagger tagger;
    private final LinkSettings settings;

    public RelatedLinkEvaluation(ArticleTagger tagger, LinkSettings settings) {
        this.tagger = tagger;
        this.settings = settings;
    }

    public Result evaluate(List<EvaluationStory> stories) {
        RelatedStoryLinker linker = RelatedStoryLinker.inMemory(tagger.knowledge(), settings);
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
        Map<String, Integer> topicSizes = new HashMap<>();
        stories.forEach(s -> eventSizes.merge(s.event(), 1, Integer::sum));
        stories.forEach(s -> topicSizes.merge(s.topic(), 1, Integer::sum));
        Tally all = new Tally();
        Map<String, Tally> byPart = new TreeMap<>();
        for (StoryProfile profile : profiles) {
            EvaluationStory story = byId.get(profile.uri());
            int sameEvent = eventSizes.get(story.event()) - 1;
            int otherEvent = topicSizes.get(story.topic()) - 1 - sameEvent;
            List<ScoredStory> ranking = linker.ranking(profile);
            List<ScoredStory> links = linker.candidates(profile);
            Tally part = story.part() == null ? null : byPart.computeIfAbsent(story.part(), p -> new Tally());
            for (Tally tally : part == null ? List.of(all) : List.of(all, part)) {
                tally.add(story, sameEvent, otherEvent, links, ranking, byId);
            }
        }
        Map<String, Result> parts = new TreeMap<>();
        byPart.forEach((name, tally) -> parts.put(name, tally.result(Map.of())));
        return all.result(parts);
    }

    private final class Tally {
        long hits;
        long possible;
        long returned;
        int rankWins;
        int rankChecks;
        int bothWins;
        int bothChecks;
        double pairWins;
        long pairs;
        int stories;

        void add(EvaluationStory story, int sameEvent, int otherEvent, List<ScoredStory> links, List<ScoredStory> ranking,
                 Map<String, EvaluationStory> byId) {
            stories++;
            if (sameEvent > 0) {
                List<ScoredStory> top = links.subList(0, Math.min(3, links.size()));
                hits += top.stream().filter(c -> byId.get(c.story().uri()).event().equals(story.event())).count();
                possible += Math.min(3, sameEvent);
                returned += top.size();
            }
            if (sameEvent == 0 || otherEvent == 0) {
                return;
            }
            int bestSame = -1;
            int bestOther = -1;
            List<Double> sameScores = new ArrayList<>();
            List<Double> otherScores = new ArrayList<>();
            for (int i = 0; i < ranking.size(); i++) {
                EvaluationStory c = byId.get(ranking.get(i).story().uri());
                if (c.event().equals(story.event())) {
                    bestSame = bestSame < 0 ? i : bestSame;
                    sameScores.add(ranking.get(i).score());
                } else if (c.topic().equals(story.topic())) {
                    bestOther = bestOther < 0 ? i : bestOther;
                    otherScores.add(ranking.get(i).score());
                }
            }
            if (bestSame >= 0 && bestOther >= 0) {
                bothChecks++;
                bothWins += bestSame < bestOther ? 1 : 0;
            }
            if (bestSame >= 0 || bestOther >= 0) {
                rankChecks++;
                if (bestSame >= 0 && (bestOther < 0 || bestSame < bestOther)) {
                    rankWins++;
                }
            }
            // unnamed stories score 0: a named same-event story beats every unnamed other-event one, and so on
            long unnamedSame = sameEvent - sameScores.size();
            long unnamedOther = otherEvent - otherScores.size();
            for (double s : sameScores) {
                for (double o : otherScores) {
                    pairWins += s > o ? 1 : s == o ? 0.5 : 0;
                }
                pairWins += unnamedOther;
            }
            pairWins += unnamedSame * 0.5 * unnamedOther;
            pairs += (long) sameEvent * otherEvent;
        }

        Result result(Map<String, Result> parts) {
            return new Result(possible == 0 ? 0 : (double) hits / possible, returned == 0 ? 0 : (double) hits / returned,
                    rankChecks == 0 ? 0 : (double) rankWins / rankChecks, rankChecks,
                    bothChecks == 0 ? 0 : (double) bothWins / bothChecks, bothChecks,
                    pairs == 0 ? 0 : pairWins / pairs, pairs, stories, parts);
        }
    }
}
