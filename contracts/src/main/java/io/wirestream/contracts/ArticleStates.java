package io.wirestream.contracts;

import io.wirestream.avro.Article;
import io.wirestream.avro.PubStatus;

/**
 * How a reader of {@code wire.articles} tells a killed story from a live one. enrich-stream turns every way an agency
 * says "kill" into these two marks before an article reaches the topic, so every reader (the stores, the ops page)
 * applies this one rule and no reader needs the agencies' own vocabulary.
 */
public final class ArticleStates {

    /** The editorial signal enrich-stream puts on a kill, and on the withdrawn marker a store keeps. */
    public static final String KILL_SIGNAL = "kill";

    private ArticleStates() {}

    /** A kill is pubstatus {@code canceled}, or the editorial signal {@value #KILL_SIGNAL} on any status. */
    public static boolean isKill(Article article) {
        if (article.getPubstatus() == PubStatus.canceled) {
            return true;
        }
        return article.getSignals() != null
                && article.getSignals().stream().anyMatch(s -> s.toString().equalsIgnoreCase(KILL_SIGNAL));
    }
}
