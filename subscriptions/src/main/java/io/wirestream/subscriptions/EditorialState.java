package io.wirestream.subscriptions;

import io.wirestream.avro.Article;
import io.wirestream.avro.PubStatus;
import io.wirestream.contracts.ArticleStates;
import java.util.Locale;

/**
 * The editorial state of one story version, as a product filter and a delivery name it. A version has exactly one:
 * the most specific that applies, in this order: {@link #KILLED} (the rule every reader of {@code wire.articles}
 * shares, {@link ArticleStates#isKill}), {@link #WITHHELD} (pubstatus {@code withheld}: a notice without text),
 * {@link #CORRECTION}, {@link #ADVISORY}, {@link #UPDATE} (signals), else {@link #USABLE}.
 *
 * <p>Only the usable kinds ({@link #isDeliverableFirst()}) can start a delivery to a subscriber; a kill or a withheld
 * notice goes only to subscribers that already received the story.
 */
public enum EditorialState {
    USABLE, UPDATE, CORRECTION, ADVISORY, WITHHELD, KILLED;

    public static EditorialState of(Article article) {
        if (ArticleStates.isKill(article)) {
            return KILLED;
        }
        if (article.getPubstatus() == PubStatus.withheld) {
            return WITHHELD;
        }
        boolean correction = false;
        boolean advisory = false;
        boolean update = false;
        if (article.getSignals() != null) {
            for (CharSequence s : article.getSignals()) {
                switch (s.toString().toLowerCase(Locale.ROOT)) {
                    case "correction" -> correction = true;
                    case "advisory" -> advisory = true;
                    case "update" -> update = true;
                    default -> { }
                }
            }
        }
        if (correction) {
            return CORRECTION;
        }
        if (advisory) {
            return ADVISORY;
        }
        return update ? UPDATE : USABLE;
    }

    /** The name used in the configuration file, in headers and in metrics. */
    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether a version in this state may be the first a subscriber receives of a story. */
    public boolean isDeliverableFirst() {
        return this != KILLED && this != WITHHELD;
    }
}
