package io.wirestream.publish.store;

/** A search result: usable, visible stories only. */
public record SearchHit(String uri, long version, String headline, double score) {
}
