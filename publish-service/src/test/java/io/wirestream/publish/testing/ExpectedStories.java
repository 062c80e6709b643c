package io.wirestream.publish.testing;

import io.wirestream.contracts.ArticleStates;
import io.wirestream.avro.Article;
import io.wirestream.publish.store.ArticleStore;
import io.wirestream.publish.store.KillMode;
import io.wirestream.publish.store.StoredArticle;
import io.wirestream.publish.store.StoryStatus;
import io.wirestream.publish.store.StoryVersionGuard;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What every store must hold once it has caught up with the articles sent: each story at its highest version. */
public final class ExpectedStories {

    public record Expected(long version, StoryStatus status, Instant embargo) {
    }

    private final Map<String, Expected> stories = new LinkedHashMap<>();
    private final KillMode killMode;

    public ExpectedStories(KillMode killMode) {
        this.killMode = killMode;
    }

    /** Applies the same rule the stores must follow, to the articles in the order they were sent. */
    public void sent(List<Article> articles) {
        for (Article a : articles) {
            Expected current = stories.get(a.getUri());
            boolean kill = ArticleStates.isKill(a);
            if (StoryVersionGuard.accepts(current == null ? null : current.version(), current == null ? null : current.status(),
                    a.getVersion(), kill)) {
                stories.put(a.getUri(), new Expected(a.getVersion(), StoryStatus.of(a, killMode), kill ? null : a.getEmbargoed()));
            }
        }
    }

    public Map<String, Expected> all() {
        return stories;
    }

    /** Every difference between the store and what it must show at {@code now}; empty when it has caught up. */
    public List<String> differences(ArticleStore store, Instant now) {
        List<String> problems = new ArrayList<>();
        stories.forEach((uri, expected) -> {
            Optional<StoredArticle> found = store.get(uri, now);
            boolean dueNow = expected.embargo() == null || !expected.embargo().isAfter(now);
            if (!dueNow) {
                found.ifPresent(a -> problems.add(uri + " visible before its embargo " + expected.embargo()));
                return;
            }
            if (found.isEmpty()) {
                problems.add(uri + " missing");
            } else if (found.get().version() != expected.version() || found.get().status() != expected.status()) {
                problems.add(uri + " at v" + found.get().version() + " " + found.get().status()
                        + ", expected v" + expected.version() + " " + expected.status());
            }
        });
        return problems;
    }
}
