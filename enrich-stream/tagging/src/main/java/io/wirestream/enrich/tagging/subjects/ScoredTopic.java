package io.wirestream.enrich.tagging.subjects;

/**
 * A topic with its relevance for one article.
 *
 * @param topic the Media Topic
 * @param relevance 0..1, relative to the article's strongest topic
 */
public record ScoredTopic(MediaTopic topic, double relevance) {
}
