package io.wirestream.enrich.tagging.related;

import io.wirestream.avro.RelatedLink;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Scores the earlier stories an index returned for a new story and keeps the best. The score is a cosine of the two
 * stories' key weights in which each shared key is weighted by its {@link #rarity rarity}, an inverse document
 * frequency taken from how many stories the bounded read found under it (a key every story has, like a big country,
 * says little); links that share no entity, only text, count half. Sharing the people and organisations
 * of one event therefore ranks above sharing a topic's vocabulary. Itself and its duplicates are never linked.
 *
 * <p>Editorial state (issue 15): a candidate is judged by its newest version among the hits; when that version is
 * not yet visible at the time of ranking (embargoed until later) or never (withheld, killed), the story is not
 * linked at all, under any key, so neither its headline nor its uri reaches another story before it is released.
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
    public List<ScoredStory> score(StoryProfile story, List<KeyHits> hits, long nowMillis) {
        List<ScoredStory> out = scored(story, hits, settings.minScore(), nowMillis);
        return out.size() > settings.maxLinks() ? out.subList(0, settings.maxLinks()) : out;
    }

    /** As {@link #score(StoryProfile, List, long)} for a corpus whose stories are all released (evaluation). */
    public List<ScoredStory> score(StoryProfile story, List<KeyHits> hits) {
        return score(story, hits, ALL_RELEASED);
    }

    /** Every candidate the hits name, best first, whatever its score (evaluation of the ranking as such). */
    public List<ScoredStory> scoreAll(StoryProfile story, List<KeyHits> hits) {
        return scored(story, hits, Double.NEGATIVE_INFINITY, ALL_RELEASED);
    }

    /** A ranking time at which every embargo has lifted; withheld and killed stories stay hidden. */
    private static final long ALL_RELEASED = Posting.NEVER - 1;

    private List<ScoredStory> scored(StoryProfile story, List<KeyHits> hits, double minScore, long nowMillis) {
        double norm = story.norm();
        if (norm == 0) {
            return List.of();
        }
        Set<String> hidden = hiddenAt(hits, nowMillis);
        Map<String, Accumulator> byUri = new LinkedHashMap<>();
        for (KeyHits keyHits : hits) {
            ProfileKey key = keyHits.key();
            // how many distinct stories carry the key, within the bounded read
            Map<String, Posting> newestPerStory = new HashMap<>();
            for (Posting p : keyHits.postings()) {
                newestPerStory.merge(p.uri(), p, (a, b) -> a.version() >= b.version() ? a : b);
            }
            int common = Math.max(keyHits.storiesUnderKey(), newestPerStory.size());
            double rarity = rarity(common, settings.postingsPerKey());
            for (Posting p : newestPerStory.values()) {
                if (excluded(story, p) || hidden.contains(p.uri())) {
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

    /** Stories whose newest version among the hits may not be shown to others at {@code nowMillis}. */
    private static Set<String> hiddenAt(List<KeyHits> hits, long nowMillis) {
        Map<String, Posting> newest = new HashMap<>();
        for (KeyHits keyHits : hits) {
            for (Posting p : keyHits.postings()) {
                newest.merge(p.uri(), p, (a, b) -> a.version() > b.version()
                        || a.version() == b.version() && a.visibleFromMillis() >= b.visibleFromMillis() ? a : b);
            }
        }
        Set<String> hidden = new HashSet<>();
        newest.forEach((uri, p) -> {
            if (!p.visibleAt(nowMillis)) {
                hidden.add(uri);
            }
        });
        return hidden;
    }

    /** The links to make for a story ranked at {@code nowMillis} (the stream's wall clock). */
    public List<RelatedLink> rank(StoryProfile story, List<KeyHits> hits, long nowMillis) {
        List<RelatedLink> links = new ArrayList<>();
        for (ScoredStory s : score(story, hits, nowMillis)) {
            links.add(RelatedLink.newBuilder().setUri(s.story().uri()).setTitle(s.story().headline())
                    .setScore(s.score()).setReason(s.reason()).setOrigin("computed").build());
        }
        return links;
    }

    /** As {@link #rank(StoryProfile, List, long)} for a corpus whose stories are all released (evaluation). */
    public List<RelatedLink> rank(StoryProfile story, List<KeyHits> hits) {
        return rank(story, hits, ALL_RELEASED);
    }

    /**
     * How much a key shared with a candidate counts, from how many distinct earlier stories carry it within the bounded
     * read (at most {@code postingsPerKey}): an inverse document frequency, {@code ln(1 + bound / stories)}, scaled to
     * 1 for a key only one earlier story carries. With the default bound of 64, a key every read fills (a big country,
     * a head of state, a party) counts about a sixth of that, as it did with the earlier {@code 1 / log2(2 + stories)};
     * a key two or three stories share counts three quarters or more, where it used to count half or less: what few
     * stories share (the people, places and words of one event) now outweighs what many share.
     */
    static double rarity(int stories, int bound) {
        int n = Math.max(1, stories);
        int k = Math.max(bound, n);
        return Math.log1p((double) k / n) / Math.log1p(k);
    }

    private static boolean excluded(StoryProfile story, Posting p) {
        return p.uri().equals(story.uri()) || story.excludedUris().contains(p.uri())
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
