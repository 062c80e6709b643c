package io.wirestream.ingest.pull;

import java.util.List;

/**
 * A parsed feed.
 *
 * @param kind {@code rss} or {@code atom}
 * @param entries in the order of the document (feeds usually list the newest first)
 */
public record FeedDocument(String kind, String title, List<FeedEntry> entries) {

    public String entryContentType() {
        return kind.equals("atom") ? "application/atom+xml" : "application/rss+xml";
    }
}
