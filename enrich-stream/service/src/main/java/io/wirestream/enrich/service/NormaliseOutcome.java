package io.wirestream.enrich.service;

import io.wirestream.avro.Article;
import io.wirestream.avro.Rejection;

/** What normalising one raw item gave: an article, or a rejection. Exactly one is set. */
record NormaliseOutcome(Article article, Rejection rejection) {

    static NormaliseOutcome of(Article article) {
        return new NormaliseOutcome(article, null);
    }

    static NormaliseOutcome rejected(Rejection rejection) {
        return new NormaliseOutcome(null, rejection);
    }

    boolean isArticle() {
        return article != null;
    }
}
