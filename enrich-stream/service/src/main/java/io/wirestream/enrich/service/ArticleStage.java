package io.wirestream.enrich.service;

import io.wirestream.avro.Article;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;

/**
 * One step between normalisation and release (story versions and dedupe, tags and links). Takes articles keyed by
 * story uri and returns articles keyed by story uri; how it partitions internally is its own business.
 */
@FunctionalInterface
public interface ArticleStage {

    KStream<String, Article> apply(StreamsBuilder builder, KStream<String, Article> articles);
}
