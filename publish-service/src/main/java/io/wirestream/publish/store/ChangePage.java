package io.wirestream.publish.store;

import java.util.List;

/**
 * A page of the change feed.
 *
 * @param nextCursor where to continue; equal to the asked cursor when nothing new is visible
 */
public record ChangePage(List<ArticleChange> changes, long nextCursor) {
}
