package io.wirestream.publish.consumer;

import io.wirestream.avro.Article;
import io.wirestream.publish.store.IncomingRecord;
import io.wirestream.publish.testing.TestArticles;
import io.wirestream.contracts.registry.InMemorySchemaRegistryClient;
import io.wirestream.contracts.serde.WireAvroDeserializer;
import io.wirestream.contracts.serde.WireAvroSerializer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class ArticleRecordDecoderTest {

    static final String TOPIC = "wire.articles";
    final InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();
    final WireAvroSerializer<String> keys = new WireAvroSerializer<>(registry, true, true);
    final WireAvroSerializer<Article> values = new WireAvroSerializer<>(registry, true, false);
    final ArticleRecordDecoder decoder = new ArticleRecordDecoder(new WireAvroDeserializer<>(String.class, registry),
            new WireAvroDeserializer<>(Article.class, registry));

    ConsumerRecord<byte[], byte[]> record(byte[] key, byte[] value) {
        return new ConsumerRecord<>(TOPIC, 2, 41, key, value);
    }

    @Test
    void decodesAnArticleInTheWireFormat() {
        Article article = TestArticles.usable("testwire:decode", 3);
        IncomingRecord decoded = decoder.decode(record(keys.serialize(TOPIC, article.getUri()), values.serialize(TOPIC, article)));

        assertThat(decoded.kind()).isEqualTo(IncomingRecord.Kind.ARTICLE);
        assertThat(decoded.article()).isEqualTo(article);
        assertThat(decoded.storyUri()).isEqualTo("testwire:decode");
        assertThat(decoded.partition()).isEqualTo(2);
        assertThat(decoded.offset()).isEqualTo(41);
    }

    @Test
    void aNullValueIsATombstoneForItsKey() {
        IncomingRecord decoded = decoder.decode(record(keys.serialize(TOPIC, "testwire:gone"), null));
        assertThat(decoded.kind()).isEqualTo(IncomingRecord.Kind.TOMBSTONE);
        assertThat(decoded.storyUri()).isEqualTo("testwire:gone");
    }

    @Test
    void anUnreadableValueIsSkippedNotThrown() {
        IncomingRecord garbage = decoder.decode(record("testwire:bad".getBytes(StandardCharsets.UTF_8),
                "{\"not\":\"avro\"}".getBytes(StandardCharsets.UTF_8)));
        IncomingRecord unknownSchema = decoder.decode(record(null, new byte[] {0, 0, 0, 0, 99, 1, 2, 3}));

        assertThat(garbage.kind()).isEqualTo(IncomingRecord.Kind.UNREADABLE);
        assertThat(garbage.storyUri()).isEqualTo("testwire:bad");
        assertThat(unknownSchema.kind()).isEqualTo(IncomingRecord.Kind.UNREADABLE);
        assertThat(unknownSchema.offset()).isEqualTo(41);
    }

    /** Issue 13: only the registry's own "schema not found" is the record's fault; every other registry error waits. */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({"503,50301,true", "500,50001,true", "401,401,true",
            "404,404,true", "404,40403,false", "-1,-1,true"})
    void registryErrorsAreOutagesExceptAnUnknownSchema(int status, int code, boolean outage) {
        io.wirestream.contracts.registry.SchemaRegistryException registry = status < 0
                ? new io.wirestream.contracts.registry.SchemaRegistryException("unreachable", new java.net.ConnectException("refused"))
                : new io.wirestream.contracts.registry.SchemaRegistryException(status, code, "test");
        org.apache.kafka.common.errors.SerializationException wrapped =
                new org.apache.kafka.common.errors.SerializationException("could not read", registry);
        assertThat(ArticleRecordDecoder.isOutage(wrapped)).isEqualTo(outage);
        assertThat(ArticleRecordDecoder.isUnknownSchema(wrapped)).isEqualTo(!outage);
    }

    @org.junit.jupiter.api.Test
    void aBadRecordBecomesARejectionWithItsPosition() {
        java.util.List<io.wirestream.avro.Rejection> rejections = new java.util.ArrayList<>();
        IncomingRecord bad = decoder.decode(record("testwire:bad".getBytes(StandardCharsets.UTF_8), new byte[] {1, 2, 3}), rejections);

        assertThat(bad.kind()).isEqualTo(IncomingRecord.Kind.UNREADABLE);
        assertThat(rejections).singleElement().satisfies(r -> {
            assertThat(r.getStage()).isEqualTo("publish");
            assertThat(r.getReason()).isEqualTo(Rejections.CORRUPT);
            assertThat(r.getRaw().getItemId()).isEqualTo(TOPIC + "/2@41");
            assertThat(r.getRaw().getOffset()).isEqualTo(41L);
        });
    }
}
