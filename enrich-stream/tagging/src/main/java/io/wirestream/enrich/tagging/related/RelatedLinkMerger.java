package io.wirestream.enrich.tagging.related;

import io.wirestream.avro.Article;
import io.wirestream.avro.RelatedLink;

import java.util.ArrayList;
import java.util.List;

/**
 * Writes computed links into an article. Links the publisher supplied (origin {@code publisher}, e.g. "READ MORE"
 * teasers) are kept first; computed links of an earlier pass are replaced.
 */
public final class RelatedLinkMerger {

    private RelatedLinkMerger() {
    }

    public static Article withComputedLinks(Article article, List<RelatedLink> computed) {
        List<RelatedLink> links = new ArrayList<>();
        for (RelatedLink existing : article.getRelated()) {
            if ("publisher".equals(existing.getOrigin())) {
                links.add(existing);
            }
        }
        links.addAll(computed);
        return Article.newBuilder(article).setRelated(links).build();
    }
}
