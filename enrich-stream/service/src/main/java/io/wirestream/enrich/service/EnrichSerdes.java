package io.wirestream.enrich.service;

import io.wirestream.avro.Article;
import io.wirestream.avro.RawItem;
import io.wirestream.avro.Rejection;
import io.wirestream.schema.topics.Topics;
import java.util.Map;
import org.apache.kafka.common.serialization.Serde;

/** The serdes the topology needs, all in the Confluent wire format, built once from one registry configuration. */
public record EnrichSerdes(Serde<String> key, Serde<RawItem> raw, Serde<Article> article, Serde<Rejection> rejection, Map<String, ?> config) {

    public static EnrichSerdes of(Map<String, ?> serdeConfig) {
        return new EnrichSerdes(Topics.RAW.keySerde(serdeConfig), Topics.RAW.valueSerde(serdeConfig),
                Topics.ARTICLES.valueSerde(serdeConfig), Topics.REJECTED.valueSerde(serdeConfig), serdeConfig);
    }
}
