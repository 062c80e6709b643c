package io.wirestream.quality.tagging;

import java.util.List;

/**
 * A story of a linking corpus.
 *
 * @param id unique id
 * @param event stories with the same event are about the same real event (the links we want)
 * @param topic stories with the same topic but another event are the hard negatives (same kind of event)
 * @param part which part of the corpus the story is in when its queries are reported separately (e.g. the part looked
 *             at while tuning the ranking and the part held out), or null
 * @param headline its headline
 * @param paragraphs its body
 */
public record EvaluationStory(String id, String event, String topic, String part, String headline,
                              List<String> paragraphs) {
}
