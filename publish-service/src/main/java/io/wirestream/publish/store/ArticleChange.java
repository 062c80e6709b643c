package io.wirestream.publish.store;

/**
 * One entry of a store's change feed: the story's state after its latest visible change.
 *
 * @param cursor pass this as {@code since} to continue after this entry
 */
public record ArticleChange(long cursor, String uri, long version, StoryStatus status, String headline, String document) {
}
