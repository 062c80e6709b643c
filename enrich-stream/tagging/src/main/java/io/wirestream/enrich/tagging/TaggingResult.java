package io.wirestream.enrich.tagging;

import io.wirestream.enrich.tagging.entities.Mention;
import io.wirestream.enrich.tagging.entities.ResolvedEntity;
import io.wirestream.enrich.tagging.subjects.ScoredTopic;
import io.wirestream.enrich.tagging.text.Token;

import java.util.List;

/**
 * What the tagger found in one text, before it is written into an {@link io.wirestream.avro.Article}.
 *
 * @param tokens the text's tokens
 * @param mentions every entity mention (including low-confidence ones, for evaluation)
 * @param entities entities at or above the tagger's confidence threshold, in order of first mention
 * @param topics inferred Media Topics
 * @param keywords salient terms
 */
public record TaggingResult(List<Token> tokens, List<Mention> mentions, List<ResolvedEntity> entities,
                            List<ScoredTopic> topics, List<String> keywords) {
}
