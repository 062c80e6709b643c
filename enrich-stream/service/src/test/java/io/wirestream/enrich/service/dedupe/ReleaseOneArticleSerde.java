package io.wirestream.enrich.service.dedupe;

import io.wirestream.avro.Article;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The article serde of the golden state files ({@code state-v1/}): plain Avro binary in the {@code Article} schema of
 * release 1 ({@code state-v1/Article-release-1.avsc}, a copy of {@code contracts/released/1}), which is what wrote
 * them. In a deployment the registry-framed serde tells a reader which schema wrote each nested article, so state
 * written before a schema change is read with that schema; this stand-in knows it without a registry. It also writes
 * in release 1's schema, so the golden files' "written again the same" check still holds; fields added since (they
 * are all optional) are left out of what it writes and read back as their defaults.
 */
final class ReleaseOneArticleSerde implements Serde<Article> {

    static final Schema RELEASE_1 = load();

    @Override
    public Serializer<Article> serializer() {
        return (topic, article) -> {
            if (article == null) {
                return null;
            }
            try {
                GenericRecord asReleaseOne = new GenericDatumReader<GenericRecord>(Article.getClassSchema(), RELEASE_1)
                        .read(null, DecoderFactory.get().binaryDecoder(new AvroBinarySerde<>(Article.class).serializer()
                                .serialize(topic, article), null));
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
                new GenericDatumWriter<GenericRecord>(RELEASE_1).write(asReleaseOne, encoder);
                encoder.flush();
                return out.toByteArray();
            } catch (IOException e) {
                throw new SerializationException(e);
            }
        };
    }

    @Override
    public Deserializer<Article> deserializer() {
        return (topic, data) -> {
            if (data == null) {
                return null;
            }
            try {
                return new SpecificDatumReader<Article>(RELEASE_1, Article.getClassSchema())
                        .read(null, DecoderFactory.get().binaryDecoder(data, null));
            } catch (IOException e) {
                throw new SerializationException(e);
            }
        };
    }

    private static Schema load() {
        try (InputStream in = ReleaseOneArticleSerde.class.getResourceAsStream("/state-v1/Article-release-1.avsc")) {
            return new Schema.Parser().parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
