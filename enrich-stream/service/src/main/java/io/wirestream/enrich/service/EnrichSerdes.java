package io.wirestream.enrich.service;

import io.wirestream.avro.Article;
import io.wirestream.avro.RawItem;
import io.wirestream.avro.Rejection;
import io.wirestream.runtime.config.KafkaSettings;
import io.wirestream.contracts.topics.Topics;
import java.util.Map;
import org.apache.kafka.common.serialization.Serde;

/** The serdes the topology needs, all in the Confluent wire format, built once from one registry configuration. */
public record EnrichSerdes(Serde<String> key, Serde<RawItem> raw, Serde<Article> article, Serde<Rejection> rejection, Map<String, ?> config) {

    public static EnrichSerdes of(Map<String, ?> serdeConfig) {
        return of(serdeConfig, KafkaSettings.DEFAULT_MAX_RECORD_BYTES);
    }

    /**
     * @param maxRecordBytes the size budget ({@code kafka.max.record.bytes}): an article serialized larger is refused
     *                       by the serializer, so the production guard rejects it instead of the producer failing
     *                       the transaction (see {@link BudgetedSerde})
     */
    public static EnrichSerdes of(Map<String, ?> serdeConfig, int maxRecordBytes) {
        return new EnrichSerdes(Topics.RAW.keySerde(serdeConfig), Topics.RAW.valueSerde(serdeConfig),
                new BudgetedSerde<>(Topics.ARTICLES.valueSerde(serdeConfig), maxRecordBytes), Topics.REJECTED.valueSerde(serdeConfig),
                serdeConfig);
    }
}
