package io.wirestream.subscriptions;

import io.wirestream.avro.Article;
import java.util.List;
import java.util.Set;

/**
 * One downstream site: who it is, how it proves it (hashed API keys, for the read API), what it has licensed (its
 * products), how its copy is written and where it goes.
 *
 * @param apiKeyHashes {@code sha256:<hex>} hashes of its API keys, as ingest stores agency keys
 * @param topic        whether its copy goes to its own compacted topic ({@code <prefix><id>})
 * @param webhook      its webhook, or null
 */
public record Subscriber(String id, String name, Set<String> apiKeyHashes, List<Product> products, OutputFormat format,
                         boolean topic, WebhookChannel webhook) {

    public Subscriber {
        apiKeyHashes = Set.copyOf(apiKeyHashes);
        products = List.copyOf(products);
    }

    /** The first of its products this version of a story is in, or null when it is entitled to none. */
    public Product productFor(Article article) {
        for (Product p : products) {
            if (p.matches(article)) {
                return p;
            }
        }
        return null;
    }

    public boolean entitledTo(Article article) {
        return productFor(article) != null;
    }
}
