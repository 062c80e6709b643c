package io.wirestream.ops.web;

import io.wirestream.contracts.ArticleStates;
import io.wirestream.avro.Article;
import io.wirestream.avro.PubStatus;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.IntFunction;

/**
 * The latest stories as an editor would have them: a killed story (a withdrawn record, pubstatus {@code canceled} or
 * the signal {@code kill}, or a tombstone on wire.articles) leaves the list, no related link names a killed story,
 * and a story shows once, at its newest version. The kills are remembered apart from the tail, because the earlier
 * versions of a killed story can still sit in the tail after the kill record has scrolled off. A story whose newest
 * version is withheld is not listed either.
 */
public final class EditorialStories implements LatestStories {

    /** Kills remembered; the oldest are forgotten first, long after their stories left the tail. */
    static final int KILLS_REMEMBERED = 100_000;

    private final IntFunction<List<Article>> newestFirst;
    private final Set<String> killed = new LinkedHashSet<>();

    /** @param newestFirst up to {@code n} articles from the tail, newest first */
    public EditorialStories(IntFunction<List<Article>> newestFirst) {
        this.newestFirst = newestFirst;
    }

    /** Called for every article read from wire.articles, in topic order. */
    public void observe(Article article) {
        if (ArticleStates.isKill(article)) {
            killed(article.getUri().toString());
        }
    }

    /** Called for a tombstone: the topic forgot the story, which only a kill does. */
    public void tombstone(String uri) {
        if (uri != null) {
            killed(uri);
        }
    }

    @Override
    public List<StoryView> latest(int limit) {
        Set<String> kills;
        synchronized (killed) {
            kills = new HashSet<>(killed); // a HashSet answers contains(null): a link may have no uri
        }
        List<StoryView> stories = new ArrayList<>();
        Set<String> shown = new HashSet<>();
        for (Article a : newestFirst.apply(Integer.MAX_VALUE)) {
            String uri = a.getUri().toString();
            if (stories.size() >= limit) {
                break;
            }
            if (ArticleStates.isKill(a) || kills.contains(uri) || !shown.add(uri)) {
                continue;
            }
            if (a.getPubstatus() == PubStatus.withheld) {
                // the newest version is withheld: the story is off until a later version releases it
                continue;
            }
            StoryView view = StoryView.of(a);
            List<StoryView.Link> live = view.related().stream().filter(l -> !kills.contains(l.uri())).toList();
            stories.add(live.size() == view.related().size() ? view : new StoryView(view.uri(), view.version(),
                    view.headline(), view.agency(), view.language(), view.pubstatus(), view.urgency(), view.receivedAt(),
                    view.processedAt(), view.tags(), live, view.duplicates()));
        }
        return stories;
    }

    private void killed(String uri) {
        synchronized (killed) {
            killed.remove(uri);
            killed.add(uri);
            while (killed.size() > KILLS_REMEMBERED) {
                killed.remove(killed.iterator().next());
            }
        }
    }

}
