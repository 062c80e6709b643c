package io.wirestream.enrich.service.links;

import io.wirestream.avro.Article;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/** Plain Avro single-object encoding, so the stage's tests need no schema registry. */
final class AvroBinaryArticleSerde {

    private AvroBinaryArticleSerde() {
    }

    static Serde<Article> create() {
        return Serdes.serdeFrom((topic, article) -> {
            if (article == null) {
                return null;
            }
            try {
                ByteBuffer b = article.toByteBuffer();
                byte[] bytes = new byte[b.remaining()];
                b.get(bytes);
                return bytes;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, (topic, bytes) -> {
            if (bytes == null) {
                return null;
            }
            try {
                return Article.fromByteBuffer(ByteBuffer.wrap(bytes));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
