package io.wirestream.publish.store;

import io.wirestream.avro.Article;
import io.wirestream.contracts.ArticleStates;
import io.wirestream.avro.PubStatus;

import java.util.Locale;

/** The state of a story in a store. Stored as the lower-case name. */
public enum StoryStatus {
    /** Publishable. */
    USABLE,
    /** The agency asked not to use it for now (ninjs pubstatus withheld): kept, not shown. */
    WITHHELD,
    /** Killed; a withdrawn marker is kept so sites can take it down and late versions cannot resurrect it. */
    WITHDRAWN,
    /** Killed under kill mode delete: the content is gone, only the version guard remains. */
    DELETED;

    public String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static StoryStatus fromDb(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }

    public boolean isKilled() {
        return this == WITHDRAWN || this == DELETED;
    }

    /** The status a store gives an incoming version. */
    public static StoryStatus of(Article article, KillMode killMode) {
        if (ArticleStates.isKill(article)) {
            return killMode == KillMode.DELETE ? DELETED : WITHDRAWN;
        }
        return article.getPubstatus() == PubStatus.withheld ? WITHHELD : USABLE;
    }
}
