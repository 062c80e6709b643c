package io.wirestream.publish.consumer;

import io.wirestream.avro.Article;
import io.wirestream.publish.store.IncomingRecord;
import io.wirestream.publish.testing.TestArticles;
import io.wirestream.schema.registry.InMemorySchemaRegistryClient;
import io.wirestream.schema.serde.WireAvroDeserializer;
import io.wirestream.schema.serde.WireAvroSerializer;
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
}
