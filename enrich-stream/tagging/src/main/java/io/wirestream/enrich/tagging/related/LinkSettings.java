package io.wirestream.enrich.tagging.related;

import java.time.Duration;

/**
 * Knobs of related-story linking.
 *
 * @param window how far back related stories are looked for (index retention)
 * @param maxLinks most computed links per story
 * @param postingsPerKey most recent stories read per index key: bounds per-item cost whatever the window holds
 * @param maxKeysPerStory most index keys (entities and terms) per story
 * @param minScore links scoring below this are not made
 */
public record LinkSettings(Duration window, int maxLinks, int postingsPerKey, int maxKeysPerStory, double minScore) {

    public static LinkSettings defaults() {
        return new LinkSettings(Duration.ofDays(7), 5, 64, 20, 0.05);
    }

    public LinkSettings {
        if (window.isNegative() || window.isZero() || maxLinks < 0 || postingsPerKey < 1 || maxKeysPerStory < 1
                || minScore < 0) {
            throw new IllegalArgumentException("invalid link settings");
        }
    }

    public LinkSettings withWindow(Duration newWindow) {
        return new LinkSettings(newWindow, maxLinks, postingsPerKey, maxKeysPerStory, minScore);
    }

    public LinkSettings withMaxLinks(int newMaxLinks) {
        return new LinkSettings(window, newMaxLinks, postingsPerKey, maxKeysPerStory, minScore);
    }
}
