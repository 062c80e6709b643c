package io.wirestream.enrich.tagging.related;

import io.wirestream.avro.Article;
import io.wirestream.avro.RelatedLink;
import io.wirestream.enrich.tagging.knowledge.KnowledgeBase;

import java.util.ArrayList;
import java.util.List;

/**
 * Links stories in one process against a {@link RelatedStoryIndex}: profile the story, read each of its keys,
 * rank, then index the story for those that follow. Not thread-safe (the index is not). The Streams stage does the
 * same steps with the reads partitioned by key.
 */
public final class RelatedStoryLinker {

    private final LinkSettings settings;
    private final StoryProfiler profiler;
    private final RelatedStoryRanker ranker;
    private final RelatedStoryIndex index;

    public RelatedStoryLinker(KnowledgeBase kb, LinkSettings settings, RelatedStoryIndex index) {
        this.settings = settings;
        this.profiler = new StoryProfiler(kb, settings);
        this.ranker = new RelatedStoryRanker(settings);
        this.index = index;
    }

    public static RelatedStoryLinker inMemory(KnowledgeBase kb, LinkSettings settings) {
        return new RelatedStoryLinker(kb, settings, new InMemoryRelatedStoryIndex(settings.postingsPerKey()));
    }

    /** Links an already tagged article to earlier stories and indexes it; returns the article with its links. */
    public Article link(Article tagged) {
        StoryProfile profile = profiler.profile(tagged);
        List<RelatedLink> links = ranker.rank(profile, lookup(profile));
        add(profile);
        return RelatedLinkMerger.withComputedLinks(tagged, links);
    }

    /** Ranked earlier stories without indexing this one (evaluation: query every story against all others). */
    public List<RelatedStoryRanker.ScoredStory> candidates(StoryProfile profile) {
        return ranker.score(profile, lookup(profile));
    }

    /** Every earlier story the index names, best first, without the link cut-offs and without indexing this one. */
    public List<RelatedStoryRanker.ScoredStory> ranking(StoryProfile profile) {
        return ranker.scoreAll(profile, lookup(profile));
    }

    public void add(StoryProfile profile) {
        for (ProfileKey key : profile.keys()) {
            index.add(key.key(), profile.posting(key));
        }
    }

    public StoryProfiler profiler() {
        return profiler;
    }

    private List<KeyHits> lookup(StoryProfile profile) {
        long since = profile.timeMillis() - settings.window().toMillis();
        List<KeyHits> hits = new ArrayList<>(profile.keys().size());
        for (ProfileKey key : profile.keys()) {
            // the same reads and cut as the Streams stage: the story's own postings (an earlier version) are not
            // hits and do not make a key look more common; at most RANKED_PER_KEY are ranked
            List<Posting> newest = new ArrayList<>();
            for (Posting p : index.newest(key.key(), since, settings.postingsPerKey())) {
                if (!p.uri().equals(profile.uri())) {
                    newest.add(p);
                }
            }
            hits.add(new KeyHits(key, newest).strongest(KeyHits.RANKED_PER_KEY));
        }
        return hits;
    }
}
