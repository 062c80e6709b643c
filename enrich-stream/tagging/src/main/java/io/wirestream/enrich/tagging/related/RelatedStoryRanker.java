package io.wirestream.enrich.tagging.related;

import io.wirestream.avro.RelatedLink;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Scores the earlier stories an index returned for a new story and keeps the best. The score is a cosine of the two
 * stories' key weights in which each shared key counts less the more stories carry it (a key every story has, like a
 * big country, says little); links that share no entity, only text, count half. Sharing the people and organisations
 * of one event therefore ranks above sharing a topic's vocabulary. Itself and its duplicates are never linked.
 */
public final class RelatedStoryRanker {

    private final LinkSettings settings;

    public RelatedStoryRanker(LinkSettings settings) {
        this.settings = settings;
    }

    /** A scored candidate, before it becomes a {@link RelatedLink}. */
    public record ScoredStory(Posting story, double score, List<String> sharedEntities, List<String> sharedTerms) {

        public String reason() {
            StringBuilder sb = new StringBuilder();
            if (!sharedEntities.isEmpty()) {
                sb.append("shared entities: ").append(String.join(", ", sharedEntities.subList(0, Math.min(4, sharedEntities.size()))));
            }
            if (!sharedTerms.isEmpty()) {
                if (sb.length() > 0) {
                    sb.append("; ");
                }
                sb.append("similar text: ").append(String.join(", ", sharedTerms.subList(0, Math.min(4, sharedTerms.size()))));
            }
            return sb.toString();
        }
    }

    /** The links to make: candidates scoring at least {@link LinkSettings#minScore()}, best first, at most maxLinks. */
    public List<ScoredStory> score(StoryProfile story, List<KeyHits> hits) {
        List<ScoredStory> out = scored(story, hits, settings.minScore());
        return out.size() > settings.maxLinks() ? out.subList(0, settings.maxLinks()) : out;
    }

    /** Every candidate the hits name, best first, whatever its score (evaluation of the ranking as such). */
    public List<ScoredStory> scoreAll(StoryProfile story, List<KeyHits> hits) {
        return scored(story, hits, Double.NEGATIVE_INFINITY);
    }

    private List<ScoredStory> scored(StoryProfile story, List<KeyHits> hits, double minScore) {
        double norm = story.norm();
        if (norm == 0) {
            return List.of();
        }
        Map<String, Accumulator> byUri = new LinkedHashMap<>();
        for (KeyHits keyHits : hits) {
            ProfileKey key = keyHits.key();
            // how many distinct stories carry the key, within the bounded read
            Map<String, Posting> newestPerStory = new HashMap<>();
            for (Posting p : keyHits.postings()) {
                newestPerStory.merge(p.uri(), p, (a, b) -> a.version() >= b.version() ? a : b);
            }
            int common = Math.max(keyHits.storiesUnderKey(), newestPerStory.size());
            double rarity = 1.0 / (Math.log(2 + common) / Math.log(2));
            for (Posting p : newestPerStory.values()) {
                if (excluded(story, p)) {
                    continue;
                }
                Accumulator acc = byUri.computeIfAbsent(p.uri(), u -> new Accumulator());
                if (acc.story == null || p.version() > acc.story.version()) {
                    acc.story = p;
                }
                acc.dot += key.weight() * p.weight() * rarity;
                (key.entity() ? acc.entities : acc.terms).add(key.label());
                acc.contribution.put(key.label(), key.weight() * p.weight() * rarity);
            }
        }
        List<ScoredStory> out = new ArrayList<>();
        for (Accumulator acc : byUri.values()) {
            double score = acc.dot / (norm * Math.max(acc.story.norm(), 1e-9));
            if (acc.entities.isEmpty()) {
                score *= 0.5;
            }
            if (score < minScore) {
                continue;
            }
            Comparator<String> byContribution = Comparator.comparingDouble((String l) -> -acc.contribution.get(l));
            acc.entities.sort(byContribution);
            acc.terms.sort(byContribution);
            out.add(new ScoredStory(acc.story, Math.round(score * 1000) / 1000.0, acc.entities, acc.terms));
        }
        out.sort(Comparator.comparingDouble(ScoredStory::score).reversed()
                .thenComparing(s -> -s.story().timeMillis())
                .thenComparing(s -> s.story().uri()));
        return out;
    }

    public List<RelatedLink> rank(StoryProfile story, List<KeyHits> hits) {
        List<RelatedLink> links = new ArrayList<>();
        for (ScoredStory s : score(story, hits)) {
            links.add(RelatedLink.newBuilder().setUri(s.story().uri()).setTitle(s.story().headline())
                    .setScore(s.score()).setReason(s.reason()).setOrigin("computed").build());
        }
        return links;
    }

    private static boolean excluded(StoryProfile story, Posting p) {
        return story.excludedUris().contains(p.uri())
                || story.clusterId() != null && story.clusterId().equals(p.clusterId());
    }

    private static final class Accumulator {
        Posting story;
        double dot;
        final List<String> entities = new ArrayList<>();
        final List<String> terms = new ArrayList<>();
        final Map<String, Double> contribution = new HashMap<>();
    }
}
